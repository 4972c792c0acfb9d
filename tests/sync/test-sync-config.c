/* SPDX-License-Identifier: ISC */
/*
 * The ntt-sync config parser (sync/config.c) on real files: a good file
 * with its defaults, and every kind of mistake refused with the line that
 * holds it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "sync.h"

#define KEY64	"00112233445566778899aabbccddeeff" \
		"00112233445566778899aabbccddeeff"

static char	*test_path;

static enum pos_rc
test_load(const char *text, struct sync_config *c, char **cause)
{
	FILE	*fp;

	if ((fp = fopen(test_path, "w")) == NULL)
		return POS_EIO;
	fputs(text, fp);
	fclose(fp);
	return config_load(test_path, c, cause);
}

static const char test_good[] =
	"# outlet Kupang 1\n"
	"ledger = /var/lib/ntt-pos/kpg.db\n"
	"  server = https://sync.ntt-mart.test:8443/\n"
	"ca_file=/etc/ntt-sync/province-ca.pem\n"
	"server_key = " KEY64 "\n"
	"\n"
	"token_file = ntt-sync-token\n";

static void
test_config_good(void)
{
	struct sync_config c;
	char	*cause = NULL;

	unsetenv("CREDENTIALS_DIRECTORY");
	CHECK(test_load(test_good, &c, &cause) == POS_OK);
	CHECK_STR(c.ledger, "/var/lib/ntt-pos/kpg.db");
	CHECK_STR(c.server, "https://sync.ntt-mart.test:8443");
	CHECK_STR(c.ca_file, "/etc/ntt-sync/province-ca.pem");
	CHECK_STR(c.token_file, "ntt-sync-token");
	CHECK_STR(c.lock_file, "/var/lib/ntt-pos/kpg.db.sync.lock");
	CHECK(c.pin == NULL);
	CHECK(c.server_key[0] == 0x00 && c.server_key[31] == 0xff);
	CHECK(!c.has_key_next);
	CHECK_EQ_I64(c.policy.max_entries, OUTBOX_DEFAULT_ENTRIES);
	CHECK_EQ_I64(c.policy.max_bytes, OUTBOX_DEFAULT_BYTES);
	CHECK_EQ_I64(c.policy.backoff_min_ms, 5000);
	CHECK_EQ_I64(c.policy.backoff_max_ms, 900000);
	CHECK_EQ_I64(c.stall_time_s, 60);
	config_free(&c);

	/* A bare token name is a systemd credential. */
	setenv("CREDENTIALS_DIRECTORY", "/run/credentials/ntt-sync.service", 1);
	CHECK(test_load(test_good, &c, &cause) == POS_OK);
	CHECK_STR(c.token_file,
	    "/run/credentials/ntt-sync.service/ntt-sync-token");
	config_free(&c);
	unsetenv("CREDENTIALS_DIRECTORY");

	free(cause);
}

static void
test_config_bad_one(const char *extra, const char *why)
{
	struct sync_config c;
	char	*text, *cause = NULL;

	text = xasprintf("%s%s", test_good, extra);
	CHECK(test_load(text, &c, &cause) == POS_EINVAL);
	if (cause == NULL || strstr(cause, why) == NULL)
		fprintf(stderr, "extra \"%s\": cause \"%s\", want \"%s\"\n",
		    extra, cause ? cause : "", why);
	CHECK(cause != NULL && strstr(cause, why) != NULL);
	free(text);
	free(cause);
}

static void
test_config_bad(void)
{
	struct sync_config c;
	char	*cause = NULL;

	test_config_bad_one("batch_entris = 10\n",
	    ":8: kunci \"batch_entris\"");
	test_config_bad_one("ledger = /x.db\n", ":8: ledger sudah diberikan");
	test_config_bad_one("batch_entries = 0\n", "batch_entries harus");
	test_config_bad_one("batch_entries = 5000\n", "batch_entries harus");
	test_config_bad_one("batch_entries = 12x\n", "batch_entries harus");
	test_config_bad_one("stall_time =\n", "stall_time harus");
	test_config_bad_one("just words\n", ":8: harus \"kunci = nilai\"");
	test_config_bad_one("pin = sha256//short\n", "pin harus");
	test_config_bad_one("server_key_next = 12\n",
	    ":8: server_key_next harus 64 digit");
	test_config_bad_one("backoff_min = 60\nbackoff_max = 10\n",
	    "backoff_max lebih kecil");
	test_config_bad_one("pin = sha256//"
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=;x\n", "pin harus");

	CHECK(test_load("ledger = /x.db\nserver = http://plain.test\n", &c,
	    &cause) == POS_EINVAL);
	CHECK(cause != NULL && strstr(cause, ":2: server harus https") != NULL);
	CHECK(test_load("server = https://user@evil.test/\n", &c, &cause) ==
	    POS_EINVAL);
	CHECK(test_load("server_key = 0011\n", &c, &cause) == POS_EINVAL);
	CHECK(cause != NULL && strstr(cause, "64 digit") != NULL);
	CHECK(test_load("ledger = /x.db\n", &c, &cause) == POS_EINVAL);
	CHECK(cause != NULL && strstr(cause, "server wajib diisi") != NULL);
	CHECK(config_load("/nonexistent/ntt-sync.conf", &c, &cause) ==
	    POS_EIO);
	CHECK(test_load(test_good, &c, &cause) == POS_OK);
	config_free(&c);
	free(cause);
	cause = NULL;
	{
		char *pinned = xasprintf("%spin = sha256//"
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=;sha256//"
		    "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=\n",
		    test_good);

		CHECK(test_load(pinned, &c, &cause) == POS_OK);
		CHECK(c.pin != NULL && strlen(c.pin) == 2 * 52 + 1);
		config_free(&c);
		free(pinned);
	}
	{
		/* The next acknowledgement key, for a rotation. */
		char *two = xasprintf("%sserver_key_next = "
		    "ff112233445566778899aabbccddeeff"
		    "00112233445566778899aabbccddee01\n", test_good);

		CHECK(test_load(two, &c, &cause) == POS_OK);
		CHECK(c.has_key_next);
		CHECK(c.server_key_next[0] == 0xff &&
		    c.server_key_next[31] == 0x01);
		CHECK(c.server_key[0] == 0x00);
		config_free(&c);
		free(two);
	}
	free(cause);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");

	test_path = xasprintf("%s/test-sync-config.%ld.conf",
	    tmp != NULL ? tmp : "/tmp", (long)getpid());
	test_config_good();
	test_config_bad();
	unlink(test_path);
	free(test_path);
	return check_exit();
}
