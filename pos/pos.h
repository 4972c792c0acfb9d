/* SPDX-License-Identifier: ISC */
/*
 * The cashier program's own header: the screen stack, the action table and
 * the drawing helpers. Screens are const tables of callbacks (docs/STYLE.md
 * §Tables); every key a cashier may press is one row of pos_actions[],
 * from which the legend, the help screen and `ntt-pos keys` are made.
 * Nothing here computes money: screens show what core/counter.h says.
 */
#ifndef NTT_POS_H
#define NTT_POS_H

#include <libintl.h>
#include <wchar.h>

#include "core.h"

#define _(s)		gettext(s)
#define N_(s)		(s)

#define UI_INPUT_MAX	600	/* a QRIS payload is at most 512 */
#define UI_STACK_MAX	8
#define UI_MIN_COLS	80
#define UI_MIN_ROWS	24

/* Screens, as bits for the action table. */
#define SCR_LOGIN	0x0001
#define SCR_SALE	0x0002
#define SCR_PAY		0x0004
#define SCR_QRIS	0x0008
#define SCR_SEARCH	0x0010
#define SCR_HELD	0x0020
#define SCR_PROMPT	0x0040
#define SCR_APPROVE	0x0080
#define SCR_CONFIRM	0x0100
#define SCR_HELP	0x0200
#define SCR_MENU	0x0400		/* the back office (screen-office.c) */
#define SCR_LIST	0x0800
#define SCR_FORM	0x1000
#define SCR_IMPORT	0x00100000	/* CSV import (office-import.c) */
#define SCR_SETUP	0x00010000	/* the first-run setup */
#define SCR_REPORT	0x01000000	/* a report on screen (office-shift.c) */
#define SCR_ALL		0x7fffffff

struct ui;

struct screen {
	const char	*name;		/* "sale" */
	int		 id;		/* SCR_* */
	const char	*title;		/* header text */
	int		 flags;
#define SCREEN_FULL	0x01		/* draws all but the status line */
	void		(*enter)(struct ui *);
	void		(*draw)(struct ui *);
	/* Keys no action took: text input. */
	void		(*key)(struct ui *, wint_t ch);
	void		(*leave)(struct ui *);
};

struct action {
	const char	*name;		/* "void-line": for help and tests */
	int		 screens;	/* SCR_* mask */
	int		 key;		/* curses key code or character */
	const char	*keyname;	/* "F4" */
	const char	*label;		/* legend word, or NULL: not shown */
	const char	*help;		/* one line for the help screen */
	void		(*fn)(struct ui *);
};

/* A typed line: what the cashier is writing in the focused field. */
struct ui_field {
	char		 text[UI_INPUT_MAX];
	size_t		 len;
	bool		 secret;	/* shown as stars; lives in text */
	char		*secret_buf;	/* locked buffer when secret */
};

/* What the prompt screen asks, and what it does with the answer. */
struct ui_prompt {
	char		 title[96];
	char		 hint[160];
	struct ui_field	 field;
	void		(*done)(struct ui *, const char *text);
	void		(*cancel)(struct ui *);
	size_t		 line;		/* the sale line it is about */
	int		 flags;
#define PROMPT_DIGITS	0x01		/* digits, '*', ',' '.' only */
};

/*
 * The back office (screen-office.c): the menu's rows, a list a service
 * fills, a form a service checks. A screen of the back office is an
 * office_item plus a fetch or a submit function.
 */
struct office_item {
	int		 key;		/* '1' */
	const char	*label;
	enum role_act	 act;		/* who may open it (rules/role.h) */
	void		(*open)(struct ui *);
};

#define OFFICE_ROWS_MAX		200
#define OFFICE_ROW_MAX		160
#define OFFICE_KEY_MAX		64
struct office_row {
	char		 text[OFFICE_ROW_MAX];	/* as shown */
	char		 key[OFFICE_KEY_MAX];	/* what Enter picks */
};
struct office_list {
	char		 title[96];
	const char	*columns;	/* the header line */
	/* Fills rows[] (n) for what is typed in search; *cause on error. */
	enum pos_rc	(*fetch)(struct ui *, struct office_list *,
			    const char *q, char **cause);
	void		(*pick)(struct ui *, struct office_list *,
			    const char *key);	/* Enter */
	void		(*add)(struct ui *, struct office_list *);	/* F2 */
	void		(*extra)(struct ui *, struct office_list *,
			    const char *key);	/* F7, or NULL */
	bool		 paged;		/* fetch reads offset */
	size_t		 offset;	/* of rows[0] in the whole list */
	struct ui_field	 search;
	struct office_row rows[OFFICE_ROWS_MAX];
	size_t		 n, sel, top;
	void		*arg;
};

#define FORM_FIELDS_MAX		24
struct form_field {
	const char	*label;
	const char	*hint;		/* one line under it when focused */
	int		 flags;
#define FORM_DIGITS	0x01		/* digits and ,.% only */
#define FORM_SECRET	0x02		/* a PIN: stars, a locked buffer */
	const char *const *choices;	/* a closed set, NULL-ended; or NULL */
};
struct office_form {
	char		 title[96];
	const struct form_field *fields;
	size_t		 nfields;
	struct ui_field	 values[FORM_FIELDS_MAX];
	int		 focus;
	/* F10: the service says yes (the form closes) or why not. */
	enum pos_rc	(*submit)(struct ui *, struct office_form *,
			    char **cause);
	const char	*done;		/* said when saved, or NULL */
	void		*arg;
	char		 key[OFFICE_KEY_MAX];	/* what is being edited */
	/* After a save, once the form is closed (may be NULL). */
	void		(*after)(struct ui *, struct office_form *);
};

/* An action that waits for a manager, then runs again. */
enum ui_retry {
	RETRY_NONE = 0,
	RETRY_DISCOUNT,
	RETRY_COMMIT,
	RETRY_VOID,		/* a line voided once the sale has a tender */
	RETRY_CANCEL,
	RETRY_REPRINT,
	RETRY_SCAN,		/* a code past a warning (warn.*) */
	RETRY_ADD,		/* a search hit past a warning: sku, qty */
	RETRY_WEIGHT,		/* grams of a weighed product, the same */
	RETRY_FORM,		/* the form's save (F10) again */
};

struct ui {
	struct ledger	*l;
	struct counter	*c;
	const char	*db_path;
	const struct screen *stack[UI_STACK_MAX];
	int		 depth;
	bool		 quit;
	bool		 color;
	bool		 utf8;
	int		 rows, cols;

	char		 msg[256];
	int		 msg_kind;
#define MSG_INFO	0
#define MSG_ERROR	1
#define MSG_OK		2

	/* Login screen. */
	struct ui_field	 login_user, login_pin;
	int		 login_focus;		/* 0 user, 1 PIN */
	bool		 login_unlock;		/* asking to unlock */
	struct ui_field	 unlock_user;

	/* Sale screen. */
	struct ui_field	 input;
	size_t		 sel;			/* selected line */
	size_t		 top;			/* first line shown */
	size_t		 seen;			/* lines when last drawn */
	struct counter_done last;		/* shown while empty */
	bool		 have_last;

	/* Search screen. */
	struct ui_field	 search;
	struct counter_hit hits[COUNTER_HITS_MAX];
	size_t		 nhits, hit_sel;

	/* Held list. */
	struct counter_held held[COUNTER_HELD_MAX];
	size_t		 nheld, held_sel;

	/* Payment and QRIS. */
	struct ui_field	 pay;
	char		*qris_payload;
	char		*qris_merchant;
	int64_t		 qris_amount;
	char		 pay_method[12];	/* waiting for its reference */
	int64_t		 pay_amount;

	/* Prompt, confirm and approval. */
	struct ui_prompt prompt;
	char		 confirm[160];
	void		(*confirm_yes)(struct ui *);
	struct ui_field	 appr_user, appr_pin;
	int		 appr_focus;
	enum ui_retry	 retry;
	size_t		 retry_line;
	char		 retry_text[UI_INPUT_MAX];

	/* Help. */
	int		 help_top;

	/* Back office (screen-office.c). */
	size_t		 menu_sel;
	struct office_list *list;		/* the list shown, or NULL */
	struct office_form *form;		/* the form shown, or NULL */
};

/* ui.c */
int		 ui_main(const char *db_path);
void		 ui_push(struct ui *, const struct screen *);
void		 ui_pop(struct ui *);
void		 ui_replace(struct ui *, const struct screen *);
const struct screen *ui_top(const struct ui *);
void		 ui_msg(struct ui *, int kind, const char *, ...)
		    printflike(3, 4);
/* Shows cause (or what) as an error and frees cause. */
void		 ui_fail(struct ui *, char *cause, const char *what);
/* Drawing: the content area is rows [ui_top_row, ui_bottom_row]. */
int		 ui_top_row(const struct ui *);
int		 ui_bottom_row(const struct ui *);
void		 ui_put(int y, int x, int width, const char *s);
void		 ui_put_right(int y, int x, int width, const char *s);
int		 ui_width(const char *s);
void		 ui_box(int y, int x, int h, int w, const char *title);
/* Large digits for money, right-aligned ending at column x_end. */
int		 ui_big_money(struct ui *, int y, int x_end, int64_t rp);
void		 ui_draw_field(struct ui *, int y, int x, int width,
		    const struct ui_field *, bool focus);
/* Applies an editing key to f; true when it was one (char, backspace). */
bool		 ui_field_key(struct ui_field *, wint_t ch, int flags);
void		 ui_field_clear(struct ui_field *);
void		 ui_field_set(struct ui_field *, const char *);
void		 ui_field_secret(struct ui_field *);
void		 ui_field_free(struct ui_field *);
/* Colour pairs. */
#define UI_PAIR_HEAD	1
#define UI_PAIR_ERROR	2
#define UI_PAIR_OK	3
#define UI_PAIR_KEY	4
#define UI_PAIR_TOTAL	5
#define UI_PAIR_QR	6
#define UI_PAIR_SEL	7
#define UI_PAIR_STATUS	8
int		 ui_attr(const struct ui *, int pair, int mono);

/* action.c */
extern const struct action pos_actions[];
extern const size_t pos_nactions;
/* The action for key on the top screen, or NULL. */
const struct action *action_find(int screen_id, int key);
/* Draws the legend of screen_id on rows y.. (1 or 2); returns rows used. */
int		 action_legend(const struct ui *, int y, int screen_id,
		    bool draw);
/* The help text of every key, for `ntt-pos keys`. */
void		 action_print(FILE *);

/* Prompts and questions (screen-prompt.c). */
void		 ui_ask(struct ui *, const char *title, const char *hint,
		    int flags, size_t line,
		    void (*done)(struct ui *, const char *),
		    void (*cancel)(struct ui *));
void		 ui_confirm(struct ui *, const char *question,
		    void (*yes)(struct ui *));
/*
 * When rc is POS_ENEED_APPROVAL: frees cause, asks for a manager's code
 * and PIN for counter_approval_detail(), and once approved runs retry
 * (with line and text) again; true. Otherwise false: rc and cause are
 * still the caller's to show.
 */
bool		 ui_approve(struct ui *, enum pos_rc rc, char *cause,
		    enum ui_retry retry, size_t line, const char *text);
/* Empties the approval box, the cursor in its code field. */
void		 ui_approve_clear(struct ui *);
/* Runs the action that waited for approval. */
void		 ui_retry_run(struct ui *);

/* action.c: actions a manager's approval runs again (ui_retry_run). */
void		 act_void_run(struct ui *, size_t line);
void		 act_cancel_run(struct ui *);
void		 act_reprint_run(struct ui *, const char *text);

/* screen-sale.c, screen-pay.c: shared with actions. */
/*
 * What core said about a change to the sale: a refusal shown (cause
 * freed), or POS_ENEED_WEIGHT: the cashier is asked the grams of the
 * weighed product core names, and it goes on the sale with them.
 */
void		 sale_screen_after(struct ui *, enum pos_rc, char *cause);
void		 pay_screen_commit(struct ui *);
void		 pay_screen_done(struct ui *);
void		 search_screen_open(struct ui *, const char *initial);
void		 search_screen_query(struct ui *);
void		 held_screen_load(struct ui *);
void		 qris_screen_open(struct ui *, int64_t amount);

/* screen-office.c: the menu, lists and forms of the back office. */
const struct office_item *office_menu_items(size_t *n);
void		 office_menu_open(struct ui *);
void		 office_menu_pick(struct ui *);
void		 office_menu_up(struct ui *);
void		 office_menu_down(struct ui *);
void		 office_list_open(struct ui *, struct office_list *);
void		 office_list_reload(struct ui *);
void		 office_list_up(struct ui *);
void		 office_list_down(struct ui *);
void		 office_list_pgup(struct ui *);
void		 office_list_pgdn(struct ui *);
void		 office_list_pick(struct ui *);
void		 office_list_add(struct ui *);
void		 office_list_extra(struct ui *);
void		 office_form_open(struct ui *, struct office_form *);
void		 office_form_set(struct office_form *, size_t i,
		    const char *value);
const char	*office_form_get(const struct office_form *, size_t i);
void		 office_form_next(struct ui *);
void		 office_form_prev(struct ui *);
void		 office_form_save(struct ui *);
void		 office_form_choose_next(struct ui *);
void		 office_form_choose_prev(struct ui *);
void		 office_form_cancel(struct ui *);
/* office-settings.c, ...: each back-office screen's opener. */
void		 office_settings_open(struct ui *);
/* office-labels.c: the products to label; or the form for one product
 * (the product screen's entry point). */
void		 office_labels_open(struct ui *);
void		 office_labels_for(struct ui *, const char *sku);
/* office-import.c: the CSV screen and its keys. */
void		 office_import_open(struct ui *);
void		 office_import_check(struct ui *);
void		 office_import_commit(struct ui *);
void		 office_import_export(struct ui *);
void		 office_import_field(struct ui *);
void		 office_import_up(struct ui *);
void		 office_import_down(struct ui *);
void		 office_import_pgup(struct ui *);
void		 office_import_pgdn(struct ui *);
void		 office_products_open(struct ui *);
void		 office_stock_open(struct ui *);
void		 office_producers_open(struct ui *);
void		 office_users_open(struct ui *);
/* Helpers the back-office screens share (screen-office.c). */
/* The text of a rupiah amount as a form shows it: "15.000". */
void		 office_rp_text(int64_t rp, char *out, size_t size);

/*
 * screen-setup.c: the first-run setup on a path with no ledger. setup_run
 * pushes its screens; once the outlet is made, ui->l and ui->c are open
 * and the login screen replaces them. setup_end wipes what it held.
 */
void		 setup_run(struct ui *);
void		 setup_end(void);
void		 setup_next(struct ui *);
void		 setup_quit(struct ui *);
/* office-lots.c: goods in per lot, lots, returns, counts, settlements. */
void		 office_intake_open(struct ui *);
void		 office_lots_open(struct ui *);
void		 office_due_open(struct ui *);
void		 office_count_open(struct ui *);
void		 office_settle_open(struct ui *);
void		 office_settles_open(struct ui *);
/* office-shift.c: shifts, cash, X, Z, month, sales reports. */
void		 office_shift_open(struct ui *);
void		 office_cash_open(struct ui *);
void		 office_x_open(struct ui *);
void		 office_shift_close_open(struct ui *);
void		 office_day_close_open(struct ui *);
void		 office_month_open(struct ui *);
void		 office_sales_open(struct ui *);
/* After a login: the shift form when the user has no shift open. */
void		 office_shift_login(struct ui *);
void		 office_report_print(struct ui *);
void		 office_report_up(struct ui *);
void		 office_report_down(struct ui *);
void		 office_report_pgup(struct ui *);
void		 office_report_pgdn(struct ui *);
void		 office_report_back(struct ui *);

/* qr.c: a QR of text drawn with block characters; returns its size. */
int		 qr_draw(struct ui *, int y, int x, int max_h, int max_w,
		    const char *text, int *h_out, int *w_out);

extern const struct screen screen_menu, screen_list, screen_form,
    screen_import, screen_setup, screen_report;
extern const struct screen screen_login, screen_sale, screen_pay,
    screen_qris, screen_search, screen_held, screen_prompt,
    screen_approve, screen_confirm, screen_help;

#endif
