/* SPDX-License-Identifier: ISC */
/*
 * Who runs a ledger command that writes (cmd.h): the user's code from
 * --user and a PIN read from the terminal without echo, or from standard
 * input with --pin-stdin (for scripts: the user's PIN on the first line,
 * the approver's on the second). Nothing typed on the command line is
 * trusted: core/auth.c checks the PIN and the role, and the author of
 * the entry is the person it proved.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cmd.h"
#include "core.h"

/*
 * Reads one line into pin (COUNTER_PIN_MAX bytes); false at end of input.
 * A line too long for any PIN reads as "", which no PIN matches.
 */
static bool
cmd_auth_line(FILE *f, char *pin)
{
	size_t	 n = 0;
	int	 ch;
	bool	 long_line = false;

	while ((ch = fgetc(f)) != EOF && ch != '\n') {
		if (ch == '\r')
			continue;
		if (n + 1 < COUNTER_PIN_MAX)
			pin[n++] = (char)ch;
		else
			long_line = true;
	}
	pin[long_line ? 0 : n] = '\0';
	return ch == '\n' || n > 0 || long_line;
}

/* Asks for who's PIN on the terminal, echo off. */
static bool
cmd_auth_tty(const char *who, char *pin)
{
	struct termios old, quiet;
	FILE	*tty;
	bool	 ok;
	int	 fd;

	if ((fd = open("/dev/tty", O_RDWR | O_CLOEXEC)) < 0)
		return false;
	if ((tty = fdopen(fd, "r+")) == NULL) {
		close(fd);
		return false;
	}
	if (tcgetattr(fd, &old) != 0) {
		fclose(tty);
		return false;
	}
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	quiet.c_lflag |= ICANON;
	fprintf(tty, "PIN %s: ", who);
	fflush(tty);
	tcsetattr(fd, TCSAFLUSH, &quiet);
	ok = cmd_auth_line(tty, pin);
	tcsetattr(fd, TCSAFLUSH, &old);
	fputc('\n', tty);
	fclose(tty);
	return ok;
}

static bool
cmd_auth_read(bool pin_stdin, const char *who, char *pin)
{
	if (pin_stdin)
		return cmd_auth_line(stdin, pin);
	return cmd_auth_tty(who, pin);
}

int
cmd_auth(struct ledger *l, enum role_act act, const char *user,
    const char *approver, bool pin_stdin, struct actor *out)
{
	char	*pin, *apin, *cause = NULL;
	enum pos_rc rc;
	int	 ret = 0;

	pin = counter_secret_new();
	apin = counter_secret_new();
	if (!cmd_auth_read(pin_stdin, user, pin) || (approver != NULL &&
	    !cmd_auth_read(pin_stdin, approver, apin))) {
		fprintf(stderr, "ntt-pos: PIN tidak terbaca%s\n", pin_stdin ?
		    " dari masukan standar" : ": tidak ada terminal (pakai "
		    "--pin-stdin)");
		ret = 2;
		goto out;
	}
	rc = auth_person(l, act, user, pin, approver, approver != NULL ?
	    apin : NULL, out, &cause);
	if (rc != POS_OK) {
		fprintf(stderr, "ntt-pos: %s\n", cause);
		free(cause);
		/* An unknown user is a bad argument; a wrong PIN or role is
		 * a refusal. */
		ret = rc == POS_ENOTFOUND ? 2 : 1;
	}
out:
	counter_secret_free(pin);
	counter_secret_free(apin);
	return ret;
}
