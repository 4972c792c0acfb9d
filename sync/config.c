/* SPDX-License-Identifier: ISC */
/*
 * The ntt-sync config file, read strictly: a typo must stop the daemon
 * with a message naming the line, never run it with a default the
 * operator did not mean. It holds no secret: the credential is a separate
 * file (token_file), delivered by systemd (docs/sync-install.md).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sync.h"

enum config_type {
	CONFIG_PATH,
	CONFIG_URL,
	CONFIG_PIN,
	CONFIG_KEY,
	CONFIG_INT,
};

static const struct config_key {
	const char	*name;
	enum config_type type;
	bool		 required;
	long		 min, max;	/* CONFIG_INT */
} config_keys[] = {
	{ "ledger", CONFIG_PATH, true, 0, 0 },
	{ "server", CONFIG_URL, true, 0, 0 },
	{ "ca_file", CONFIG_PATH, true, 0, 0 },
	{ "server_key", CONFIG_KEY, true, 0, 0 },
	{ "server_key_next", CONFIG_KEY, false, 0, 0 },
	{ "token_file", CONFIG_PATH, true, 0, 0 },
	{ "pin", CONFIG_PIN, false, 0, 0 },
	{ "lock_file", CONFIG_PATH, false, 0, 0 },
	{ "batch_entries", CONFIG_INT, false, 1, PROTO_MAX_ENTRIES },
	{ "batch_bytes", CONFIG_INT, false, 4096, PROTO_MAX_JSON / 4 },
	{ "backoff_min", CONFIG_INT, false, 1, 3600 },
	{ "backoff_max", CONFIG_INT, false, 1, 86400 },
	{ "connect_timeout", CONFIG_INT, false, 1, 600 },
	{ "stall_time", CONFIG_INT, false, 1, 3600 },
	{ "stall_bytes", CONFIG_INT, false, 1, 1000000 },
	{ "interval", CONFIG_INT, false, 1, 86400 },
	{ "gzip_level", CONFIG_INT, false, 1, 9 },
};
#define CONFIG_NKEYS	(sizeof config_keys / sizeof config_keys[0])

static char *
config_trim(char *s)
{
	char	*e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* https://host[:port][/prefix], nothing a URL parser could read twice. */
static bool
config_url_ok(const char *v)
{
	const char *host = v + strlen("https://");

	if (strncmp(v, "https://", 8) != 0 || *host == '\0' || *host == '/')
		return false;
	return strpbrk(v, " \t\"'<>\\^`{|}?#@") == NULL;
}

/* One or more "sha256//<44 base64>" separated by ';' (curl's syntax). */
static bool
config_pin_ok(const char *v)
{
	const char *p = v;
	size_t	 n;

	for (;;) {
		if (strncmp(p, "sha256//", 8) != 0)
			return false;
		p += 8;
		n = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "abcdefghijklmnopqrstuvwxyz0123456789+/=");
		if (n != 44)
			return false;
		p += n;
		if (*p == '\0')
			return true;
		if (*p++ != ';')
			return false;
	}
}

static enum pos_rc
config_set(struct sync_config *c, const struct config_key *k, const char *v,
    const char *path, int line, char **cause)
{
	uint8_t	*key;
	char	*end;
	long	 n;

	switch (k->type) {
	case CONFIG_PATH:
		if (*v == '\0')
			goto bad;
		break;
	case CONFIG_URL:
		if (!config_url_ok(v))
			return cause_set(cause, POS_EINVAL, "%s:%d: server "
			    "harus https://HOST[:PORT] (http biasa ditolak)",
			    path, line);
		break;
	case CONFIG_PIN:
		if (!config_pin_ok(v))
			return cause_set(cause, POS_EINVAL, "%s:%d: pin harus "
			    "sha256//BASE64[;sha256//BASE64]", path, line);
		break;
	case CONFIG_KEY:
		key = strcmp(k->name, "server_key") == 0 ? c->server_key :
		    c->server_key_next;
		if (strlen(v) != 2 * ENTRY_PK_LEN ||
		    hex_decode(v, key, ENTRY_PK_LEN) != 0)
			return cause_set(cause, POS_EINVAL, "%s:%d: %s harus "
			    "64 digit heksadesimal", path, line, k->name);
		if (key == c->server_key_next)
			c->has_key_next = true;
		return POS_OK;
	case CONFIG_INT:
		errno = 0;
		n = strtol(v, &end, 10);
		if (*v == '\0' || *end != '\0' || errno != 0 || n < k->min ||
		    n > k->max)
			return cause_set(cause, POS_EINVAL, "%s:%d: %s harus "
			    "bilangan bulat %ld sampai %ld", path, line,
			    k->name, k->min, k->max);
		if (strcmp(k->name, "batch_entries") == 0)
			c->policy.max_entries = n;
		else if (strcmp(k->name, "batch_bytes") == 0)
			c->policy.max_bytes = n;
		else if (strcmp(k->name, "backoff_min") == 0)
			c->policy.backoff_min_ms = n * 1000;
		else if (strcmp(k->name, "backoff_max") == 0)
			c->policy.backoff_max_ms = n * 1000;
		else if (strcmp(k->name, "connect_timeout") == 0)
			c->connect_timeout_s = n;
		else if (strcmp(k->name, "stall_time") == 0)
			c->stall_time_s = n;
		else if (strcmp(k->name, "stall_bytes") == 0)
			c->stall_bytes = n;
		else if (strcmp(k->name, "interval") == 0)
			c->interval_s = n;
		else if (strcmp(k->name, "gzip_level") == 0)
			c->gzip_level = (int)n;
		return POS_OK;
	}
	if (strcmp(k->name, "ledger") == 0)
		c->ledger = xstrdup(v);
	else if (strcmp(k->name, "server") == 0) {
		c->server = xstrdup(v);
		n = (long)strlen(c->server);
		while (n > 0 && c->server[n - 1] == '/')
			c->server[--n] = '\0';
	} else if (strcmp(k->name, "ca_file") == 0)
		c->ca_file = xstrdup(v);
	else if (strcmp(k->name, "pin") == 0)
		c->pin = xstrdup(v);
	else if (strcmp(k->name, "token_file") == 0)
		c->token_file = xstrdup(v);
	else if (strcmp(k->name, "lock_file") == 0)
		c->lock_file = xstrdup(v);
	return POS_OK;
bad:
	return cause_set(cause, POS_EINVAL, "%s:%d: %s kosong", path, line,
	    k->name);
}

enum pos_rc
config_load(const char *path, struct sync_config *c, char **cause)
{
	FILE	*fp;
	char	 text[1024], *key, *val, *eq;
	const char *credir;
	bool	 seen[CONFIG_NKEYS];
	enum pos_rc rc = POS_OK;
	size_t	 i;
	int	 line = 0;

	memset(c, 0, sizeof *c);
	memset(seen, 0, sizeof seen);
	c->policy.max_entries = OUTBOX_DEFAULT_ENTRIES;
	c->policy.max_bytes = OUTBOX_DEFAULT_BYTES;
	c->policy.backoff_min_ms = 5 * 1000;
	c->policy.backoff_max_ms = 15 * 60 * 1000;
	c->connect_timeout_s = 30;
	c->stall_time_s = 60;
	c->stall_bytes = 100;
	c->interval_s = 30;
	c->gzip_level = 6;
	if ((fp = fopen(path, "r")) == NULL)
		return cause_set(cause, POS_EIO, "Berkas konfigurasi %s tidak "
		    "dapat dibuka: %s", path, strerror(errno));
	while (rc == POS_OK && fgets(text, sizeof text, fp) != NULL) {
		line++;
		if (strchr(text, '\n') == NULL && !feof(fp)) {
			rc = cause_set(cause, POS_EINVAL, "%s:%d: baris "
			    "terlalu panjang", path, line);
			break;
		}
		key = config_trim(text);
		if (*key == '\0' || *key == '#')
			continue;
		if ((eq = strchr(key, '=')) == NULL) {
			rc = cause_set(cause, POS_EINVAL, "%s:%d: harus "
			    "\"kunci = nilai\"", path, line);
			break;
		}
		*eq = '\0';
		key = config_trim(key);
		val = config_trim(eq + 1);
		for (i = 0; i < CONFIG_NKEYS; i++)
			if (strcmp(key, config_keys[i].name) == 0)
				break;
		if (i == CONFIG_NKEYS) {
			rc = cause_set(cause, POS_EINVAL, "%s:%d: kunci "
			    "\"%.40s\" tidak dikenal", path, line, key);
			break;
		}
		if (seen[i]) {
			rc = cause_set(cause, POS_EINVAL, "%s:%d: %s sudah "
			    "diberikan sebelumnya", path, line, key);
			break;
		}
		seen[i] = true;
		rc = config_set(c, &config_keys[i], val, path, line, cause);
	}
	if (rc == POS_OK && ferror(fp))
		rc = cause_set(cause, POS_EIO, "%s: kesalahan baca", path);
	fclose(fp);
	for (i = 0; rc == POS_OK && i < CONFIG_NKEYS; i++)
		if (config_keys[i].required && !seen[i])
			rc = cause_set(cause, POS_EINVAL, "%s: %s wajib diisi",
			    path, config_keys[i].name);
	if (rc == POS_OK &&
	    c->policy.backoff_max_ms < c->policy.backoff_min_ms)
		rc = cause_set(cause, POS_EINVAL, "%s: backoff_max lebih kecil "
		    "dari backoff_min", path);
	if (rc != POS_OK) {
		config_free(c);
		return rc;
	}
	/* A bare name is a systemd credential (LoadCredentialEncrypted=). */
	if (strchr(c->token_file, '/') == NULL &&
	    (credir = getenv("CREDENTIALS_DIRECTORY")) != NULL) {
		val = xasprintf("%s/%s", credir, c->token_file);
		free(c->token_file);
		c->token_file = val;
	}
	if (c->lock_file == NULL)
		c->lock_file = xasprintf("%s.sync.lock", c->ledger);
	return POS_OK;
}

void
config_free(struct sync_config *c)
{
	free(c->ledger);
	free(c->server);
	free(c->ca_file);
	free(c->pin);
	free(c->token_file);
	free(c->lock_file);
	memset(c, 0, sizeof *c);
}

const uint8_t *
config_ack_key(const struct sync_config *c, const struct outbox_ack *a)
{
	if (c->has_key_next && !outbox_ack_sig_ok(a, c->server_key) &&
	    outbox_ack_sig_ok(a, c->server_key_next))
		return c->server_key_next;
	return c->server_key;
}
