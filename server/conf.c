/* SPDX-License-Identifier: ISC */
/*
 * The server's limits: one table of name, default, range and meaning,
 * read by the defaults, the config file (ntt-server serve --config FILE)
 * and docs/sync-install.md §Limits alike. The file is read strictly, as
 * the outlets' is: an unknown key, a key given twice or a value out of
 * range stops the server naming the line (exit 78), never runs it with a
 * limit the operator did not mean. It holds no secret.
 */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

static const struct conf_key {
	const char	*name;
	size_t		 off;		/* int64_t in struct srv_limits */
	int64_t		 def, min, max;
} conf_keys[] = {
#define CONF_KEY(name, def, min, max) \
	{ #name, offsetof(struct srv_limits, name), def, min, max }
	CONF_KEY(max_connections, 1000, 16, 100000),
	CONF_KEY(per_address_connections, 32, 0, 100000),
	CONF_KEY(tls_timeout, 10, 1, 600),
	CONF_KEY(head_timeout, 10, 1, 600),
	CONF_KEY(idle_timeout, 120, 1, 3600),
	CONF_KEY(request_timeout, 30, 1, 3600),
	CONF_KEY(request_min_rate, 1024, 1, 1 << 30),
	CONF_KEY(pg_connect_timeout, 5, 1, 600),
	CONF_KEY(pg_statement_timeout, 15000, 100, 3600000),
	CONF_KEY(pg_lock_timeout, 5000, 10, 3600000),
	CONF_KEY(pg_wait, 10000, 10, 3600000),
	CONF_KEY(batch_per_min, 600, 0, 1000000),
	CONF_KEY(batch_burst, 60, 1, 1000000),
	CONF_KEY(enrol_per_min, 10, 0, 1000000),
	CONF_KEY(enrol_burst, 10, 1, 1000000),
	CONF_KEY(enrol_alarm_after, 5, 1, 1000000),
	CONF_KEY(alarm_window, 3600, 1, 86400 * 30),
	CONF_KEY(quarantine_after, 10, 0, 1000000),
#undef CONF_KEY
};
#define CONF_NKEYS	(sizeof conf_keys / sizeof conf_keys[0])

void
conf_defaults(struct srv_limits *l)
{
	size_t	 i;

	memset(l, 0, sizeof *l);
	for (i = 0; i < CONF_NKEYS; i++)
		*(int64_t *)(void *)((char *)l + conf_keys[i].off) =
		    conf_keys[i].def;
}

static char *
conf_trim(char *s)
{
	char	*e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

enum pos_rc
conf_read(const char *path, struct srv_limits *l, char **cause)
{
	FILE	*fp;
	char	 line[512], *k, *v, *eq, *end, *hash;
	bool	 seen[CONF_NKEYS];
	enum pos_rc rc = POS_OK;
	long long n;
	size_t	 i;
	int	 lineno = 0;

	conf_defaults(l);
	memset(seen, 0, sizeof seen);
	if ((fp = fopen(path, "r")) == NULL)
		return cause_set(cause, POS_EIO, "%s: %s", path,
		    strerror(errno));
	while (rc == POS_OK && fgets(line, sizeof line, fp) != NULL) {
		lineno++;
		if (strchr(line, '\n') == NULL && !feof(fp)) {
			rc = cause_set(cause, POS_EINVAL, "%s:%d: baris terlalu "
			    "panjang", path, lineno);
			break;
		}
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		k = conf_trim(line);
		if (*k == '\0')
			continue;
		if ((eq = strchr(k, '=')) == NULL) {
			rc = cause_set(cause, POS_EINVAL, "%s:%d: harus KUNCI = "
			    "NILAI", path, lineno);
			break;
		}
		*eq = '\0';
		k = conf_trim(k);
		v = conf_trim(eq + 1);
		for (i = 0; i < CONF_NKEYS; i++)
			if (strcmp(k, conf_keys[i].name) == 0)
				break;
		if (i == CONF_NKEYS) {
			rc = cause_set(cause, POS_EINVAL, "%s:%d: kunci \"%.60s\" "
			    "tidak dikenal", path, lineno, k);
			break;
		}
		if (seen[i]) {
			rc = cause_set(cause, POS_EINVAL, "%s:%d: %s muncul dua "
			    "kali", path, lineno, k);
			break;
		}
		seen[i] = true;
		errno = 0;
		n = strtoll(v, &end, 10);
		if (errno != 0 || end == v || *end != '\0' ||
		    n < conf_keys[i].min || n > conf_keys[i].max) {
			rc = cause_set(cause, POS_EINVAL, "%s:%d: %s harus "
			    "bilangan bulat %lld-%lld", path, lineno, k,
			    (long long)conf_keys[i].min,
			    (long long)conf_keys[i].max);
			break;
		}
		*(int64_t *)(void *)((char *)l + conf_keys[i].off) = n;
	}
	if (rc == POS_OK && ferror(fp))
		rc = cause_set(cause, POS_EIO, "%s: %s", path, strerror(errno));
	fclose(fp);
	return rc;
}

void
conf_print(const struct srv_limits *l)
{
	size_t	 i;

	for (i = 0; i < CONF_NKEYS; i++)
		printf("%s = %lld\n", conf_keys[i].name, (long long)*(const
		    int64_t *)(const void *)((const char *)l +
		    conf_keys[i].off));
}
