/* SPDX-License-Identifier: ISC */
/* Device key file: create once, load at every start. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "devkey.h"
#include "util.h"

char *
devkey_path_for(const char *db_path)
{
	return xasprintf("%s.key", db_path);
}

static void
devkey_derive(struct devkey *k, const uint8_t seed[32])
{
	crypto_sign_seed_keypair(k->pk, k->sk, seed);
	entry_key_id(k->pk, k->key_id);
}

void
devkey_wipe(struct devkey *k)
{
	sodium_memzero(k, sizeof *k);
}

enum pos_rc
devkey_create(int fd, const char *path, struct devkey *out, char **cause)
{
	uint8_t	 seed[32];
	char	 seedhex[65], pephex[65], *text;
	enum pos_rc rc = POS_OK;
	size_t	 len;

	randombytes_buf(seed, sizeof seed);
	randombytes_buf(out->pepper, sizeof out->pepper);
	devkey_derive(out, seed);
	hex_encode(seed, sizeof seed, seedhex);
	hex_encode(out->pepper, sizeof out->pepper, pephex);
	text = xasprintf("ntt-device-key 1\nseed %s\npepper %s\n", seedhex,
	    pephex);
	len = strlen(text);
	if (ftruncate(fd, 0) != 0 ||
	    pwrite(fd, text, len, 0) != (ssize_t)len || fsync(fd) != 0)
		rc = cause_set(cause, POS_EIO, "Kunci perangkat %s tidak dapat "
		    "ditulis: %s", path, strerror(errno));
	sodium_memzero(text, len);
	free(text);
	sodium_memzero(seed, sizeof seed);
	sodium_memzero(seedhex, sizeof seedhex);
	sodium_memzero(pephex, sizeof pephex);
	if (rc != POS_OK)
		devkey_wipe(out);
	return rc;
}

enum pos_rc
devkey_load(const char *path, struct devkey *out, char **cause)
{
	FILE	*fp;
	char	 line[256];
	uint8_t	 seed[32];
	int	 nline = 0, have_seed = 0, have_pep = 0;
	enum pos_rc rc = POS_OK;

	if ((fp = fopen(path, "re")) == NULL) {
		if (errno == ENOENT)
			return cause_set(cause, POS_ENOTFOUND,
			    "Kunci perangkat %s tidak ditemukan", path);
		return cause_set(cause, POS_EIO, "Kunci perangkat %s tidak "
		    "terbaca: %s", path, strerror(errno));
	}
	while (fgets(line, sizeof line, fp) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		nline++;
		if (nline == 1) {
			if (strcmp(line, "ntt-device-key 1") != 0)
				break;
		} else if (strncmp(line, "seed ", 5) == 0 && !have_seed)
			have_seed = hex_decode(line + 5, seed, 32) == 0;
		else if (strncmp(line, "pepper ", 7) == 0 && !have_pep)
			have_pep = hex_decode(line + 7, out->pepper, 32) == 0;
		else {
			have_seed = 0;
			break;
		}
	}
	fclose(fp);
	sodium_memzero(line, sizeof line);
	if (!have_seed || !have_pep)
		rc = cause_set(cause, POS_EINVAL,
		    "Kunci perangkat %s tidak sah", path);
	else
		devkey_derive(out, seed);
	sodium_memzero(seed, sizeof seed);
	if (rc != POS_OK)
		devkey_wipe(out);
	return rc;
}
