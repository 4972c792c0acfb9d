/* SPDX-License-Identifier: ISC */
/*
 * Sub-commands of ntt-pos run from a shell ("ntt-pos qris ..."), not from
 * the cashier screens. Each takes the arguments after "ntt-pos", so
 * argv[0] is the command's own name, and returns the process exit code.
 */
#ifndef NTT_CMD_H
#define NTT_CMD_H

#include "core.h"

/* Who writes, as every writing command takes it. */
#define CMD_WHO	"--user KODE [--approver KODE] [--pin-stdin]"
/* The terms of a lot received (ntt-pos receive). */
#define CMD_LOT_TERMS	"[--supplier KODE] [--price RP] [--commission PERSEN " \
	"| --fixed RP | --cost RP [--confirm-cost]] [--invoice NO] " \
	"[--best-before HARI] [--return-by HARI]"

/* pos.c: the synopsis of command name, as --help prints it. */
const char *cmd_usage(const char *name);

/* cmd-setup.c: the first-run setup of a new outlet, on the screen. */
int	 cmd_setup(int argc, char **argv);

/* cmd-ledger.c */
int	 cmd_init(int argc, char **argv);
int	 cmd_verify(int argc, char **argv);
int	 cmd_summary(int argc, char **argv);
int	 cmd_receipt_code(int argc, char **argv);
int	 cmd_verify_receipt(int argc, char **argv);
int	 cmd_print(int argc, char **argv);
int	 cmd_reprint(int argc, char **argv);
int	 cmd_report(int argc, char **argv);
int	 cmd_consign(int argc, char **argv);
int	 cmd_receive(int argc, char **argv);
int	 cmd_return(int argc, char **argv);
int	 cmd_settle(int argc, char **argv);
int	 cmd_count(int argc, char **argv);
int	 cmd_lots(int argc, char **argv);

/*
 * cmd-auth.c: who runs a command that writes: user's PIN (and approver's,
 * when not NULL) from the terminal without echo, or from standard input
 * with pin_stdin, checked by core (auth_person) for act. 0 with *out set,
 * else the exit code (2: unknown user or unreadable PIN; 1: refused).
 */
struct actor;
struct ledger;
int	 cmd_auth(struct ledger *, enum role_act act, const char *user,
	    const char *approver, bool pin_stdin, struct actor *out);

/* cmd-catalog.c: labels, and the CSV import and export. */
int	 cmd_labels(int argc, char **argv);
int	 cmd_import(int argc, char **argv);
int	 cmd_export(int argc, char **argv);
/* cmd-shift.c */
int	 cmd_shift(int argc, char **argv);
int	 cmd_month(int argc, char **argv);
int	 cmd_sales(int argc, char **argv);

/* cmd-qris.c */
int	 cmd_qris(int argc, char **argv);

/* cmd-journal.c */
int	 cmd_journal(int argc, char **argv);

/* action.c: every key of the cashier screens, tab-separated. */
int	 cmd_keys(int argc, char **argv);

#endif
