#!/bin/sh
# SPDX-License-Identifier: ISC
# Every ntt-pos command answers --help with its usage on standard output,
# once, and exit 0; a bad argument shows the usage once on standard error
# and exits 2; `ntt-pos --help` lists every command.
set -eu
POS=$1
T=$(mktemp -d "${TMPDIR:-/tmp}/pos-help-XXXXXX")
trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "pos-help: FAIL: $*"; fail=1; }

"$POS" --help >"$T/out" 2>"$T/err" || bad "ntt-pos --help exit"
[ -s "$T/err" ] && bad "ntt-pos --help wrote to stderr"
cmds=$(awk 'NR > 1 && $1 == "ntt-pos" { print $2 }' "$T/out")
[ "$(echo "$cmds" | wc -w)" -ge 15 ] || bad "too few commands: $cmds"
for c in $cmds; do
	for h in --help -h; do
		if ! "$POS" "$c" $h >"$T/out" 2>"$T/err"; then
			bad "$c $h: exit status"
		fi
		[ -s "$T/err" ] && bad "$c $h: wrote to stderr"
		[ "$(grep -c "usage: ntt-pos $c" "$T/out")" -eq 1 ] ||
		    bad "$c $h: usage not printed exactly once"
	done
	# --help after other arguments too.
	"$POS" "$c" --db "$T/none.db" --help >"$T/out" 2>&1 ||
	    bad "$c --db X --help: exit status"
	[ -e "$T/none.db" ] && bad "$c --help created a ledger"
	# A bad option: the usage once, on stderr, exit 2 (qris: 1).
	set +e
	"$POS" "$c" --no-such-option >"$T/out" 2>"$T/err"
	rc=$?
	set -e
	case $c in
	keys|qris) [ $rc -ne 0 ] || bad "$c bad option: exit 0" ;;
	*) [ $rc -eq 2 ] || bad "$c bad option: exit $rc, want 2" ;;
	esac
	[ -s "$T/out" ] && bad "$c bad option: wrote to stdout"
	[ "$(grep -c "usage:" "$T/err")" -le 1 ] ||
	    bad "$c bad option: usage printed more than once"
done
# A missing required option: usage once.
for c in receipt-code consign print summary report; do
	set +e
	"$POS" "$c" --pubkey 00 >"$T/out" 2>"$T/err"
	rc=$?
	set -e
	[ $rc -eq 2 ] || bad "$c without --db: exit $rc"
	[ "$(grep -c "usage:" "$T/err")" -eq 1 ] ||
	    bad "$c without --db: usage not once"
done
[ $fail -eq 0 ] && echo "pos-help: ok"
exit $fail
