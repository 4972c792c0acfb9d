/* SPDX-License-Identifier: ISC */
/*
 * The first-run setup of a new outlet (core.h §setup.c): every answer
 * checked by the rules that will hold it later, then the whole outlet made
 * in one creation (ledger_create_fill, docs/ledger.md §Creating a ledger):
 * the genesis, the first manager, the settings. A setup interrupted before
 * that leaves nothing; one killed inside it leaves what an interrupted
 * init leaves, which the next setup or init of the same path removes.
 * Also the printers the setup offers and its test page.
 */
#include <sys/stat.h>

#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "ledger-int.h"
#include "receipts.h"

static enum pos_rc
setup_setting(const char *name, const char *value, char **cause)
{
	const struct setting_def *d = setting_find(name);

	if (d == NULL)
		return cause_set(cause, POS_EINVAL, "Pengaturan %s tidak ada",
		    name);
	return setting_allowed(d, value != NULL ? value : "", cause);
}

/* 16 characters of Crockford base32, '-' and spaces between
 * (docs/sync-protocol.md §Enrolment). */
static bool
setup_code_ok(const char *s)
{
	size_t	 n = 0;

	if (s == NULL)
		return false;
	for (; *s != '\0'; s++) {
		if (*s == '-' || *s == ' ')
			continue;
		if (strchr("0123456789ABCDEFGHJKMNPQRSTVWXYZ"
		    "abcdefghjkmnpqrstvwxyz", *s) == NULL)
			return false;
		n++;
	}
	return n == 16;
}

static bool
setup_id_ok(const char *s, size_t max)
{
	size_t	 n = strlen(s);

	return n > 0 && n < max && strspn(s,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == n;
}

enum pos_rc
setup_check(const struct ledger_setup *s, int steps, char **cause)
{
	struct user u;
	enum pos_rc rc;

	if (steps & SETUP_OUTLET) {
		if (!setup_id_ok(s->outlet_id, 32))
			return cause_set(cause, POS_EINVAL, "Kode outlet: huruf "
			    "besar, angka dan '-' (KPG02)");
		if (*s->outlet_name == '\0' || strlen(s->outlet_name) >= 128)
			return cause_set(cause, POS_EINVAL, "Nama outlet: wajib "
			    "diisi, paling panjang 127 huruf");
		if (!setup_id_ok(s->device_id, 32) ||
		    strncmp(s->device_id, s->outlet_id,
		    strlen(s->outlet_id)) != 0)
			return cause_set(cause, POS_EINVAL, "Kode perangkat: "
			    "kode outlet lalu '-' dan nomor kasir (%s-K1)",
			    s->outlet_id);
		if ((rc = setup_setting("outlet.address", s->address,
		    cause)) != POS_OK ||
		    (rc = setup_setting("outlet.phone", s->phone, cause)) !=
		    POS_OK)
			return rc;
		if (*s->kabupaten == '\0')
			return cause_set(cause, POS_EINVAL, "Kabupaten/kota: "
			    "pilih satu dari 22 di NTT (Kiri/Kanan)");
		if ((rc = setup_setting("outlet.kabupaten", s->kabupaten,
		    cause)) != POS_OK)
			return rc;
	}
	if (steps & SETUP_TAX) {
		if ((rc = setup_setting("npwp", s->npwp, cause)) != POS_OK)
			return rc;
		if (s->pkp && *s->npwp == '\0')
			return cause_set(cause, POS_EINVAL, "NPWP: outlet PKP "
			    "wajib punya NPWP (15 atau 16 angka)");
	}
	if (steps & SETUP_MANAGER) {
		memset(&u, 0, sizeof u);
		snprintf(u.code, sizeof u.code, "%s", s->mgr_code);
		snprintf(u.role, sizeof u.role, "manajer");
		if (strlen(s->mgr_code) >= sizeof u.code ||
		    (rc = catalog_check_user(&u, cause)) != POS_OK)
			return cause_set(cause, POS_EINVAL, "Kode manajer: 1-15 "
			    "huruf, angka, '-', '_' atau '.'");
		if (*s->mgr_name == '\0' || strlen(s->mgr_name) >=
		    sizeof u.name)
			return cause_set(cause, POS_EINVAL, "Nama manajer: wajib "
			    "diisi, paling panjang 63 huruf");
		if ((rc = pin_check_new(s->mgr_pin, s->mgr_pin2, cause)) !=
		    POS_OK)
			return rc;
	}
	if (steps & SETUP_PRINTER) {
		if ((rc = setup_setting("printer", s->printer, cause)) !=
		    POS_OK ||
		    (rc = setup_setting("printer.profile", s->profile,
		    cause)) != POS_OK)
			return rc;
	}
	if (steps & SETUP_QRIS) {
		if ((rc = setup_setting("qris.static", s->qris, cause)) !=
		    POS_OK)
			return rc;
	}
	if (steps & SETUP_ENROL) {
		if ((rc = setup_setting("sync.enrol", s->enrol, cause)) !=
		    POS_OK)
			return rc;
		if (strcmp(s->enrol, "kode") == 0 &&
		    !setup_code_ok(s->enrol_code))
			return cause_set(cause, POS_EINVAL, "Kode pendaftaran: "
			    "16 huruf/angka dari provinsi (7KQ2-M9XW-4RTB-0HCE)");
	}
	return POS_OK;
}

/* The outlet as entries of the new ledger: the manager first (the one
 * user written before anyone manages users, core/gate.c), then the
 * settings, by that manager. */
static enum pos_rc
setup_fill(struct ledger *l, void *arg, char **cause)
{
	const struct ledger_setup *s = arg;
	struct user u;
	enum pos_rc rc;
	size_t	 i;
	const struct {
		const char	*name, *value;
	} set[] = {
		{ "outlet.address", s->address },
		{ "outlet.phone", s->phone },
		{ "outlet.kabupaten", s->kabupaten },
		{ "pkp", s->pkp ? "1" : "0" },
		{ "npwp", s->npwp },
		{ "printer", s->printer },
		{ "printer.profile", s->profile },
		{ "qris.static", s->qris },
		{ "sync.enrol", s->enrol },
	};

	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "%s", s->mgr_code);
	snprintf(u.name, sizeof u.name, "%s", s->mgr_name);
	snprintf(u.role, sizeof u.role, "manajer");
	u.active = true;
	if ((rc = catalog_put_user(l, s->mgr_code, &u, s->mgr_pin, cause)) !=
	    POS_OK)
		return rc;
	for (i = 0; i < sizeof set / sizeof set[0]; i++) {
		if (set[i].value == NULL || (*set[i].value == '\0' &&
		    strcmp(set[i].name, "npwp") != 0))
			continue;
		if ((rc = catalog_set(l, s->mgr_code, set[i].name,
		    set[i].value, cause)) != POS_OK)
			return rc;
	}
	return POS_OK;
}

enum pos_rc
setup_create(const char *db_path, const struct ledger_setup *s,
    struct ledger **out, char **cause)
{
	struct ledger_init init;
	enum pos_rc rc;

	if ((rc = setup_check(s, SETUP_ALL, cause)) != POS_OK)
		return rc;
	init.outlet_id = s->outlet_id;
	init.outlet_name = s->outlet_name;
	init.device_id = s->device_id;
	return ledger_create_fill(db_path, NULL, &init, setup_fill,
	    (void *)(uintptr_t)s, out, cause);
}

bool
setup_needed(const char *db_path)
{
	struct stat sb;
	char	*key = devkey_path_for(db_path);
	bool	 none;

	/* The setup's PINs live in locked memory before any ledger is
	 * open (counter_secret_new): the library must be ready. */
	if (sodium_init() < 0)
		fatalx("libsodium tidak siap");

	none = stat(db_path, &sb) != 0 && errno == ENOENT &&
	    stat(key, &sb) != 0 && errno == ENOENT;
	free(key);
	return none;
}

static void
setup_add(char **out, size_t max, size_t *n, const char *prefix,
    const char *s)
{
	size_t	 i;
	char	*v;

	if (*n >= max)
		return;
	v = xasprintf("%s%s", prefix, s);
	for (i = 0; i < *n; i++)
		if (strcmp(out[i], v) == 0) {
			free(v);
			return;
		}
	out[(*n)++] = v;
}

size_t
setup_printers(char **out, size_t max)
{
	static const char *const pats[] = { "/dev/usb/lp*", "/dev/ttyUSB*",
	    "/dev/ttyACM*", "/dev/serial/by-id/*" };
	glob_t	 g;
	FILE	*fp;
	char	 line[256], *sp;
	size_t	 i, j, n = 0;

	for (i = 0; i < sizeof pats / sizeof pats[0]; i++) {
		if (glob(pats[i], 0, NULL, &g) != 0)
			continue;
		for (j = 0; j < g.gl_pathc; j++)
			setup_add(out, max, &n, "dev:", g.gl_pathv[j]);
		globfree(&g);
	}
	/* The first serial ports, when the machine has them. */
	for (i = 0; i < 2; i++) {
		snprintf(line, sizeof line, "/dev/ttyS%zu", i);
		if (access(line, W_OK) == 0)
			setup_add(out, max, &n, "dev:", line);
	}
	/* CUPS queues, when lpstat is there. */
	if (access("/usr/bin/lpstat", X_OK) == 0 &&
	    (fp = popen("/usr/bin/lpstat -e 2>/dev/null", "r")) != NULL) {
		while (fgets(line, sizeof line, fp) != NULL) {
			line[strcspn(line, "\r\n")] = '\0';
			if ((sp = strchr(line, ' ')) != NULL)
				*sp = '\0';
			if (*line != '\0')
				setup_add(out, max, &n, "cups:", line);
		}
		pclose(fp);
	}
	setup_add(out, max, &n, "", "none");
	return n;
}

enum pos_rc
setup_test_page(const struct ledger_setup *s, char **cause)
{
	const struct escpos_profile *pf = escpos_profile_find(s->profile);
	struct printer *pr = NULL;
	struct buf b;
	enum pos_rc rc;

	if (pf == NULL)
		return cause_set(cause, POS_EINVAL, "Kertas %s tidak dikenal",
		    s->profile);
	if (strcmp(s->printer, "none") == 0)
		return cause_set(cause, POS_EINVAL, "Printer: none tidak "
		    "mencetak; pilih printer atau lewati halaman uji");
	buf_init(&b, ESCPOS_BUF_MAX);
	escpos_init(&b);
	escpos_bold(&b, true);
	buf_printf(&b, "%s\n", s->outlet_name);
	escpos_bold(&b, false);
	buf_printf(&b, "HALAMAN UJI PRINTER\n%s, kertas %s (%d kolom)\n",
	    s->printer, pf->name, pf->columns);
	buf_printf(&b, "%.*s\n", pf->columns, "1234567890123456789012345678"
	    "901234567890123456789012345678901234567890");
	escpos_feed(&b, 3);
	escpos_cut(&b, pf);
	if (b.failed)
		return cause_set(cause, POS_EFULL, "Halaman uji terlalu besar");
	if ((rc = printer_open(s->printer, &pr, cause)) == POS_OK)
		rc = printer_print(pr, b.data, b.len, cause);
	printer_close(pr);
	buf_free(&b);
	return rc;
}
