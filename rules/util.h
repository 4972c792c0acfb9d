/* SPDX-License-Identifier: ISC */
/*
 * Small libc-only helpers every layer may use: allocation that never returns
 * NULL, a bounded growable buffer, logging, and hex.
 */
#ifndef NTT_UTIL_H
#define NTT_UTIL_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "types.h"

/* xmalloc.c: abort the process (after the fatal hook) when memory runs out. */
void		*xmalloc(size_t);
void		*xcalloc(size_t, size_t);
void		*xreallocarray(void *, size_t, size_t);
char		*xstrdup(const char *);
char		*xstrndup(const char *, size_t);
/* Returns a newly allocated string the caller frees. */
char		*xasprintf(const char *, ...) printflike(1, 2);
char		*xvasprintf(const char *, va_list) printflike(1, 0);

/*
 * cause.c: set *cause (if cause is not NULL) to a newly allocated message
 * and return rc, so a failing path is one line:
 *	return cause_set(cause, POS_EINVAL, "harga %s tidak sah", s);
 */
enum pos_rc	 cause_set(char **cause, enum pos_rc rc, const char *, ...)
		    printflike(3, 4);

/*
 * buf.c: a growable byte buffer with a hard cap, after curl's dynbuf. On any
 * failure (cap reached) it frees its data, remembers the failure, and every
 * later append fails too, so callers check once at the end. The data is
 * always followed by a NUL that is not counted in len.
 */
struct buf {
	char	*data;		/* owned; NULL until the first append */
	size_t	 len;		/* bytes used, excluding the trailing NUL */
	size_t	 size;		/* bytes allocated */
	size_t	 cap;		/* most bytes this buffer may ever hold */
	int	 failed;	/* an append hit the cap; data was freed */
};
void		 buf_init(struct buf *, size_t cap);
void		 buf_free(struct buf *);
void		 buf_reset(struct buf *);
enum pos_rc	 buf_add(struct buf *, const void *, size_t);
enum pos_rc	 buf_addstr(struct buf *, const char *);
enum pos_rc	 buf_addbyte(struct buf *, uint8_t);
enum pos_rc	 buf_printf(struct buf *, const char *, ...) printflike(2, 3);
/* Big-endian fixed-width integers, as the ledger encoding uses. */
enum pos_rc	 buf_add_u32be(struct buf *, uint32_t);
enum pos_rc	 buf_add_i64be(struct buf *, int64_t);
/* Takes the data out (caller frees; never NULL on success) and resets b. */
char		*buf_take(struct buf *, size_t *lenp);

/* log.c: to stderr, or a file after log_open(). Never to the curses screen. */
void		 log_open(const char *path);
void		 log_set_fatal_hook(void (*)(void));
void		 log_info(const char *, ...) printflike(1, 2);
void		 log_warnx(const char *, ...) printflike(1, 2);
void		 log_warn(const char *, ...) printflike(1, 2);	/* + strerror */
void		 log_debug(const char *, ...) printflike(1, 2);
_Noreturn void	 fatalx(const char *, ...) printflike(1, 2);
_Noreturn void	 fatal(const char *, ...) printflike(1, 2);	/* + strerror */

/*
 * names.c: the index in [first, last] of names whose string is s, or -1:
 * how a closed set's name becomes its enum (units, roles, ...).
 */
int		 names_find(const char *const *names, int first, int last,
		    const char *s);

/* hex.c: lower-case hex. out must hold 2*len+1 bytes. */
void		 hex_encode(const uint8_t *, size_t len, char *out);
/* Decodes exactly 2*len hex digits; returns -1 on any bad digit or length. */
int		 hex_decode(const char *, uint8_t *out, size_t len);

#endif
