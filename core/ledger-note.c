/* SPDX-License-Identifier: ISC */
/*
 * The sync daemon's note beside the ledger, for when it cannot write
 * sync_state: the counter learns that the province holds more than the
 * ledger says, and why the ledger could not be told (core.h, ledger-note).
 * The note is a fixed-size file overwritten in place, never renamed, so
 * that a full disk, which stops the ledger, does not stop it:
 *
 *	ntt-sync-note 1 LEN SUM\n	SUM: BLAKE2b-128 of the body, hex
 *	written_at_ms N\n pid N\n acked_seq N\n acked_at_ms N\n saved 0|1\n
 *	why TEXT\n			(the body: LEN bytes)
 *	NUL bytes to LEDGER_NOTE_SIZE
 *
 * It does not say what the province holds in any way a person must
 * trust: the signed acknowledgement stays in sync_state, written only by
 * the daemon after its check (docs/requirements.md R3.5).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "ledger-int.h"

#define LEDGER_NOTE_SIZE	1024
#define LEDGER_NOTE_SUM		16	/* BLAKE2b bytes */

struct ledger_note {
	int	 fd;
	char	*path;		/* owned */
};

static char *
ledger_note_path(struct ledger *l)
{
	return xasprintf("%s.sync-note", db_path(l->db));
}

enum pos_rc
ledger_note_open(struct ledger *l, struct ledger_note **out, char **cause)
{
	struct ledger_note *n;
	struct stat st;
	int	 e;

	n = xcalloc(1, sizeof *n);
	n->path = ledger_note_path(l);
	if ((n->fd = open(n->path, O_RDWR | O_CREAT | O_CLOEXEC, 0640)) ==
	    -1 || fstat(n->fd, &st) == -1) {
		e = errno;
		ledger_note_close(n);
		return cause_set(cause, POS_EIO, "Catatan sinkron %s: %s",
		    db_path(l->db), strerror(e));
	}
	/* Blocks taken now are overwritten later: no space needed then. */
	if (st.st_size < LEDGER_NOTE_SIZE &&
	    (e = posix_fallocate(n->fd, 0, LEDGER_NOTE_SIZE)) != 0) {
		ledger_note_close(n);
		return cause_set(cause, POS_EIO, "Catatan sinkron %s: %s",
		    db_path(l->db), strerror(e));
	}
	*out = n;
	return POS_OK;
}

void
ledger_note_close(struct ledger_note *n)
{
	if (n == NULL)
		return;
	if (n->fd != -1)
		close(n->fd);
	free(n->path);
	free(n);
}

static void
ledger_note_sum(const char *body, size_t len, char hex[])
{
	uint8_t	 h[LEDGER_NOTE_SUM];

	crypto_generichash(h, sizeof h, (const uint8_t *)body, len, NULL, 0);
	hex_encode(h, sizeof h, hex);
}

enum pos_rc
ledger_note_put(struct ledger_note *n, const struct sync_note *sn,
    char **cause)
{
	char	 rec[LEDGER_NOTE_SIZE], body[LEDGER_NOTE_SIZE / 2];
	char	 sum[2 * LEDGER_NOTE_SUM + 1];
	char	 why[OUTBOX_ERROR_MAX];
	int	 len, hlen;
	size_t	 i;

	/* One line: a newline in the reason would end it early. */
	snprintf(why, sizeof why, "%s", sn->why);
	for (i = 0; why[i] != '\0'; i++)
		if (why[i] == '\n' || why[i] == '\r')
			why[i] = ' ';
	len = snprintf(body, sizeof body, "written_at_ms %lld\npid %lld\n"
	    "acked_seq %lld\nacked_at_ms %lld\nsaved %d\nwhy %s\n",
	    (long long)sn->written_at_ms, (long long)sn->pid,
	    (long long)sn->acked_seq, (long long)sn->acked_at_ms,
	    sn->saved ? 1 : 0, why);
	if (len < 0 || (size_t)len >= sizeof body)
		return cause_set(cause, POS_EFULL, "Catatan sinkron terlalu "
		    "panjang");
	ledger_note_sum(body, (size_t)len, sum);
	memset(rec, 0, sizeof rec);
	hlen = snprintf(rec, sizeof rec, "ntt-sync-note 1 %d %s\n", len, sum);
	memcpy(rec + hlen, body, (size_t)len);
	if (pwrite(n->fd, rec, sizeof rec, 0) != (ssize_t)sizeof rec)
		return cause_set(cause, POS_EIO, "Catatan sinkron %s: %s",
		    n->path, strerror(errno));
	return POS_OK;
}

/* "key N\n" at *p: N, and *p moves past the line. */
static bool
ledger_note_num(const char **p, const char *key, int64_t *out)
{
	size_t	 k = strlen(key);
	char	*end;

	if (strncmp(*p, key, k) != 0 || (*p)[k] != ' ')
		return false;
	errno = 0;
	*out = strtoll(*p + k + 1, &end, 10);
	if (errno != 0 || end == *p + k + 1 || *end != '\n')
		return false;
	*p = end + 1;
	return true;
}

enum pos_rc
ledger_note_get(struct ledger *l, struct sync_note *sn, char **cause)
{
	char	 rec[LEDGER_NOTE_SIZE + 1], sum[2 * LEDGER_NOTE_SUM + 1];
	char	 want[2 * LEDGER_NOTE_SUM + 1], *path, *body, *nl;
	const char *p;
	int64_t	 saved;
	ssize_t	 got;
	int	 fd, len, hlen;

	path = ledger_note_path(l);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd == -1)
		return cause_set(cause, POS_ENOTFOUND, "Tidak ada catatan "
		    "sinkron");
	got = pread(fd, rec, LEDGER_NOTE_SIZE, 0);
	close(fd);
	if (got <= 0)
		return cause_set(cause, POS_ENOTFOUND, "Catatan sinkron kosong");
	rec[got] = '\0';
	memset(sn, 0, sizeof *sn);
	if (sscanf(rec, "ntt-sync-note 1 %d %32[0-9a-f]\n%n", &len, sum,
	    &hlen) != 2 || (nl = strchr(rec, '\n')) == NULL ||
	    (hlen = (int)(nl + 1 - rec)) + len > got || len <= 0)
		goto torn;
	body = rec + hlen;
	ledger_note_sum(body, (size_t)len, want);
	if (strcmp(sum, want) != 0)
		goto torn;
	body[len] = '\0';
	p = body;
	if (!ledger_note_num(&p, "written_at_ms", &sn->written_at_ms) ||
	    !ledger_note_num(&p, "pid", &sn->pid) ||
	    !ledger_note_num(&p, "acked_seq", &sn->acked_seq) ||
	    !ledger_note_num(&p, "acked_at_ms", &sn->acked_at_ms) ||
	    !ledger_note_num(&p, "saved", &saved) ||
	    strncmp(p, "why ", 4) != 0)
		goto torn;
	sn->saved = saved != 0;
	snprintf(sn->why, sizeof sn->why, "%.*s", (int)strcspn(p + 4, "\n"),
	    p + 4);
	return POS_OK;
torn:
	/* Read while being written, or not ours: as if there were none. */
	memset(sn, 0, sizeof *sn);
	return cause_set(cause, POS_ENOTFOUND, "Catatan sinkron tidak utuh");
}

enum pos_rc
ledger_sync_view(struct ledger *l, struct sync_view *v, char **cause)
{
	struct sync_note n;
	struct entry *e = NULL;
	enum pos_rc rc;
	int64_t	 head;

	memset(v, 0, sizeof *v);
	if ((rc = ledger_sync_get(l, &v->st, cause)) != POS_OK)
		return rc;
	v->pending = v->st.pending;
	if (ledger_note_get(l, &n, NULL) != POS_OK)
		return POS_OK;
	v->note_at_ms = n.written_at_ms;
	/* An older note speaks of a state the ledger has since recorded. */
	if (n.saved || n.acked_seq < v->st.acked_seq)
		return POS_OK;
	v->unsaved = true;
	v->held_seq = n.acked_seq;
	v->held_at_ms = n.acked_at_ms;
	snprintf(v->why, sizeof v->why, "%s", n.why);
	head = v->st.acked_seq + v->st.pending;
	v->pending = head > n.acked_seq ? head - n.acked_seq : 0;
	v->st.oldest_pending_at_ms = 0;
	if (v->pending > 0 && ledger_get(l, n.acked_seq + 1, &e, NULL) ==
	    POS_OK)
		v->st.oldest_pending_at_ms = e->created_at_ms;
	entry_free(e);
	return POS_OK;
}
