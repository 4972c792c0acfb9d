/* SPDX-License-Identifier: ISC */
/*
 * ESC/POS encoder against the byte vectors of docs/escpos.md (escpos-php and
 * python-escpos tests, vendor manuals), plus the buffer cap.
 */
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "check.h"
#include "receipts.h"

/* Compares b with n expected bytes; prints both in hex on a mismatch. */
#define CHECK_BYTES(b, ...) do {					\
	static const uint8_t want_[] = { __VA_ARGS__ };			\
	check_bytes(__FILE__, __LINE__, (b), want_, sizeof want_);	\
} while (0)

static void
check_bytes(const char *file, int line, const struct buf *b,
    const uint8_t *want, size_t n)
{
	size_t	 i;

	if (!b->failed && b->len == n && memcmp(b->data, want, n) == 0) {
		check_npass++;
		return;
	}
	check_nfail++;
	fprintf(stderr, "%s:%d: FAIL: bytes\n  got ", file, line);
	for (i = 0; !b->failed && i < b->len; i++)
		fprintf(stderr, " %02x", (uint8_t)b->data[i]);
	fprintf(stderr, "\n want");
	for (i = 0; i < n; i++)
		fprintf(stderr, " %02x", want[i]);
	fprintf(stderr, "\n");
}

static void
test_escpos_simple(void)
{
	struct buf b;

	buf_init(&b, ESCPOS_BUF_MAX);
	escpos_init(&b);
	CHECK_BYTES(&b, 0x1b, 0x40, 0x1b, 0x74, 0x00);
	buf_reset(&b);
	escpos_align(&b, 0);
	escpos_align(&b, 1);
	escpos_align(&b, 2);
	CHECK_EQ_I64(escpos_align(&b, 3), POS_EINVAL);
	CHECK_BYTES(&b, 0x1b, 0x61, 0, 0x1b, 0x61, 1, 0x1b, 0x61, 2);
	buf_reset(&b);
	escpos_bold(&b, true);
	escpos_bold(&b, false);
	CHECK_BYTES(&b, 0x1b, 0x45, 1, 0x1b, 0x45, 0);
	/* escpos-php setTextSize vectors. */
	buf_reset(&b);
	escpos_size(&b, 1, 1);
	escpos_size(&b, 4, 1);
	escpos_size(&b, 1, 4);
	escpos_size(&b, 4, 4);
	escpos_size(&b, 2, 2);
	CHECK_EQ_I64(escpos_size(&b, 9, 1), POS_EINVAL);
	CHECK_BYTES(&b, 0x1d, 0x21, 0x00, 0x1d, 0x21, 0x30, 0x1d, 0x21, 0x03,
	    0x1d, 0x21, 0x33, 0x1d, 0x21, 0x11);
	buf_reset(&b);
	escpos_feed(&b, 4);
	CHECK_BYTES(&b, 0x1b, 0x64, 0x04);
	buf_free(&b);
}

static void
test_escpos_profiles(void)
{
	const struct escpos_profile *p58, *p80;
	struct escpos_profile custom;
	struct buf b;

	p58 = escpos_profile_find("58");
	p80 = escpos_profile_find("80");
	CHECK(p58 != NULL && p80 != NULL);
	CHECK(escpos_profile_find("81") == NULL);
	CHECK(escpos_profile_find(NULL) == NULL);
	CHECK(escpos_profile_find("80-noqr") != NULL &&
	    !escpos_profile_find("80-noqr")->native_qr);
	CHECK_EQ_I64(escpos_profile_find("80-42")->columns, 42);
	CHECK_EQ_I64(p58->columns, 32);
	CHECK_EQ_I64(p58->dots, 384);
	CHECK(!p58->has_cutter && !p58->native_qr);
	CHECK_EQ_I64(p80->columns, 48);
	CHECK_EQ_I64(p80->dots, 576);
	CHECK(p80->has_cutter && p80->native_qr && p80->has_drawer);

	buf_init(&b, ESCPOS_BUF_MAX);
	/* No cutter, no drawer: nothing at all. */
	CHECK_EQ_I64(escpos_cut(&b, p58), POS_OK);
	CHECK_EQ_I64(escpos_drawer(&b, p58), POS_OK);
	CHECK_EQ_I64(b.len, 0);
	/* docs/escpos.md §6: GS V 66 0; our drawer default 1B 70 00 19 78. */
	escpos_cut(&b, p80);
	escpos_drawer(&b, p80);
	CHECK_BYTES(&b, 0x1d, 0x56, 0x42, 0x00, 0x1b, 0x70, 0x00, 0x19, 0x78);

	/* python-escpos CD_KICK_2 (100 ms / 100 ms) breaks the 0.2 duty. */
	buf_reset(&b);
	custom = *p80;
	custom.drawer_on = 0x32;
	custom.drawer_off = 0x32;
	escpos_drawer(&b, &custom);
	CHECK_BYTES(&b, 0x1b, 0x70, 0x00, 0x32, 0xc8);
	buf_reset(&b);
	custom.drawer_on = 0xff;
	escpos_drawer(&b, &custom);
	CHECK_BYTES(&b, 0x1b, 0x70, 0x00, 63, 252);
	buf_free(&b);
}

static void
test_escpos_qr_native(void)
{
	struct buf b;
	char	 d1[209];
	QRcode	*qr;

	/* escpos-php testQRCodeDefaults: qrCode("1234"), EC L, size 3. */
	buf_init(&b, ESCPOS_BUF_MAX);
	escpos_qr_native(&b, "1234", 4, 3, '0');
	CHECK_BYTES(&b,
	    0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,
	    0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x03,
	    0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x30,
	    0x1d, 0x28, 0x6b, 0x07, 0x00, 0x31, 0x50, 0x30, '1', '2', '3', '4',
	    0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30);
	CHECK_EQ_I64(escpos_qr_native(&b, "", 0, 3, '0'), POS_EINVAL);
	CHECK_EQ_I64(escpos_qr_native(&b, "1", 1, 17, '0'), POS_EINVAL);
	CHECK_EQ_I64(escpos_qr_native(&b, "1", 1, 3, '4'), POS_EINVAL);

	/* docs/escpos.md §2: QRIS D1, 208 chars, EC M, module 5. */
	/* Lower case: byte mode, as a mixed-case QRIS payload. */
	memset(d1, 'a', 208);
	d1[208] = '\0';
	buf_reset(&b);
	escpos_qr_native(&b, d1, 208, 5, '1');
	CHECK_EQ_I64(b.len, 9 + 8 + 8 + 8 + 208 + 8);
	CHECK(memcmp(b.data + 25, "\x1d\x28\x6b\xd3\x00\x31\x50\x30", 8) == 0);
	CHECK(memcmp(b.data + 17, "\x1d\x28\x6b\x03\x00\x31\x45\x31", 8) == 0);
	CHECK(memcmp(b.data + 9, "\x1d\x28\x6b\x03\x00\x31\x43\x05", 8) == 0);

	/*
	 * docs/escpos.md §3: capacity asserted through libqrencode, not
	 * from memory. 208 bytes at EC M is version 10, 57 modules; that
	 * with a 4-module quiet zone fits 384 dots at module 5.
	 */
	qr = QRcode_encodeString(d1, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	CHECK(qr != NULL);
	if (qr != NULL) {
		CHECK_EQ_I64(qr->version, 10);
		CHECK_EQ_I64(qr->width, 57);
		CHECK_EQ_I64(384 / (qr->width + 8), 5);
		QRcode_free(qr);
	}
	buf_free(&b);
}

static void
test_escpos_raster(void)
{
	struct buf b;
	uint8_t	*big;
	static const uint8_t black = 0x80, white = 0x00;
	static const uint8_t both[] = { 0xc0, 0x00 };

	/* escpos-php testBitImageBlack / White / Both. */
	buf_init(&b, ESCPOS_BUF_MAX);
	escpos_raster(&b, &black, 1, 1);
	CHECK_BYTES(&b, 0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x01, 0x00, 0x80);
	buf_reset(&b);
	escpos_raster(&b, &white, 1, 1);
	CHECK_BYTES(&b, 0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00);
	buf_reset(&b);
	escpos_raster(&b, both, 2, 2);
	CHECK_BYTES(&b, 0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 0xc0,
	    0x00);
	CHECK_EQ_I64(escpos_raster(&b, both, 0, 2), POS_EINVAL);

	/* 1000 rows go as 960 + 40 (python-escpos fragment_height). */
	buf_reset(&b);
	big = calloc(1000, 1);
	CHECK_EQ_I64(escpos_raster(&b, big, 8, 1000), POS_OK);
	CHECK_EQ_I64(b.len, 8 + 960 + 8 + 40);
	CHECK(memcmp(b.data, "\x1d\x76\x30\x00\x01\x00\xc0\x03", 8) == 0);
	CHECK(memcmp(b.data + 968, "\x1d\x76\x30\x00\x01\x00\x28\x00", 8) == 0);
	free(big);

	/* The cap: 64 KiB of raster cannot fit in a 64 KiB buffer. */
	buf_reset(&b);
	big = calloc(65536, 1);
	CHECK_EQ_I64(escpos_raster(&b, big, 8 * 64, 1024), POS_EFULL);
	CHECK(b.failed && b.data == NULL);
	CHECK_EQ_I64(escpos_init(&b), POS_EFULL);
	free(big);
	buf_free(&b);
}

static void
test_escpos_qr(void)
{
	const struct escpos_profile *p58, *p80;
	struct escpos_profile tiny;
	struct buf b;
	char	*cause = NULL, *huge;
	QRcode	*qr;
	size_t	 row;
	int	 dots;

	p58 = escpos_profile_find("58");
	p80 = escpos_profile_find("80");
	buf_init(&b, ESCPOS_BUF_MAX);

	/* Native: model 2, EC M, module capped at ESCPOS_QR_MAX_MODULE. */
	CHECK_EQ_I64(escpos_qr(&b, "KPG01-K1-000123", p80, &cause), POS_OK);
	CHECK(b.data[0] == '\n' && b.data[b.len - 1] == '\n');
	CHECK(memcmp(b.data + 10, "\x1d\x28\x6b\x03\x00\x31\x43\x06", 8) == 0);
	CHECK(memcmp(b.data + 18, "\x1d\x28\x6b\x03\x00\x31\x45\x31", 8) == 0);

	/* Raster on 58 mm: a square image with a 4-module quiet zone. */
	buf_reset(&b);
	CHECK_EQ_I64(escpos_qr(&b, "KPG01-K1-000123", p58, &cause), POS_OK);
	qr = QRcode_encodeString("KPG01-K1-000123", 0, QR_ECLEVEL_M,
	    QR_MODE_8, 1);
	dots = (qr->width + 8) * ESCPOS_QR_MAX_MODULE;
	row = (size_t)(dots + 7) / 8;
	CHECK_EQ_I64(b.len, 8 + row * (size_t)dots);
	CHECK_EQ_I64((uint8_t)b.data[4], row);
	CHECK_EQ_I64((uint8_t)b.data[6], dots & 0xff);
	/* Quiet zone white; the finder's top-left corner black. */
	CHECK_EQ_I64((uint8_t)b.data[8], 0);
	CHECK(((uint8_t)b.data[8 + row * 24 + 3] & 0x80) != 0);
	QRcode_free(qr);

	/* A QRIS-sized payload drops to module 5 to fit 384 dots. */
	buf_reset(&b);
	huge = malloc(209);
	memset(huge, 'q', 208);
	huge[208] = '\0';
	CHECK_EQ_I64(escpos_qr(&b, huge, p58, &cause), POS_OK);
	CHECK_EQ_I64((uint8_t)b.data[4] | (uint8_t)b.data[5] << 8,
	    (65 * 5 + 7) / 8);
	free(huge);

	buf_reset(&b);
	CHECK_EQ_I64(escpos_qr(&b, "caf\xc3\xa9", p58, &cause), POS_EINVAL);
	CHECK_STR(cause, "Teks QR harus ASCII");
	CHECK_EQ_I64(escpos_qr(&b, "", p58, &cause), POS_EINVAL);
	/* Past version 40 at EC M (2331 bytes). */
	huge = malloc(3001);
	memset(huge, 'x', 3000);
	huge[3000] = '\0';
	CHECK_EQ_I64(escpos_qr(&b, huge, p58, &cause), POS_EINVAL);
	CHECK_STR(cause, "Teks QR terlalu panjang");
	/* A paper narrower than the symbol and its quiet zone. */
	tiny = *p58;
	tiny.dots = 60;
	huge[208] = '\0';
	CHECK_EQ_I64(escpos_qr(&b, huge, &tiny, &cause), POS_EINVAL);
	CHECK_STR(cause, "QR terlalu besar untuk kertas");
	free(huge);
	free(cause);
	buf_free(&b);
}

static void
test_escpos_layout(void)
{
	const struct escpos_profile *p58, *p80;
	struct layout l;
	struct buf b;
	char	*cause = NULL;

	p58 = escpos_profile_find("58");
	p80 = escpos_profile_find("80");
	layout_init(&l, 32);
	layout_wrap(&l, LAYOUT_CENTRE | LAYOUT_BOLD | LAYOUT_WIDE |
	    LAYOUT_TALL, "Toko");
	layout_lr(&l, 0, "A", "1");
	l.drawer = true;
	buf_init(&b, ESCPOS_BUF_MAX);
	CHECK_EQ_I64(escpos_layout(&b, &l, p58, &cause), POS_OK);
	CHECK_BYTES(&b, 0x1b, 0x40, 0x1b, 0x74, 0x00,
	    0x1b, 0x61, 0x01, 0x1b, 0x45, 0x01, 0x1d, 0x21, 0x11,
	    'T', 'o', 'k', 'o', '\n',
	    0x1b, 0x61, 0x00, 0x1b, 0x45, 0x00, 0x1d, 0x21, 0x00,
	    'A', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
	    ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
	    ' ', ' ', ' ', ' ', ' ', '1', '\n',
	    0x1b, 0x64, 0x04);

	/* A layout for 32 columns does not go to a 48-column printer. */
	buf_reset(&b);
	CHECK_EQ_I64(escpos_layout(&b, &l, p80, &cause), POS_EINVAL);
	CHECK(b.failed);
	CHECK_STR(cause, "Struk 32 kolom tidak cocok untuk printer 80");
	layout_free(&l);
	buf_free(&b);
	free(cause);
}

int
main(void)
{
	test_escpos_simple();
	test_escpos_profiles();
	test_escpos_qr_native();
	test_escpos_raster();
	test_escpos_qr();
	test_escpos_layout();
	return check_exit();
}
