/* SPDX-License-Identifier: ISC */
/*
 * Golden files for tests/golden/test-*.c: bytes compared with NAME.bin,
 * and their hex dump (offset, hex, printable) with NAME.txt beside it, so
 * a review sees what changed. NTT_UPDATE_GOLDEN=1 rewrites both instead:
 * do that only for an intended change, and read the diff of the .txt
 * files. Included once by each test, after check.h (its counters are the
 * test's own).
 */
#ifndef NTT_GOLDEN_H
#define NTT_GOLDEN_H

#include <errno.h>
#include <stdlib.h>
#include <string.h>

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

/* Reads NTT_UPDATE_GOLDEN. */
static void
golden_start(void)
{
	const char *env = getenv("NTT_UPDATE_GOLDEN");

	updating = env != NULL && strcmp(env, "1") == 0;
}

/* Says what was rewritten; the test's exit code. */
static int
golden_end(void)
{
	if (updating)
		printf("wrote %d golden files in %s\n", nwritten,
		    NTT_GOLDEN_DIR);
	return check_exit();
}

#endif
