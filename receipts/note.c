/* SPDX-License-Identifier: ISC */
/*
 * Papers of lots for a producer to sign: the intake note (tanda terima
 * titipan, or of goods bought outright), the return to the producer, the
 * stock count. Every line names its lot. Pure: layout lines for any
 * width; core/consign-lot.c fills the note from the committed entry.
 */
#include <stdio.h>
#include <stdlib.h>

#include "clock.h"
#include "money.h"
#include "receipts.h"

static char *
note_qty(bool grams, int64_t qty)
{
	char	 q[MONEY_FMT_MAX];

	if (grams)
		return xasprintf("%s", money_fmt_grams(qty, q));
	return xasprintf("%lld", (long long)qty);
}

enum pos_rc
note_layout(const struct lot_note *n, struct layout *l, char **cause)
{
	const struct note_line *li;
	char	 when[17], *s, *a, *b;
	size_t	 i;

	layout_wrap(l, LAYOUT_CENTRE | LAYOUT_BOLD, n->outlet_name);
	layout_wrap(l, LAYOUT_CENTRE | LAYOUT_BOLD | LAYOUT_TALL, n->title);
	layout_lr(l, 0, "Nomor", n->number);
	layout_lr(l, 0, "Hari usaha", n->day);
	layout_lr(l, 0, "Waktu", clock_wita_fmt(n->at_ms, when));
	if (n->supplier_code != NULL) {
		layout_lr(l, 0, "Pemasok", n->supplier_code);
		if (n->supplier_name != NULL)
			layout_wrap(l, 0, n->supplier_name);
	}
	if (n->extra != NULL)
		layout_wrap(l, 0, n->extra);
	layout_rule(l, '-');
	for (i = 0; i < n->nlines; i++) {
		li = &n->lines[i];
		layout_wrap(l, 0, li->name);
		if (li->count) {
			a = note_qty(li->grams, li->counted);
			b = note_qty(li->grams, li->qty);
			s = xasprintf("  dihitung %s, selisih %s%s", a,
			    li->qty > 0 ? "+" : "", b);
			free(a);
			free(b);
			layout_wrap(l, 0, s);
			free(s);
			continue;
		}
		a = note_qty(li->grams, li->qty);
		s = xasprintf("  lot %s", *li->lot != '\0' ? li->lot : "-");
		layout_lr(l, 0, s, a);
		free(s);
		free(a);
		if (li->terms != NULL && *li->terms != '\0') {
			s = xasprintf("  %s", li->terms);
			layout_wrap(l, 0, s);
			free(s);
		}
		if (li->dates != NULL && *li->dates != '\0') {
			s = xasprintf("  %s", li->dates);
			layout_wrap(l, 0, s);
			free(s);
		}
	}
	layout_rule(l, '-');
	s = xasprintf("Oleh %s%s%s", n->author, n->approver != NULL ?
	    ", disetujui " : "", n->approver != NULL ? n->approver : "");
	layout_wrap(l, 0, s);
	free(s);
	layout_blank(l);
	if (n->producer_signs)
		layout_lr(l, 0, "Pemasok", "Outlet");
	else
		layout_lr(l, 0, "Petugas", "Manajer");
	layout_blank(l);
	layout_blank(l);
	layout_lr(l, 0, "(............)", "(............)");
	if (l->failed != POS_OK)
		return cause_set(cause, l->failed, "Nota tidak bisa disusun");
	return POS_OK;
}
