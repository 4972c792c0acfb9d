#!/bin/sh
# SPDX-License-Identifier: ISC
# The key table is the one truth: every action `ntt-pos keys` lists is
# named in docs/cashier.md, every screen has F1 or Esc, and no key means
# two things on one screen.
set -eu
POS=$1
DOC=$2/docs/cashier.md
fail=0
"$POS" keys >"${TMPDIR:-/tmp}/pos-keys.$$"
trap 'rm -f "${TMPDIR:-/tmp}/pos-keys.$$"' EXIT
[ "$(wc -l <"${TMPDIR:-/tmp}/pos-keys.$$")" -gt 40 ] ||
    { echo "pos-keys: FAIL: too few keys"; exit 1; }
for name in $(cut -f3 "${TMPDIR:-/tmp}/pos-keys.$$" | sort -u); do
	if ! grep -qF "\`$name\`" "$DOC"; then
		echo "pos-keys: FAIL: $name not in docs/cashier.md"
		fail=1
	fi
done
dups=$(cut -f1,2 "${TMPDIR:-/tmp}/pos-keys.$$" | sort | uniq -d)
if [ -n "$dups" ]; then
	echo "pos-keys: FAIL: one key, two actions: $dups"
	fail=1
fi
for screen in $(cut -f1 "${TMPDIR:-/tmp}/pos-keys.$$" | sort -u); do
	grep -qE "^$screen	Esc	" "${TMPDIR:-/tmp}/pos-keys.$$" ||
	    { echo "pos-keys: FAIL: no Esc on $screen"; fail=1; }
done
[ $fail -eq 0 ] && echo "pos-keys: ok"
exit $fail
