/* SPDX-License-Identifier: ISC */
/*
 * Golden receipts: every sample (receipt-samples.c) for every printer
 * profile, compared byte for byte with receipt-SAMPLE-PROFILE.bin, and its
 * hex dump (offset, hex, printable) with the .txt beside it, so a review
 * sees what changed. NTT_UPDATE_GOLDEN=1 rewrites both instead: do that
 * only for an intended change, and read the diff of the .txt files.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "golden/receipt-samples.h"
#include "receipts.h"

#ifndef NTT_GOLDEN_DIR
#error "NTT_GOLDEN_DIR must name tests/golden"
#endif

static int updating;
static int nwritten;

/* The whole file, or NULL if it does not exist. */
static char *
slurp(const char *path, size_t *lenp)
{
	FILE	*f;
	char	*p;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	p = xmalloc((size_t)n + 1);
	if (fread(p, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(p);
		return NULL;
	}
	p[n] = '\0';
	fclose(f);
	*lenp = (size_t)n;
	return p;
}

static void
spill(const char *path, const char *data, size_t len)
{
	FILE	*f;

	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		exit(1);
	}
	nwritten++;
}

/* hexdump -C style: offset, 16 bytes in hex, the printable ones. */
static char *
hexdump(const uint8_t *p, size_t len)
{
	struct buf b;
	size_t	 off, i;

	buf_init(&b, SIZE_MAX);
	for (off = 0; off < len; off += 16) {
		buf_printf(&b, "%08zx ", off);
		for (i = 0; i < 16; i++) {
			if (i == 8)
				buf_addbyte(&b, ' ');
			if (off + i < len)
				buf_printf(&b, " %02x", p[off + i]);
			else
				buf_addstr(&b, "   ");
		}
		buf_addstr(&b, "  |");
		for (i = 0; i < 16 && off + i < len; i++) {
			buf_addbyte(&b, p[off + i] >= 0x20 &&
			    p[off + i] < 0x7f ? p[off + i] : '.');
		}
		buf_addstr(&b, "|\n");
	}
	buf_printf(&b, "%08zx\n", len);
	return buf_take(&b, NULL);
}

static void
golden(const char *name, const char *data, size_t len)
{
	char	*bin, *txt, *dump, *want;
	size_t	 wlen, i;

	bin = xasprintf("%s/%s.bin", NTT_GOLDEN_DIR, name);
	txt = xasprintf("%s/%s.txt", NTT_GOLDEN_DIR, name);
	dump = hexdump((const uint8_t *)data, len);
	if (updating) {
		spill(bin, data, len);
		spill(txt, dump, strlen(dump));
		goto out;
	}
	want = slurp(bin, &wlen);
	if (want == NULL) {
		fprintf(stderr, "%s: missing; NTT_UPDATE_GOLDEN=1 makes it\n",
		    bin);
		CHECK(want != NULL);
		goto out;
	}
	if (wlen != len || memcmp(want, data, len) != 0) {
		for (i = 0; i < len && i < wlen && want[i] == data[i]; i++)
			continue;
		fprintf(stderr, "%s: differs from offset 0x%zx (%zu bytes, "
		    "want %zu); compare the .txt dumps\n", bin, i, len, wlen);
		CHECK(!"golden bytes differ");
	} else
		check_npass++;
	free(want);
	/* The dump must be the one of these bytes, not a stale one. */
	want = slurp(txt, &wlen);
	CHECK(want != NULL && strcmp(want, dump) == 0);
	free(want);
out:
	free(dump);
	free(bin);
	free(txt);
}

/* What every rendering of a sample must hold, whatever the bytes. */
static void
check_shape(const struct receipt_sample *s, const struct escpos_profile *p,
    const char *data, size_t len)
{
	static const char cut[] = { 0x1d, 0x56, 0x42, 0x00 };
	static const char kick[] = { 0x1b, 0x70, 0x00, 0x19, 0x78 };
	static const char qr_native[] = { 0x1d, 0x28, 0x6b };
	static const char raster[] = { 0x1d, 0x76, 0x30 };
	bool	 has_cash = false;
	size_t	 i;

	CHECK(len > 5 && memcmp(data, "\x1b@\x1bt\x00", 5) == 0);
	for (i = 0; i < s->r.npayments; i++)
		has_cash |= s->r.payments[i].cash;
	CHECK((memmem(data, len, cut, sizeof cut) != NULL) == p->has_cutter);
	CHECK((memmem(data, len, kick, sizeof kick) != NULL) ==
	    (p->has_drawer && has_cash && !s->r.duplicate));
	CHECK((memmem(data, len, qr_native, sizeof qr_native) != NULL) ==
	    p->native_qr);
	CHECK((memmem(data, len, raster, sizeof raster) != NULL) ==
	    !p->native_qr);
	CHECK((memmem(data, len, "DUPLIKAT", 8) != NULL) == s->r.duplicate);
	CHECK((memmem(data, len, "NPWP", 4) != NULL) == s->r.pkp);
	CHECK((memmem(data, len, "PPN", 3) != NULL) == s->r.pkp);
	CHECK(memmem(data, len, "Kembalian", 9) != NULL);
	CHECK(memmem(data, len, s->r.number, strlen(s->r.number)) != NULL);
	/* Nothing but ESC/POS and ASCII: no UTF-8 reached the printer. */
	CHECK(memmem(data, len, "\xe2\x80", 2) == NULL &&
	    memmem(data, len, "\xc3", 1) == NULL);
}

int
main(void)
{
	const struct receipt_sample *s;
	const struct escpos_profile *p;
	char	*data, *cause = NULL, *name;
	size_t	 len;
	const char *env;

	env = getenv("NTT_UPDATE_GOLDEN");
	updating = env != NULL && strcmp(env, "1") == 0;
	for (s = receipt_samples(); s->name != NULL; s++) {
		for (p = escpos_profiles; p->name != NULL; p++) {
			name = xasprintf("receipt-%s-%s", s->name, p->name);
			if (escpos_receipt(&s->r, p, &data, &len, &cause) !=
			    POS_OK) {
				fprintf(stderr, "%s: %s\n", name, cause);
				CHECK(!"escpos_receipt failed");
				free(name);
				continue;
			}
			CHECK(len < ESCPOS_BUF_MAX);
			check_shape(s, p, data, len);
			golden(name, data, len);
			free(data);
			free(name);
		}
	}
	free(cause);
	if (updating)
		printf("wrote %d golden files in %s\n", nwritten,
		    NTT_GOLDEN_DIR);
	return check_exit();
}
