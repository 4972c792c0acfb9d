/* SPDX-License-Identifier: ISC */
/* The table of rights (role.h). */
#include <string.h>

#include "entry.h"
#include "kind.h"
#include "role.h"
#include "util.h"

static const char *const role_names[] = {
	[ROLE_NONE] = "",
	[ROLE_KASIR] = "kasir",
	[ROLE_MANAJER] = "manajer",
	[ROLE_ADMIN] = "admin",
};

/*
 * One row per action: its code in approval lines, its name on screen and
 * in refusals, and what a kasir needs. docs/ledger.md §Rights is this
 * table in words; change both together.
 */
static const struct {
	const char	*code;
	const char	*name;
	enum role_need	 kasir;
} role_acts[ACT_COUNT] = {
	[ACT_NONE] =	  { "", "", ROLE_ALONE },
	[ACT_SELL] =	  { "jual", "penjualan", ROLE_ALONE },
	[ACT_VOID_PAID] = { "hapus", "hapus baris setelah bayar",
			    ROLE_APPROVAL },
	[ACT_CANCEL] =	  { "batal", "batal transaksi", ROLE_APPROVAL },
	[ACT_DISCOUNT] =  { "diskon", "diskon di atas batas", ROLE_APPROVAL },
	[ACT_REFUND] =	  { "retur", "retur penjualan", ROLE_APPROVAL },
	[ACT_REPRINT] =	  { "cetak-ulang", "cetak ulang struk",
			    ROLE_APPROVAL },
	[ACT_CASH_IN] =	  { "kas-masuk", "kas masuk", ROLE_ALONE },
	[ACT_CASH_OUT] =  { "kas-keluar", "kas keluar", ROLE_ALONE },
	[ACT_SHIFT] =	  { "shift", "buka/tutup shift", ROLE_ALONE },
	[ACT_DAY_CLOSE] = { "tutup-hari", "tutup hari (Z)", ROLE_MANAGER },
	[ACT_RECEIVE] =	  { "terima", "terima barang", ROLE_APPROVAL },
	[ACT_RETURN] =	  { "retur-pemasok", "retur ke pemasok",
			    ROLE_MANAGER },
	[ACT_SETTLE] =	  { "bayar-pemasok", "bayar pemasok", ROLE_MANAGER },
	[ACT_CATALOG] =	  { "katalog", "ubah katalog", ROLE_MANAGER },
	[ACT_USERS] =	  { "pengguna", "kelola pengguna", ROLE_MANAGER },
	[ACT_SETTINGS] =  { "pengaturan", "ubah pengaturan", ROLE_MANAGER },
	[ACT_UNLOCK] =	  { "buka-kunci", "buka kunci pengguna",
			    ROLE_MANAGER },
	[ACT_SELL_GUARD] = { "jual-peringatan", "jual walau ada peringatan",
			    ROLE_APPROVAL },
	[ACT_STOCKTAKE] = { "opname", "stok opname", ROLE_APPROVAL },
	[ACT_SELL_EXPIRED] = { "kedaluwarsa", "jual lot kedaluwarsa",
			    ROLE_APPROVAL },
	/* Past the limits of the settings, read by core/gate-shift.c. */
	[ACT_CASH_OUT_OVER] = { "kas-keluar-besar", "kas keluar di atas batas",
			    ROLE_APPROVAL },
	[ACT_SHIFT_DIFF] = { "selisih-kas", "selisih kas di atas batas",
			    ROLE_APPROVAL },
	[ACT_SHIFT_OTHER] = { "tutup-shift-lain", "tutup shift kasir lain",
			    ROLE_APPROVAL },
	[ACT_MONTH_CLOSE] = { "tutup-bulan", "tutup bulan", ROLE_MANAGER },
	[ACT_REPORTS] =	  { "laporan", "laporan manajer", ROLE_MANAGER },
};

enum role
role_parse(const char *s)
{
	int	 i = names_find(role_names, ROLE_KASIR, ROLE_ADMIN, s);

	return i < 0 ? ROLE_NONE : (enum role)i;
}

const char *
role_name(enum role r)
{
	if (r < ROLE_NONE || r > ROLE_ADMIN)
		return "";
	return role_names[r];
}

bool
role_is_manager(enum role r)
{
	return r == ROLE_MANAJER || r == ROLE_ADMIN;
}

const char *
role_act_code(enum role_act a)
{
	return a > ACT_NONE && a < ACT_COUNT ? role_acts[a].code : "";
}

const char *
role_act_name(enum role_act a)
{
	return a > ACT_NONE && a < ACT_COUNT ? role_acts[a].name : "";
}

enum role_act
role_act_parse(const char *s)
{
	size_t	 i;

	for (i = ACT_NONE + 1; i < ACT_COUNT; i++)
		if (strcmp(s, role_acts[i].code) == 0)
			return (enum role_act)i;
	return ACT_NONE;
}

enum role_need
role_need(enum role r, enum role_act a)
{
	if (a <= ACT_NONE || a >= ACT_COUNT)
		return ROLE_ALONE;
	if (role_is_manager(r))
		return ROLE_ALONE;
	if (r != ROLE_KASIR)
		return ROLE_MANAGER;
	return role_acts[a].kasir;
}

enum role_act
role_act_of_entry(const struct entry *e)
{
	return kind_act(e);
}

enum pos_rc
role_check(enum role_act a, const char *author, enum role r,
    const char *approver, enum role approver_role, char **cause)
{
	switch (role_need(r, a)) {
	case ROLE_ALONE:
		return POS_OK;
	case ROLE_MANAGER:
		return cause_set(cause, POS_ESTATE, "%s: hanya manajer "
		    "(%s %s)", role_act_name(a), author, *role_name(r) ?
		    role_name(r) : "tanpa peran");
	case ROLE_APPROVAL:
		break;
	}
	if (*approver == '\0')
		return cause_set(cause, POS_ESTATE, "%s: perlu persetujuan "
		    "manajer", role_act_name(a));
	if (strcmp(approver, author) == 0 || !role_is_manager(approver_role))
		return cause_set(cause, POS_ESTATE, "%s: %s bukan manajer "
		    "yang boleh menyetujui", role_act_name(a), approver);
	return POS_OK;
}

void
role_stamp(struct entry *e, const struct actor *a, enum role_act act)
{
	struct entry_line *li;

	entry_set(&e->author, a->code);
	if (a->approver[0] == '\0')
		return;
	li = entry_add(e, "approval");
	entry_set(&li->code, role_act_code(act));
	entry_set(&li->text, a->approver);
}
