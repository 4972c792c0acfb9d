/* SPDX-License-Identifier: ISC */
/*
 * After the commit (print.h): the plain-text copy of each receipt kept
 * beside the ledger, <ledger dir>/struk/NUMBER.txt, then the print queue
 * pumped. Both are made from the committed entry; neither can undo it.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ledger-int.h"
#include "print.h"

enum pos_rc
print_file_write(const char *path, const char *data, size_t len,
    const char *what, char **cause)
{
	char	*tmp;
	size_t	 off = 0;
	ssize_t	 n;
	int	 fd;

	tmp = xasprintf("%s.tmp", path);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) ==
	    -1) {
		free(tmp);
		return cause_set(cause, POS_EIO, "%s tidak bisa ditulis: %s",
		    what, strerror(errno));
	}
	while (off < len) {
		if ((n = write(fd, data + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		off += (size_t)n;
	}
	if (off < len || fsync(fd) != 0 || close(fd) != 0) {
		if (off < len)
			close(fd);
		unlink(tmp);
		free(tmp);
		return cause_set(cause, errno == ENOSPC ? POS_EFULL : POS_EIO,
		    "%s tidak bisa ditulis: %s", what, strerror(errno));
	}
	if (rename(tmp, path) != 0) {
		unlink(tmp);
		free(tmp);
		return cause_set(cause, POS_EIO, "%s tidak bisa ditulis: %s",
		    what, strerror(errno));
	}
	free(tmp);
	return POS_OK;
}

/*
 * The copy of entry seq's receipt laid out for profile, as
 * <ledger dir>/struk/NUMBER.txt; path (size bytes) names it on success
 * and is "" otherwise.
 */
static enum pos_rc
print_archive_copy(struct ledger *l, int64_t seq, const char *profile,
    char *path, size_t size, char **cause)
{
	char	*text = NULL, *copy, *dir = NULL, *why = NULL;
	enum pos_rc rc;

	path[0] = '\0';
	if ((rc = print_text(l, seq, profile, &text, &why)) != POS_OK) {
		cause_set(cause, rc, "Struk tidak bisa disusun: %s", why);
		goto out;
	}
	copy = xstrdup(db_path(l->db));
	dir = xasprintf("%s/struk", dirname(copy));
	free(copy);
	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		rc = cause_set(cause, POS_EIO, "Folder struk tidak bisa "
		    "dibuat: %s", strerror(errno));
		goto out;
	}
	snprintf(path, size, "%s/%s-%06" PRId64 ".txt", dir,
	    l->dev.device_id, seq);
	if ((rc = print_file_write(path, text, strlen(text), "Struk",
	    cause)) != POS_OK)
		path[0] = '\0';
out:
	free(why);
	free(text);
	free(dir);
	return rc;
}

void
print_archive(struct ledger *l, int64_t seq, struct print_outcome *out)
{
	char	*spec, *profile, *cause = NULL;
	int64_t	 n = 0;

	memset(out, 0, sizeof *out);
	spec = print_setting(l, "printer");
	profile = print_setting(l, "printer.profile");
	if (print_archive_copy(l, seq, profile, out->path, sizeof out->path,
	    &cause) != POS_OK)
		snprintf(out->error, sizeof out->error, "%s", cause);
	free(cause);
	cause = NULL;
	/* The receipt was queued with its entry: printed now, or kept. */
	if (print_pump(l, NULL, &n, &cause) != POS_OK)
		snprintf(out->error, sizeof out->error, "%s (tersimpan, "
		    "dicetak nanti: Ctrl-P)", cause);
	else
		out->printed = spec != NULL && strcmp(spec, "none") != 0 &&
		    n > 0;
	free(spec);
	free(profile);
	free(cause);
}

enum pos_rc
print_paper(struct ledger *l, int64_t seq, const char *text,
    const char *bytes, size_t len, char *path, size_t size, char **cause)
{
	char	*copy, *dir;
	enum pos_rc rc = POS_OK;

	copy = xstrdup(db_path(l->db));
	dir = xasprintf("%s/struk", dirname(copy));
	free(copy);
	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		rc = cause_set(cause, POS_EIO, "Folder struk tidak bisa "
		    "dibuat: %s", strerror(errno));
	if (rc == POS_OK) {
		snprintf(path, size, "%s/%s-%06" PRId64 ".txt", dir,
		    l->dev.device_id, seq);
		rc = print_file_write(path, text, strlen(text), "Nota",
		    cause);
	}
	free(dir);
	if (rc == POS_OK)
		rc = print_raw(l, NULL, bytes, len, cause);
	return rc;
}
