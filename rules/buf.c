/* SPDX-License-Identifier: ISC */
/* A bounded growable buffer: util.h, and docs/STYLE.md §Bounded buffers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void
buf_init(struct buf *b, size_t cap)
{
	memset(b, 0, sizeof *b);
	b->cap = cap;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->size = 0;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->failed = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

static enum pos_rc
buf_grow(struct buf *b, size_t extra)
{
	size_t	 need, size;

	if (b->failed)
		return POS_EFULL;
	if (__builtin_add_overflow(b->len, extra, &need) ||
	    need >= b->cap) {
		buf_free(b);
		b->failed = 1;
		return POS_EFULL;
	}
	if (need + 1 <= b->size)
		return POS_OK;
	size = b->size ? b->size : 64;
	while (size < need + 1)
		size *= 2;
	if (size > b->cap)
		size = b->cap;
	b->data = xreallocarray(b->data, 1, size);
	b->size = size;
	return POS_OK;
}

enum pos_rc
buf_add(struct buf *b, const void *p, size_t len)
{
	if (buf_grow(b, len) != POS_OK)
		return POS_EFULL;
	if (len > 0)
		memcpy(b->data + b->len, p, len);
	b->len += len;
	b->data[b->len] = '\0';
	return POS_OK;
}

enum pos_rc
buf_addstr(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

enum pos_rc
buf_addbyte(struct buf *b, uint8_t c)
{
	return buf_add(b, &c, 1);
}

enum pos_rc
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	enum pos_rc rc;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	rc = buf_addstr(b, s);
	free(s);
	return rc;
}

enum pos_rc
buf_add_u32be(struct buf *b, uint32_t v)
{
	uint8_t	 p[4];

	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
	return buf_add(b, p, sizeof p);
}

enum pos_rc
buf_add_i64be(struct buf *b, int64_t v)
{
	uint64_t u = (uint64_t)v;
	uint8_t	 p[8];
	int	 i;

	for (i = 7; i >= 0; i--) {
		p[i] = u & 0xff;
		u >>= 8;
	}
	return buf_add(b, p, sizeof p);
}

char *
buf_take(struct buf *b, size_t *lenp)
{
	char	*p;

	if (b->failed)
		return NULL;
	if (b->data == NULL && buf_add(b, "", 0) != POS_OK)
		return NULL;
	p = b->data;
	if (lenp != NULL)
		*lenp = b->len;
	b->data = NULL;
	b->len = b->size = 0;
	return p;
}
