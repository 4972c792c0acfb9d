/* SPDX-License-Identifier: ISC */
/*
 * The terminal: curses set-up and tear-down (also on every fatal path and
 * SIGTERM: docs/STYLE.md §Fatal paths restore the terminal), the screen
 * stack, the main loop, and the drawing every screen shares: header,
 * message line, F-key legend, status line, fields, large digits. Works at
 * 80x24 and uses larger terminals.
 */
#include <sys/file.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ncursesw/curses.h>

#include "pos.h"

static volatile sig_atomic_t ui_signalled;
static bool	 ui_curses_on;

static void
ui_teardown(void)
{
	if (ui_curses_on) {
		endwin();
		ui_curses_on = false;
	}
}

static void
ui_on_signal(int sig)
{
	ui_signalled = sig;
}

int
ui_attr(const struct ui *ui, int pair, int mono)
{
	return ui->color ? (int)COLOR_PAIR(pair) : mono;
}

void
ui_push(struct ui *ui, const struct screen *s)
{
	if (ui->depth >= UI_STACK_MAX)
		fatalx("screen stack full");
	ui->stack[ui->depth++] = s;
	if (s->enter != NULL)
		s->enter(ui);
}

void
ui_pop(struct ui *ui)
{
	const struct screen *s;

	if (ui->depth <= 1)
		return;
	s = ui->stack[--ui->depth];
	if (s->leave != NULL)
		s->leave(ui);
}

void
ui_replace(struct ui *ui, const struct screen *s)
{
	while (ui->depth > 0) {
		const struct screen *old = ui->stack[--ui->depth];

		if (old->leave != NULL)
			old->leave(ui);
	}
	ui_push(ui, s);
}

const struct screen *
ui_top(const struct ui *ui)
{
	return ui->depth > 0 ? ui->stack[ui->depth - 1] : NULL;
}

void
ui_msg(struct ui *ui, int kind, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_kind = kind;
}

void
ui_fail(struct ui *ui, char *cause, const char *what)
{
	ui_msg(ui, MSG_ERROR, "%s", cause != NULL ? cause : what);
	free(cause);
	beep();
}

/* Display width of a UTF-8 string. */
int
ui_width(const char *s)
{
	mbstate_t st;
	wchar_t	 wc;
	size_t	 n;
	int	 w = 0, cw;

	memset(&st, 0, sizeof st);
	while (*s != '\0') {
		n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&st, 0, sizeof st);
			s++;
			w++;
			continue;
		}
		if ((cw = wcwidth(wc)) > 0)
			w += cw;
		s += n;
	}
	return w;
}

/* Puts s at y,x within width columns, cut or padded with spaces. */
void
ui_put(int y, int x, int width, const char *s)
{
	mbstate_t st;
	wchar_t	 wc;
	size_t	 n;
	int	 used = 0, cw;

	if (width <= 0)
		return;
	move(y, x);
	memset(&st, 0, sizeof st);
	while (*s != '\0') {
		n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&st, 0, sizeof st);
			wc = L'?';
			n = 1;
		}
		cw = wcwidth(wc);
		if (cw < 0) {
			wc = L'?';
			cw = 1;
		}
		if (used + cw > width)
			break;
		addnwstr(&wc, 1);
		used += cw;
		s += n;
	}
	for (; used < width; used++)
		addch(' ');
}

void
ui_put_right(int y, int x, int width, const char *s)
{
	int	 w = ui_width(s);

	if (w >= width)
		ui_put(y, x, width, s);
	else {
		ui_put(y, x, width - w, "");
		ui_put(y, x + width - w, w, s);
	}
}

void
ui_box(int y, int x, int h, int w, const char *title)
{
	int	 i;

	for (i = 0; i < h; i++)
		ui_put(y + i, x, w, "");
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	if (title != NULL && *title != '\0') {
		attron(A_BOLD);
		mvaddstr(y, x + 2, " ");
		ui_put(y, x + 3, ui_width(title) < w - 6 ? ui_width(title) :
		    w - 6, title);
		addstr(" ");
		attroff(A_BOLD);
	}
}

/* 3x3 glyphs from half and full blocks. */
static const char *const ui_digits[10][3] = {
	{ "█▀█", "█ █", "█▄█" }, { "▀█ ", " █ ", "▄█▄" },
	{ "▀▀█", "█▀▀", "█▄▄" }, { "▀▀█", " ▀█", "▄▄█" },
	{ "█ █", "▀▀█", "  █" }, { "█▀▀", "▀▀█", "▄▄█" },
	{ "█▀▀", "█▀█", "█▄█" }, { "▀▀█", "  █", "  █" },
	{ "█▀█", "█▀█", "█▄█" }, { "█▀█", "▀▀█", "▄▄█" },
};

int
ui_big_money(struct ui *ui, int y, int x_end, int64_t rp)
{
	char	 s[MONEY_FMT_MAX];
	int	 w = 0, x, r, i;

	money_fmt_plain(rp, s);
	for (i = 0; s[i] != '\0'; i++)
		w += s[i] == '.' ? 2 : s[i] == '-' ? 2 : 4;
	w += 3;					/* "Rp " */
	x = x_end - w + 1;
	if (!ui->utf8 || x < 0) {
		char	 t[MONEY_FMT_MAX];

		money_fmt(rp, t);
		attron(A_BOLD);
		ui_put_right(y + 1, x_end - 20, 21, t);
		attroff(A_BOLD);
		return 1;
	}
	mvaddstr(y + 1, x, "Rp");
	x += 3;
	for (i = 0; s[i] != '\0'; i++) {
		for (r = 0; r < 3; r++) {
			if (s[i] == '.')
				mvaddstr(y + r, x, r == 2 ? "▄" : " ");
			else if (s[i] == '-')
				mvaddstr(y + r, x, r == 1 ? "▄▄" : "  ");
			else
				mvaddstr(y + r, x, ui_digits[s[i] - '0'][r]);
		}
		x += s[i] == '.' || s[i] == '-' ? 2 : 4;
	}
	return 3;
}

void
ui_field_clear(struct ui_field *f)
{
	memset(f->text, 0, sizeof f->text);
	if (f->secret_buf != NULL)
		memset(f->secret_buf, 0, COUNTER_PIN_MAX);
	f->len = 0;
}

void
ui_field_set(struct ui_field *f, const char *s)
{
	ui_field_clear(f);
	snprintf(f->text, sizeof f->text, "%s", s);
	f->len = strlen(f->text);
}

/* PINs are typed into a locked buffer, never into the plain one. */
void
ui_field_secret(struct ui_field *f)
{
	f->secret = true;
	if (f->secret_buf == NULL)
		f->secret_buf = counter_secret_new();
	ui_field_clear(f);
}

void
ui_field_free(struct ui_field *f)
{
	ui_field_clear(f);
	counter_secret_free(f->secret_buf);
	f->secret_buf = NULL;
}

bool
ui_field_key(struct ui_field *f, wint_t ch, int flags)
{
	char	 mb[MB_LEN_MAX];
	char	*buf = f->secret ? f->secret_buf : f->text;
	size_t	 cap = f->secret ? COUNTER_PIN_MAX : sizeof f->text;
	int	 n;

	if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
		if (f->len == 0)
			return true;
		/* Back over one UTF-8 character. */
		do
			f->len--;
		while (f->len > 0 && ((unsigned char)buf[f->len] & 0xc0) ==
		    0x80);
		memset(buf + f->len, 0, cap - f->len);
		return true;
	}
	if (ch < 0x20 || ch == 0x7f || ch > 0x10ffff)
		return false;
	if (f->secret && (ch < '0' || ch > '9'))
		return true;
	if ((flags & PROMPT_DIGITS) &&
	    strchr("0123456789*,.%", (int)ch) == NULL)
		return true;
	if ((n = wctomb(mb, (wchar_t)ch)) <= 0 || f->len + (size_t)n >= cap)
		return true;
	memcpy(buf + f->len, mb, (size_t)n);
	f->len += (size_t)n;
	buf[f->len] = '\0';
	return true;
}

void
ui_draw_field(struct ui *ui, int y, int x, int width,
    const struct ui_field *f, bool focus)
{
	char	 stars[COUNTER_PIN_MAX + 1];
	const char *s = f->text;
	size_t	 i;
	int	 w;

	if (f->secret) {
		for (i = 0; i < f->len && i < COUNTER_PIN_MAX; i++)
			stars[i] = '*';
		stars[i] = '\0';
		s = stars;
	}
	attron(A_UNDERLINE);
	w = ui_width(s);
	/* Show the end of a long text. */
	while (w >= width && *s != '\0') {
		s++;
		while (((unsigned char)*s & 0xc0) == 0x80)
			s++;
		w = ui_width(s);
	}
	ui_put(y, x, width, s);
	attroff(A_UNDERLINE);
	if (focus) {
		move(y, x + w);
		curs_set(1);
	}
}

int
ui_top_row(const struct ui *ui)
{
	return 1;
}

static int
ui_legend_rows(const struct ui *ui)
{
	const struct screen *s = ui_top(ui);

	return s != NULL ? action_legend(ui, 0, s->id, false) : 1;
}

int
ui_bottom_row(const struct ui *ui)
{
	/* Message, legend (1-2 rows), status. */
	return ui->rows - 3 - (ui_legend_rows(ui) - 1) - 1;
}

static void
ui_draw_header(struct ui *ui)
{
	const struct counter_user *u = ui->c != NULL ? counter_user(ui->c) :
	    NULL;
	const struct screen *s = ui_top(ui);
	char	 right[96], left[160];
	int	 a = ui_attr(ui, UI_PAIR_HEAD, A_REVERSE) | A_BOLD;

	attron(a);
	snprintf(left, sizeof left, " %s", ui->l != NULL ?
	    ledger_outlet_name(ui->l) : _("NTT Mart: outlet baru"));
	ui_put(0, 0, ui->cols, left);
	if (s != NULL && s->title != NULL)
		ui_put((0), (ui->cols - ui_width(_(s->title))) / 2,
		    ui_width(_(s->title)), _(s->title));
	if (ui->c != NULL && u != NULL) {
		snprintf(right, sizeof right, "%s (%s) ", u->name, u->role);
		ui_put_right(0, ui->cols - 30, 30, right);
	}
	attroff(a);
}

/*
 * The status line, always visible: device, cashier, shift, business day
 * and time (WITA), entries the province has not acknowledged and how old
 * the oldest is, the printer. Shortened step by step to fit.
 */
static void
ui_draw_status(struct ui *ui)
{
	struct counter_status st;
	char	 line[256], age[COUNTER_AGE_MAX], sync[64], day[16], sh[40];
	int	 a = ui_attr(ui, UI_PAIR_STATUS, A_REVERSE), step;

	if (ui->c == NULL) {
		/* The setup: no ledger yet. */
		snprintf(line, sizeof line, " %s %s", _("Outlet baru:"),
		    ui->db_path);
		attron(a);
		ui_put(ui->rows - 1, 0, ui->cols, line);
		attroff(a);
		return;
	}
	counter_status(ui->c, &st);
	for (step = 0; step < 3; step++) {
		/* A day not closed by midnight is marked: "!" */
		if (step == 0)
			snprintf(day, sizeof day, "%.2s-%.2s-%.4s%s",
			    st.day + 8, st.day + 5, st.day, st.day_late ?
			    "!" : "");
		else
			snprintf(day, sizeof day, "%.2s-%.2s%s", st.day + 8,
			    st.day + 5, st.day_late ? "!" : "");
		snprintf(sh, sizeof sh, "%s %s", _("Shift"), st.shift);
		if (st.pending < 0)
			snprintf(sync, sizeof sync, "%s", _("Sinkron ?"));
		else if (st.sync_unsaved)
			/* ntt-pos summary and ntt-sync status say why. */
			snprintf(sync, sizeof sync, step == 0 ?
			    _("Sinkron GAGAL dicatat, %lld blm") :
			    _("Sink GAGAL %lld"), (long long)st.pending);
		else if (st.pending == 0)
			snprintf(sync, sizeof sync, "%s", _("Tersinkron"));
		else if (step == 2)
			snprintf(sync, sizeof sync, _("Blm sinkron %lld"),
			    (long long)st.pending);
		else
			snprintf(sync, sizeof sync, step == 0 ?
			    _("Belum sinkron %lld (%s)") :
			    _("Blm sinkron %lld (%s)"), (long long)st.pending,
			    counter_age_fmt(st.pending_age_ms, age));
		snprintf(line, sizeof line, step == 0 ?
		    " %s │ %s │ %s │ %s %s WITA │ %s │ Printer %s" :
		    " %s│%s│%s│%s %s│%s│Printer %s", st.device_id, st.user,
		    sh, day, st.time, sync, st.printer);
		if (ui_width(line) <= ui->cols)
			break;
	}
	attron(a);
	ui_put(ui->rows - 1, 0, ui->cols, line);
	attroff(a);
}

static void
ui_draw_msg(struct ui *ui)
{
	int	 y = ui->rows - 2 - (ui_legend_rows(ui) - 1) - 1, a = 0;

	if (ui->msg[0] == '\0') {
		ui_put(y, 0, ui->cols, "");
		return;
	}
	if (ui->msg_kind == MSG_ERROR)
		a = ui_attr(ui, UI_PAIR_ERROR, A_REVERSE) | A_BOLD;
	else if (ui->msg_kind == MSG_OK)
		a = ui_attr(ui, UI_PAIR_OK, A_BOLD);
	attron(a);
	ui_put(y, 0, ui->cols, ui->msg);
	attroff(a);
}

static void
ui_draw(struct ui *ui)
{
	const struct screen *s = ui_top(ui);
	int	 lrows;

	erase();
	curs_set(0);
	getmaxyx(stdscr, ui->rows, ui->cols);
	if (ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS) {
		mvprintw(0, 0, _("Layar terlalu kecil: %dx%d"), ui->cols,
		    ui->rows);
		mvprintw(1, 0, _("Perlu paling kecil %dx%d."), UI_MIN_COLS,
		    UI_MIN_ROWS);
		refresh();
		return;
	}
	ui_draw_status(ui);
	if (s->flags & SCREEN_FULL) {
		s->draw(ui);
		refresh();
		return;
	}
	ui_draw_header(ui);
	lrows = ui_legend_rows(ui);
	ui_draw_msg(ui);
	action_legend(ui, ui->rows - 1 - lrows, s->id, true);
	/* The screen last, so its cursor stays where it put it. */
	s->draw(ui);
	refresh();
}

/* Enter, Backspace and Esc in one spelling whatever the terminal sends. */
static int
ui_norm_key(int rv, wint_t wch)
{
	if (rv == KEY_CODE_YES) {
		if (wch == KEY_ENTER)
			return '\n';
		return (int)wch;
	}
	if (wch == '\r')
		return '\n';
	if (wch == 8 || wch == 127)
		return KEY_BACKSPACE;
	return (int)wch;
}

static void
ui_loop(struct ui *ui)
{
	const struct action *a;
	const struct screen *s;
	wint_t	 wch;
	int	 rv, key;

	while (!ui->quit && !ui_signalled) {
		ui_draw(ui);
		rv = get_wch(&wch);
		if (rv == ERR)
			continue;		/* the clock and status tick */
		if (rv == KEY_CODE_YES && wch == KEY_RESIZE)
			continue;
		key = ui_norm_key(rv, wch);
		s = ui_top(ui);
		if (ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS)
			continue;
		ui->msg[0] = '\0';
		if ((a = action_find(s->id, key)) != NULL)
			a->fn(ui);
		else if (s->key != NULL &&
		    (rv == OK || key == KEY_BACKSPACE))
			s->key(ui, key == KEY_BACKSPACE ? KEY_BACKSPACE :
			    wch);
	}
}

static void
ui_curses_init(struct ui *ui)
{
	const char *cs;

	cs = nl_langinfo(CODESET);
	ui->utf8 = cs != NULL && strcmp(cs, "UTF-8") == 0;
	set_escdelay(25);
	if (initscr() == NULL)
		fatalx("initscr failed");
	ui_curses_on = true;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(1000);
	ui->color = has_colors() && getenv("NO_COLOR") == NULL;
	if (ui->color) {
		start_color();
		use_default_colors();
		init_pair(UI_PAIR_HEAD, COLOR_WHITE, COLOR_BLUE);
		init_pair(UI_PAIR_ERROR, COLOR_WHITE, COLOR_RED);
		init_pair(UI_PAIR_OK, COLOR_GREEN, -1);
		init_pair(UI_PAIR_KEY, COLOR_BLACK, COLOR_CYAN);
		init_pair(UI_PAIR_TOTAL, COLOR_YELLOW, -1);
		init_pair(UI_PAIR_QR, COLOR_BLACK, COLOR_WHITE);
		init_pair(UI_PAIR_SEL, COLOR_BLACK, COLOR_CYAN);
		init_pair(UI_PAIR_STATUS, COLOR_BLACK, COLOR_WHITE);
	}
	getmaxyx(stdscr, ui->rows, ui->cols);
}

int
ui_main(const char *db_path)
{
	struct ui ui;
	struct sigaction sa;
	const char *localedir;
	char	*cause = NULL, *logpath, *lockpath;
	enum pos_rc rc;
	int	 lockfd;
	bool	 setting_up;

	memset(&ui, 0, sizeof ui);
	ui.db_path = db_path;
	/* One counter program per ledger: both would ring up sale 0. */
	lockpath = xasprintf("%s.pos-lock", db_path);
	lockfd = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	free(lockpath);
	if (lockfd == -1 || flock(lockfd, LOCK_EX | LOCK_NB) == -1) {
		fprintf(stderr, "ntt-pos: %s\n", lockfd == -1 ?
		    strerror(errno) : "kasir sudah berjalan pada ledger ini");
		if (lockfd != -1)
			close(lockfd);
		return 1;
	}
	/* A locale that is not installed still gets UTF-8 screens. */
	if (setlocale(LC_ALL, "") == NULL)
		setlocale(LC_ALL, "C.UTF-8");
	localedir = getenv("NTT_LOCALEDIR");
	bindtextdomain("ntt-pos", localedir != NULL && *localedir != '\0' ?
	    localedir : NTT_LOCALEDIR);
	textdomain("ntt-pos");
	logpath = xasprintf("%s.log", db_path);
	log_open(logpath);
	free(logpath);
	/* No ledger and no key: a new outlet, set up on the screen. */
	if ((setting_up = setup_needed(db_path)))
		rc = POS_OK;
	else if ((rc = ledger_open(db_path, NULL, 0, NULL, &ui.l, &cause)) ==
	    POS_OK)
		rc = counter_open(ui.l, &ui.c, &cause);
	if (rc != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		ledger_close(ui.l);
		close(lockfd);
		return 1;
	}
	log_info("ntt-pos started on %s", db_path);
	log_set_fatal_hook(ui_teardown);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	ui_field_secret(&ui.login_pin);
	ui_field_secret(&ui.appr_pin);
	ui_curses_init(&ui);
	if (setting_up)
		setup_run(&ui);
	else
		ui_push(&ui, &screen_login);
	/* An unclean shutdown whose -wal vanished: the counter works on,
	 * but says so until the first key (and db.c has logged it). */
	if (ui.l != NULL && verify_shutdown(ui.l, &cause) != POS_OK) {
		ui_msg(&ui, MSG_ERROR, "PERINGATAN: %s", cause);
		free(cause);
		cause = NULL;
	}
	ui_loop(&ui);
	ui_teardown();
	if (ui_signalled)
		log_info("ntt-pos: signal %d, leaving (the open sale is kept)",
		    (int)ui_signalled);
	if (setting_up)
		setup_end();
	if (setting_up && ui.l == NULL)
		fprintf(stderr, "ntt-pos: penyiapan dibatalkan: tidak ada yang "
		    "dibuat di %s\n", db_path);
	/* The open sale stays in draft 0; only the session ends. */
	if (ui.c != NULL && counter_user(ui.c) != NULL &&
	    counter_logout(ui.c, &cause) != POS_OK) {
		log_warnx("logout: %s", cause);
		free(cause);
	}
	ui_field_free(&ui.login_pin);
	ui_field_free(&ui.appr_pin);
	free(ui.qris_payload);
	free(ui.qris_merchant);
	counter_close(ui.c);
	ledger_close(ui.l);
	close(lockfd);
	return 0;
}
