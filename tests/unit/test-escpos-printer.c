/* SPDX-License-Identifier: ISC */
/*
 * Printer back-ends without a printer: file: and none, dev: on a
 * pseudo-terminal whose other end answers DLE EOT like a printer, tcp: on a
 * loopback listener, cups: with a fake `lp` first in PATH.
 */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "receipts.h"

static char tmpdir[4096];

static char *
slurp(const char *path, size_t *lenp)
{
	FILE	*f;
	char	*p;
	size_t	 n;

	*lenp = 0;
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	p = xmalloc(65536);
	n = fread(p, 1, 65535, f);
	p[n] = '\0';
	fclose(f);
	*lenp = n;
	return p;
}

static void
test_printer_names(void)
{
	struct printer *p = NULL;
	char	*cause = NULL;

	CHECK_EQ_I64(printer_open("", &p, &cause), POS_EINVAL);
	CHECK_STR(cause, "Printer belum diatur");
	CHECK_EQ_I64(printer_open("usb:/dev/usb/lp0", &p, &cause),
	    POS_EINVAL);
	CHECK_STR(cause, "Jenis printer tidak dikenal: usb");
	CHECK_EQ_I64(printer_open("file:", &p, &cause), POS_EINVAL);
	CHECK_STR(cause, "Printer file: alamat kosong");
	CHECK_EQ_I64(printer_open("none:x", &p, &cause), POS_EINVAL);
	CHECK_EQ_I64(printer_open("cups:-oraw", &p, &cause), POS_EINVAL);
	CHECK_EQ_I64(printer_open("cups:a b", &p, &cause), POS_EINVAL);
	CHECK_EQ_I64(printer_open("cups:x;rm", &p, &cause), POS_EINVAL);
	CHECK_EQ_I64(printer_open("dev:/dev/null@1234", &p, &cause),
	    POS_EINVAL);
	CHECK_STR(cause, "Kecepatan serial tidak sah: 1234");
	CHECK_EQ_I64(printer_open("dev:lp0", &p, &cause), POS_EINVAL);
	CHECK_EQ_I64(printer_open("tcp:10.0.0.1:99999", &p, &cause),
	    POS_EINVAL);
	CHECK_EQ_I64(printer_open("tcp:[::1", &p, &cause), POS_EINVAL);
	CHECK_EQ_I64(printer_open("dev:/nonexistent/lp0", &p, &cause),
	    POS_EIO);
	CHECK_STR(cause, "Printer tidak tersambung (/nonexistent/lp0)");
	CHECK(p == NULL);

	CHECK_EQ_I64(printer_open("none", &p, &cause), POS_OK);
	CHECK_STR(printer_backend(p), "none");
	CHECK_EQ_I64(printer_print(p, "x", 1, &cause), POS_OK);
	printer_close(p);
	printer_close(NULL);
	CHECK_STR(printer_state_text(PRINTER_PAPER_OUT), "Kertas habis");
	free(cause);
}

static void
test_printer_file(void)
{
	struct printer *p = NULL;
	enum printer_state st;
	char	*path, *spec, *got, *cause = NULL;
	size_t	 len;

	path = xasprintf("%s/struk.bin", tmpdir);
	spec = xasprintf("file:%s", path);
	CHECK_EQ_I64(printer_open(spec, &p, &cause), POS_OK);
	CHECK_EQ_I64(printer_write(p, "\x1b@satu\n", 7, &cause), POS_OK);
	CHECK_EQ_I64(printer_print(p, "dua\n", 4, &cause), POS_OK);
	CHECK_EQ_I64(printer_status(p, &st, &cause), POS_OK);
	CHECK_EQ_I64(st, PRINTER_UNKNOWN);
	printer_close(p);
	/* Appends: a second open keeps what is there. */
	CHECK_EQ_I64(printer_open(spec, &p, &cause), POS_OK);
	CHECK_EQ_I64(printer_write(p, "tiga\n", 5, &cause), POS_OK);
	printer_close(p);
	got = slurp(path, &len);
	CHECK(got != NULL && len == 16 &&
	    memcmp(got, "\x1b@satu\ndua\ntiga\n", 16) == 0);
	free(got);
	free(spec);

	spec = xasprintf("file:%s/no/such/dir/x", tmpdir);
	CHECK_EQ_I64(printer_open(spec, &p, &cause), POS_EIO);
	CHECK(cause != NULL && strncmp(cause, "Printer tidak tersambung",
	    24) == 0);
	free(spec);
	free(path);
	free(cause);
}

/*
 * The printer end of a pty: reads what the till sends, answers each
 * DLE EOT n with answers[n], and copies everything else to out (until
 * the till closes). Runs in a child.
 */
static void
fake_printer(int fd, const uint8_t answers[5], int out)
{
	uint8_t	 c, q[2];
	int	 state = 0;

	while (read(fd, &c, 1) == 1) {
		if (state == 0 && c == 0x10) {
			state = 1;
			continue;
		}
		if (state == 1 && c == 0x04) {
			state = 2;
			continue;
		}
		if (state == 2) {
			if (c < 5 && answers[c] != 0)
				(void)!write(fd, &answers[c], 1);
			state = 0;
			continue;
		}
		if (state == 1) {
			q[0] = 0x10;
			(void)!write(out, q, 1);
			state = 0;
		}
		(void)!write(out, &c, 1);
	}
	_exit(0);
}

/*
 * Opens a pty; returns the master fd and sets *spec to "dev:SLAVE". *keep
 * holds the slave open until the test closes it, so the master reads
 * neither EIO before the till opens the slave nor EOF in between; the
 * child must close *keep, or it would never see the end.
 */
static int
pty_open(char **spec, int *keep)
{
	int	 m;

	m = posix_openpt(O_RDWR | O_NOCTTY);
	if (m == -1 || grantpt(m) != 0 || unlockpt(m) != 0)
		return -1;
	*spec = xasprintf("dev:%s", ptsname(m));
	*keep = open(ptsname(m), O_RDWR | O_NOCTTY);
	return m;
}

static enum printer_state
pty_status(const uint8_t answers[5], char **cause)
{
	struct printer *p = NULL;
	enum printer_state st = PRINTER_READY;
	char	*spec = NULL;
	pid_t	 pid;
	int	 m, devnull, keep;

	m = pty_open(&spec, &keep);
	CHECK(m != -1);
	if (m == -1)
		return PRINTER_READY;
	devnull = open("/dev/null", O_WRONLY);
	/* Fork first: a child holding the slave open would never see EOF. */
	pid = fork();
	if (pid == 0) {
		close(keep);
		fake_printer(m, answers, devnull);
	}
	CHECK_EQ_I64(printer_open(spec, &p, cause), POS_OK);
	CHECK_EQ_I64(printer_status(p, &st, cause), POS_OK);
	printer_close(p);
	close(keep);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	close(m);
	close(devnull);
	free(spec);
	return st;
}

static void
test_printer_dev(void)
{
	static const uint8_t ready[5] = { 0, 0x16, 0, 0, 0x12 };
	static const uint8_t low[5] = { 0, 0x16, 0, 0, 0x1e };
	static const uint8_t out[5] = { 0, 0x1e, 0, 0, 0x72 };
	static const uint8_t cover[5] = { 0, 0x1e, 0, 0, 0x12 };
	static const uint8_t mute[5] = { 0, 0, 0, 0, 0 };
	static const uint8_t doc[] = "\x1b@\x1b\x61\x01" "Kupang\n\r\x1d\x56"
	    "\x42\x00\x0a\xff\x10\x05";
	struct printer *p = NULL;
	char	*spec = NULL, *cause = NULL, *path, *got;
	size_t	 len;
	pid_t	 pid;
	int	 m, fd, keep;

	CHECK_EQ_I64(pty_status(ready, &cause), PRINTER_READY);
	CHECK_EQ_I64(pty_status(low, &cause), PRINTER_PAPER_LOW);
	CHECK_EQ_I64(pty_status(out, &cause), PRINTER_PAPER_OUT);
	CHECK_EQ_I64(pty_status(cover, &cause), PRINTER_OFFLINE);
	/* No answer within PRINTER_STATUS_MS: unknown, and prints. */
	CHECK_EQ_I64(pty_status(mute, &cause), PRINTER_UNKNOWN);

	/*
	 * Bytes reach the printer untouched: the tty is raw, so LF is not
	 * turned into CR LF and 0xff is not eaten. Paper out refuses.
	 */
	m = pty_open(&spec, &keep);
	path = xasprintf("%s/dev.bin", tmpdir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	pid = fork();
	if (pid == 0) {
		close(keep);
		fake_printer(m, ready, fd);
	}
	CHECK_EQ_I64(printer_open(spec, &p, &cause), POS_OK);
	CHECK_EQ_I64(printer_print(p, doc, sizeof doc - 1, &cause), POS_OK);
	printer_close(p);
	close(keep);
	/* The child sees the end once the slave is closed. */
	waitpid(pid, NULL, 0);
	close(fd);
	got = slurp(path, &len);
	CHECK(got != NULL && len == sizeof doc - 1 &&
	    memcmp(got, doc, len) == 0);
	free(got);
	close(m);
	free(spec);

	m = pty_open(&spec, &keep);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	pid = fork();
	if (pid == 0) {
		close(keep);
		fake_printer(m, out, fd);
	}
	CHECK_EQ_I64(printer_open(spec, &p, &cause), POS_OK);
	CHECK_EQ_I64(printer_print(p, doc, sizeof doc - 1, &cause), POS_EIO);
	CHECK_STR(cause, "Kertas habis");
	printer_close(p);
	close(keep);
	waitpid(pid, NULL, 0);
	close(fd);
	got = slurp(path, &len);
	CHECK_EQ_I64(len, 0);
	free(got);
	close(m);
	free(spec);
	free(path);
	free(cause);
}

/*
 * A network printer: accepts n connections, answers DLE EOT with 0x12,
 * and appends everything else to out.
 */
static void
fake_tcp_printer(int ls, int n, int out)
{
	static const uint8_t ok = 0x12;
	uint8_t	 buf[4096];
	ssize_t	 r, i;
	int	 c;

	while (n-- > 0) {
		if ((c = accept(ls, NULL, NULL)) == -1)
			_exit(1);
		while ((r = read(c, buf, sizeof buf)) > 0) {
			for (i = 0; i < r; i++) {
				/* The till sends DLE EOT n in one piece. */
				if (buf[i] == 0x10 && i + 2 < r &&
				    buf[i + 1] == 0x04) {
					(void)!write(c, &ok, 1);
					i += 2;
					continue;
				}
				(void)!write(out, &buf[i], 1);
			}
		}
		close(c);
	}
	_exit(0);
}

static void
test_printer_tcp(void)
{
	struct sockaddr_in sin;
	socklen_t slen = sizeof sin;
	struct printer *p = NULL;
	enum printer_state st;
	char	*spec, *path, *got, *cause = NULL;
	size_t	 len;
	pid_t	 pid;
	int	 ls, fd, port;

	ls = socket(AF_INET, SOCK_STREAM, 0);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CHECK(bind(ls, (struct sockaddr *)&sin, sizeof sin) == 0);
	CHECK(listen(ls, 4) == 0);
	CHECK(getsockname(ls, (struct sockaddr *)&sin, &slen) == 0);
	port = ntohs(sin.sin_port);

	path = xasprintf("%s/tcp.bin", tmpdir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	/* open (probe), status, print (status + write), write. */
	pid = fork();
	if (pid == 0)
		fake_tcp_printer(ls, 5, fd);
	spec = xasprintf("tcp:127.0.0.1:%d", port);
	CHECK_EQ_I64(printer_open(spec, &p, &cause), POS_OK);
	CHECK_EQ_I64(printer_status(p, &st, &cause), POS_OK);
	CHECK_EQ_I64(st, PRINTER_READY);
	CHECK_EQ_I64(printer_print(p, "satu\n", 5, &cause), POS_OK);
	CHECK_EQ_I64(printer_write(p, "dua\n", 4, &cause), POS_OK);
	printer_close(p);
	waitpid(pid, NULL, 0);
	close(fd);
	close(ls);
	got = slurp(path, &len);
	CHECK(got != NULL && strcmp(got, "satu\ndua\n") == 0);
	free(got);
	free(spec);
	free(path);

	/* Nothing listens any more: refused at once. */
	spec = xasprintf("tcp:127.0.0.1:%d", port);
	CHECK_EQ_I64(printer_open(spec, &p, &cause), POS_EIO);
	CHECK(cause != NULL && strncmp(cause,
	    "Printer tidak tersambung (127.0.0.1:", 36) == 0);
	free(spec);
	free(cause);
}

static void
write_script(const char *path, const char *body)
{
	FILE	*f = fopen(path, "w");

	CHECK(f != NULL);
	if (f == NULL)
		return;
	fputs(body, f);
	fclose(f);
	chmod(path, 0755);
}

static void
test_printer_cups(void)
{
	struct printer *p = NULL;
	char	*bin, *lp, *path, *oldpath, *got, *cause = NULL;
	size_t	 len;
	const char *env;

	bin = xasprintf("%s/bin", tmpdir);
	mkdir(bin, 0755);
	lp = xasprintf("%s/lp", bin);
	path = xasprintf("%s/lp.out", tmpdir);
	/* The fake lp checks its arguments and keeps stdin. */
	write_script(lp,
	    "#!/bin/sh\n"
	    "[ \"$*\" = \"-d $LP_QUEUE -o raw\" ] || "
	    "{ echo \"lp: bad args $*\" >&2; exit 3; }\n"
	    "[ \"$LP_QUEUE\" = rusak ] && "
	    "{ echo 'lp: The printer or class does not exist.' >&2; exit 1; }\n"
	    "cat >> \"$LP_OUT\"\n"
	    "echo 'request id is kasir-1 (1 file(s))'\n");
	env = getenv("PATH");
	oldpath = xstrdup(env != NULL ? env : "/usr/bin:/bin");
	got = xasprintf("%s:%s", bin, oldpath);
	setenv("PATH", got, 1);
	free(got);
	setenv("LP_OUT", path, 1);

	setenv("LP_QUEUE", "kasir", 1);
	CHECK_EQ_I64(printer_open("cups:kasir", &p, &cause), POS_OK);
	CHECK_EQ_I64(printer_write(p, "\x1b@satu\n\0\xff", 9, &cause), POS_OK);
	CHECK_EQ_I64(printer_print(p, "dua\n", 4, &cause), POS_OK);
	printer_close(p);
	got = slurp(path, &len);
	CHECK(got != NULL && len == 13 &&
	    memcmp(got, "\x1b@satu\n\0\xff" "dua\n", 13) == 0);
	free(got);

	setenv("LP_QUEUE", "rusak", 1);
	CHECK_EQ_I64(printer_open("cups:rusak", &p, &cause), POS_OK);
	CHECK_EQ_I64(printer_write(p, "x", 1, &cause), POS_EIO);
	CHECK_STR(cause, "Gagal mencetak lewat CUPS: lp: The printer or "
	    "class does not exist.");
	printer_close(p);

	/* No lp at all (cups-client not installed). */
	setenv("PATH", "/nonexistent", 1);
	CHECK_EQ_I64(printer_open("cups:kasir", &p, &cause), POS_OK);
	CHECK_EQ_I64(printer_write(p, "x", 1, &cause), POS_EIO);
	CHECK_STR(cause, "Program lp tidak ada (pasang cups-client)");
	printer_close(p);

	setenv("PATH", oldpath, 1);
	unlink(lp);
	unlink(path);
	rmdir(bin);
	free(oldpath);
	free(lp);
	free(bin);
	free(path);
	free(cause);
}

static void
cleanup(void)
{
	static const char *files[] = { "struk.bin", "dev.bin", "tcp.bin" };
	char	*path;
	size_t	 i;

	for (i = 0; i < sizeof files / sizeof *files; i++) {
		path = xasprintf("%s/%s", tmpdir, files[i]);
		unlink(path);
		free(path);
	}
	CHECK(rmdir(tmpdir) == 0);
}

int
main(void)
{
	const char *t = getenv("TMPDIR");
	char	*tmpl;

	tmpl = xasprintf("%s/test-escpos-printer.XXXXXX", t ? t : "/tmp");
	if (mkdtemp(tmpl) == NULL) {
		perror(tmpl);
		return 1;
	}
	snprintf(tmpdir, sizeof tmpdir, "%s", tmpl);
	free(tmpl);

	test_printer_names();
	test_printer_file();
	test_printer_dev();
	test_printer_tcp();
	test_printer_cups();
	cleanup();
	return check_exit();
}
