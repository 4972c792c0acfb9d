#!/bin/sh
# SPDX-License-Identifier: ISC
# Who may write, at the shell (core/auth.c, rules/role.c, pos/cmd-auth.c),
# with the real ntt-pos on a demo ledger: a kasir refused what only a
# manager may do and what needs an approval, an approval given with a
# manager's PIN and written in the entry, a wrong PIN written as one
# pin.fail and nothing else, the doubling wait after five and the lock
# after ten shared with the counter (in tmux when there is one), disabled
# users, PINs that cannot be read, and bad arguments. Every refusal is
# checked to leave the chain's head as it was; every write to name the
# person who typed the PIN as its author.
#   ledger-auth.sh NTT-POS NTT-RACE    (KEEP=1 keeps the files)
set -u
pos=$1
race=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ledger-auth.XXXXXX")
sock=ledger-auth$$
pass=0
nfail=0
unset LANGUAGE
cleanup() {
	tmux -L "$sock" kill-server > /dev/null 2>&1
	if [ "$nfail" -eq 0 ] && [ -z "${KEEP:-}" ]; then
		rm -rf "$tmp"
	else
		echo "kept: $tmp"
	fi
}
trap cleanup EXIT
ok() { pass=$((pass + 1)); }
bad() { nfail=$((nfail + 1)); echo "FAIL: $*"; }
die() { bad "$@"; echo "$pass passed, $nfail failed"; exit 1; }

# 02-11-2026 10:00 WITA: the demo's goods and the one sale are that day.
base_ms=1793584800000
at() { NTT_FAKE_NOW_MS=$1; export NTT_FAKE_NOW_MS; }
at $base_ms
A=$tmp/a.db
B=$tmp/b.db
"$pos" init --db "$A" --demo > /dev/null || die "init a"
"$pos" init --db "$B" --demo > /dev/null || die "init b"
SKU=TEN-SBT-HNG-L	# consigned, SUP-001
sale=$("$race" sale "$A" $SKU 1) || die "sale"

# The chain's head (every entry is in it) and the number of entries.
head_of() { "$pos" verify --db "$1" | sed -n 's/.*kepala \([0-9a-f]*\)$/\1/p'; }
count() { "$pos" journal --db "$1" | wc -l; }

# run DB "PIN1 PIN2" CMD ARGS...: ntt-pos CMD --db DB ARGS --pin-stdin with
# the PINs one a line on standard input (none when ""); $rc, $tmp/out,
# $tmp/err; $h0 and $n0 the head and count before.
run() {
	db=$1 pins=$2 cmd=$3
	shift 3
	h0=$(head_of "$db")
	n0=$(count "$db")
	if [ -n "$pins" ]; then printf '%s\n' $pins; fi |
	    "$pos" $cmd --db "$db" "$@" --pin-stdin > "$tmp/out" 2> "$tmp/err"
	rc=$?
}

# refused RC PATTERN WHAT: the last run exited RC, said PATTERN, and the
# chain is as it was.
refused() {
	if [ "$rc" -ne "$1" ]; then
		bad "$3: exit $rc, not $1: $(cat "$tmp/err")"
	elif ! grep -q -- "$2" "$tmp/err"; then
		bad "$3: message lacks \"$2\": $(cat "$tmp/err")"
	elif [ "$(head_of "$db")" != "$h0" ]; then
		bad "$3: the ledger changed: $("$pos" journal --db "$db" \
		    --from $((n0 + 1)) | head -3)"
	else
		ok
	fi
}

# wrote WHAT KIND AUTHOR [APPROVER]: the last run exited 0 and wrote
# exactly one entry, of KIND by AUTHOR, with an approval line naming
# APPROVER or none.
wrote() {
	if [ "$rc" -ne 0 ]; then
		bad "$1: exit $rc: $(cat "$tmp/err")"
		return
	fi
	"$pos" journal --db "$db" --from $((n0 + 1)) --lines > "$tmp/new"
	got=$(grep -v '^ ' "$tmp/new" | awk '{ print $2, $5 }')
	appr=$(awk '$1 == "approval" { print $NF }' "$tmp/new")
	if [ "$got" != "$2 $3" ]; then
		bad "$1: wrote \"$got\", not one \"$2 $3\""
	elif [ "$appr" != "${4:-}" ]; then
		bad "$1: approval \"$appr\", not \"${4:-}\""
	else
		ok
	fi
}

# one_fail WHAT USER FAILED: the last run wrote one pin.fail of USER, its
# FAILED-th in a row, and nothing else.
one_fail() {
	"$pos" journal --db "$db" --from $((n0 + 1)) --lines > "$tmp/new"
	got=$(grep -v '^ ' "$tmp/new" | awk '{ print $2, $5, $6 }')
	n=$(awk '$1 == "field" && $2 == "failed" { print $NF }' "$tmp/new")
	if [ "$got" != "event $2 pin.fail" ] || [ "$n" != "$3" ]; then
		bad "$1: wrote \"$got\" ($n), not one \"event $2 pin.fail\" ($3)"
	else
		ok
	fi
}

CLOSE="report --close"
SETTLE="settle --supplier SUP-001 --from 2026-11-02 --to 2026-11-02 --ref TRF-1"
RECEIVE="receive --sku $SKU --qty 1"
RETURN="return --sku $SKU --qty 1"
REPRINT="reprint --seq $sale"

# A kasir with the right PIN: what only a manager may do, and what needs
# an approval, refused before anything is written, not even a login.
for c in "$CLOSE" "$SETTLE" "$RETURN"; do
	run "$A" 1234 $c --user ani
	refused 1 "hanya manajer" "ani: $c"
done
for c in "$RECEIVE" "$REPRINT"; do
	run "$A" 1234 $c --user ani
	refused 1 "perlu persetujuan" "ani: $c"
done
# An approval does not make the manager's work the kasir's.
run "$A" "1234 9876" $CLOSE --user ani --approver maria
refused 1 "hanya manajer" "ani close approved by maria"

# Users that are not there, or not a code: a bad argument, no PIN event.
long=$(printf '%0200d' 0 | tr 0 a)
for c in "$CLOSE" "$SETTLE" "$RECEIVE" "$RETURN" "$REPRINT"; do
	run "$A" 1234 $c --user nobody
	refused 2 "nobody tidak terdaftar" "nobody: $c"
	run "$A" 1234 $c --user ""
	refused 2 "kode pengguna tidak sah" "empty user: $c"
	run "$A" 1234 $c --user 'x;rm'
	refused 2 '"x;rm": kode pengguna tidak sah' "x;rm: $c"
	run "$A" 1234 $c --user "$long"
	refused 2 "kode pengguna tidak sah" "long user: $c"
	# At most 40 bytes of it are shown.
	if [ "$(wc -l < "$tmp/err")" -eq 1 ] &&
	    [ "$(wc -c < "$tmp/err")" -le 100 ] &&
	    ! grep -q "a\{41\}" "$tmp/err"; then
		ok
	else
		bad "long user echoed: $(cat "$tmp/err")"
	fi
	run "$A" "1234 9876" $c --user ani --approver "$long"
	refused 2 "kode manajer tidak sah" "long approver: $c"
done

# A wrong PIN: refused, and exactly one pin.fail by that person.
run "$A" 1111 $RECEIVE --user maria
[ "$rc" -eq 1 ] && grep -q "PIN salah" "$tmp/err" && ok ||
    bad "maria wrong PIN: exit $rc: $(cat "$tmp/err")"
one_fail "maria wrong PIN" maria 1
run "$A" 1111 $CLOSE --user ani
one_fail "ani wrong PIN on close" ani 1
# The right PIN then writes, and the write clears the wrong ones.
run "$A" 9876 $RECEIVE --user maria
wrote "maria receive" consign.in maria
run "$A" 1111 $RECEIVE --user maria
one_fail "maria wrong PIN after a write" maria 1

# Approvals: a manager's code and PIN on the spot, written in the entry.
run "$A" "1234 9876" $RECEIVE --user ani --approver maria
wrote "ani receive approved by maria" consign.in ani maria
grep -q "^  approval terima .* maria$" "$tmp/new" && ok ||
    bad "approval line: $(cat "$tmp/new")"
run "$A" "1234 9876" $REPRINT --user ani --approver maria
wrote "ani reprint approved by maria" event ani maria
run "$A" "1234 2345" $RECEIVE --user ani --approver yosef
refused 1 "yosef bukan manajer" "approved by a kasir"
run "$A" "1234 1234" $RECEIVE --user ani --approver ani
refused 1 "manajer lain" "approved by herself"
run "$A" "1234 9876" $RECEIVE --user ani --approver nobody
refused 2 "nobody tidak terdaftar" "approved by nobody"
run "$A" "1234 1111" $RECEIVE --user ani --approver maria
[ "$rc" -eq 1 ] && grep -q "PIN salah" "$tmp/err" && ok ||
    bad "approver's wrong PIN: exit $rc: $(cat "$tmp/err")"
one_fail "approver's wrong PIN" maria 1
run "$A" "1111 9876" $RECEIVE --user ani --approver maria
one_fail "kasir's wrong PIN with an approver" ani 1

# PINs that cannot be read.
run "$A" "" $CLOSE --user maria
refused 2 "PIN tidak terbaca" "no PIN on stdin"
run "$A" 1234 $RECEIVE --user ani --approver maria
refused 2 "PIN tidak terbaca" "no approver PIN on stdin"
if command -v setsid > /dev/null 2>&1; then
	db=$A h0=$(head_of "$A") n0=$(count "$A")
	setsid -w "$pos" report --close --db "$A" --user maria \
	    < /dev/null > "$tmp/out" 2> "$tmp/err"
	rc=$?
	refused 2 "pakai --pin-stdin" "no terminal"
else
	echo "SKIP: no setsid, the no-terminal case is not checked"
fi

# Bad arguments, each by a manager with the right PIN: exit 2, nothing.
for c in \
    "report --close --day 2026-02-30" \
    "report --close --day 0000-01-01" \
    "report --close --day 26-11-29" \
    "report --close --day 2026-11-02x" \
    "receive --sku $SKU --qty 0" \
    "receive --sku $SKU --qty -5" \
    "receive --sku $SKU --qty 1e3" \
    "receive --sku $SKU --qty 99999999999999999999" \
    "receive --sku $SKU --qty 100000001" \
    "return --sku $SKU --qty 0" \
    "return --sku $SKU --qty 1e3" \
    "reprint --seq abc" \
    "reprint --seq 0" \
    "settle --supplier SUP-001 --from 2026-11-02 --to 2026-11-01 --ref T" \
    "settle --supplier SUP-001 --from 2026-11-02 --to 2026-11-03 --ref T" \
    "settle --supplier SUP-001 --from 2026-11-01 --to 2099-12-31 --ref T" \
    "settle --supplier SUP;1 --from 2026-11-02 --to 2026-11-02 --ref T" \
    "receive --sku $SKU --qty 1 --frobnicate" \
    "receive --sku $SKU --qty 1 extra" \
    "receive --sku $SKU" \
    "reprint"; do
	run "$A" 9876 $c --user maria
	refused 2 . "maria: $c"
done
run "$A" 9876 receive --sku 'KOP BJW' --qty 1 --user maria
refused 2 "SKU tidak sah" "sku with a space"
for r in "" "$(printf 'TRF\t1')" "$(printf '%065d' 0)" \
    "$(printf 'TRF\033[2J1')"; do
	run "$A" 9876 settle --supplier SUP-001 --from 2026-11-02 \
	    --to 2026-11-02 --ref "$r" --user maria
	refused 2 "bukti 1-64" "ref \"$r\""
done
# The escape is shown as '?', never sent to the terminal.
grep -q '"TRF?\[2J1"' "$tmp/err" && ! grep -q "$(printf '\033')" \
    "$tmp/err" && ok || bad "a control character echoed: $(cat "$tmp/err")"

# What a manager writes is hers; then the day is closed and paid.
run "$A" 9876 $RETURN --user maria
wrote "maria return" consign.return maria
run "$A" 9876 $REPRINT --user maria
wrote "maria reprint" event maria
run "$A" "9876 1234" $RECEIVE --user maria --approver ani
wrote "maria receive, a needless approver" consign.in maria
run "$A" 0000 $CLOSE --user admin
wrote "admin close" day.close admin
run "$A" 9876 $SETTLE --user maria
wrote "maria settle" consign.settle maria
run "$A" 9876 $SETTLE --user maria
refused 1 "sudah (sebagian) dibayar" "settled twice"

# Disabled users: refused with the right PIN or a wrong one, no pin event.
"$race" user-off "$A" yosef || die "disable yosef"
run "$A" "2345 9876" $REPRINT --user yosef --approver maria
refused 1 "yosef tidak aktif" "disabled yosef"
run "$A" 1111 $REPRINT --user yosef
refused 1 "yosef tidak aktif" "disabled yosef, wrong PIN"
"$race" user-off "$A" admin || die "disable admin"
run "$A" "1234 0000" $RECEIVE --user ani --approver admin
refused 1 "admin tidak aktif" "approved by a disabled admin"

# The lockout, on a fresh ledger, shared with the counter: wrong PINs at
# the counter count toward the shell's, and a lock at the shell locks the
# counter. Time steps forward with NTT_FAKE_NOW_MS instead of sleeping.
now=$base_ms
counter=0
if command -v tmux > /dev/null 2>&1; then
	tmux -u -L "$sock" -f /dev/null new-session -d -x 80 -y 24 \
	    "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen \
	    NTT_FAKE_NOW_MS=$now $pos --db $B; sleep 60"
	i=0
	while [ $i -lt 50 ] && ! tmux -L "$sock" capture-pane -p |
	    grep -q "Masuk kasir"; do
		sleep 0.1; i=$((i + 1))
	done
	tmux -L "$sock" send-keys -l maria
	tmux -L "$sock" send-keys Enter
	for i in 1 2 3 4; do
		tmux -L "$sock" send-keys -l 1111
		tmux -L "$sock" send-keys Enter
		# One pin.fail each, before the next.
		j=0
		while [ $j -lt 50 ] && [ "$("$pos" journal --db "$B" |
		    grep -c "maria pin.fail")" -lt $i ]; do
			sleep 0.1; j=$((j + 1))
		done
	done
	counter=4
	[ "$("$pos" journal --db "$B" | grep -c "maria pin.fail")" -eq 4 ] &&
	    ok || bad "4 wrong PINs at the counter"
else
	echo "SKIP: no tmux: no counter sharing the lockout, no PIN typed" \
	    "at a terminal"
fi
for i in $(seq $((counter + 1)) 4); do
	run "$B" 1111 $CLOSE --user maria
	one_fail "wrong PIN $i" maria $i
done
run "$B" 1111 $CLOSE --user maria
one_fail "wrong PIN 5" maria 5
grep -q "PIN salah (5x): tunggu 2 detik" "$tmp/err" && ok ||
    bad "5th: $(cat "$tmp/err")"
# The sixth try waits, even with the right PIN.
run "$B" 9876 $CLOSE --user maria
refused 1 "tunggu 2 detik" "right PIN during the wait"
at $((now + 1999))
run "$B" 9876 $CLOSE --user maria
refused 1 "tunggu 1 detik" "right PIN at the end of the wait"
# Each wrong PIN after the fifth doubles the wait: 2, 4, 8, 16, 32 s.
wait_s=2
for i in 6 7 8 9; do
	now=$((now + wait_s * 1000))
	wait_s=$((wait_s * 2))
	at $now
	run "$B" 1111 $CLOSE --user maria
	one_fail "wrong PIN $i" maria $i
	grep -q "($i""x): tunggu $wait_s detik" "$tmp/err" && ok ||
	    bad "wrong PIN $i: $(cat "$tmp/err")"
	at $((now + wait_s * 1000 - 1000))
	run "$B" 9876 $CLOSE --user maria
	refused 1 "tunggu 1 detik" "right PIN 1 s before the wait ends ($i)"
done
now=$((now + wait_s * 1000))
at $now
run "$B" 1111 $CLOSE --user maria
[ "$rc" -eq 1 ] && grep -q "terkunci" "$tmp/err" && ok ||
    bad "10th: exit $rc: $(cat "$tmp/err")"
"$pos" journal --db "$B" --from $((n0 + 1)) > "$tmp/new"
grep -q "^[0-9]* event 0 2 maria pin.locked$" "$tmp/new" &&
    [ "$(wc -l < "$tmp/new")" -eq 1 ] && ok || bad "10th: $(cat "$tmp/new")"
# Locked: the right PIN refused a day later too, and nothing written.
at $((now + 86400000))
run "$B" 9876 $CLOSE --user maria
refused 1 "terkunci" "right PIN when locked"
run "$B" "1234 9876" $RECEIVE --user ani --approver maria
refused 1 "maria terkunci" "a locked approver"
[ "$("$pos" journal --db "$B" | grep -c " maria pin\.")" -eq 10 ] && ok ||
    bad "pin events: $("$pos" journal --db "$B" | grep -c " maria pin\.")"
if [ $counter -gt 0 ]; then
	tmux -L "$sock" send-keys -l 9876
	tmux -L "$sock" send-keys Enter
	i=0
	while [ $i -lt 50 ] && ! tmux -L "$sock" capture-pane -p |
	    grep -q "terkunci"; do
		sleep 0.1; i=$((i + 1))
	done
	tmux -L "$sock" capture-pane -p | grep -q "terkunci" && ok ||
	    bad "the counter let a locked maria in"
fi
# Someone else is not locked.
run "$B" 0000 $RECEIVE --user admin
wrote "admin after maria's lock" consign.in admin

# At a terminal the PINs are asked for by name and not shown.
if [ $counter -gt 0 ]; then
	db=$A n0=$(count "$A")
	tmux -L "$sock" new-window "env NTT_FAKE_NOW_MS=$NTT_FAKE_NOW_MS \
	    $pos $RECEIVE --db $A --user ani --approver maria; \
	    echo EXIT=\$?; sleep 60"
	for who in "ani 1234" "maria 9876"; do
		i=0
		while [ $i -lt 50 ] && ! tmux -L "$sock" capture-pane -p |
		    grep -q "PIN ${who% *}: *$"; do
			sleep 0.1; i=$((i + 1))
		done
		tmux -L "$sock" send-keys -l "${who#* }"
		tmux -L "$sock" send-keys Enter
	done
	i=0
	while [ $i -lt 50 ] && ! tmux -L "$sock" capture-pane -p |
	    grep -q "EXIT="; do
		sleep 0.1; i=$((i + 1))
	done
	tmux -L "$sock" capture-pane -p > "$tmp/screen"
	grep -q "EXIT=0" "$tmp/screen" && grep -q "PIN ani:" "$tmp/screen" &&
	    grep -q "PIN maria:" "$tmp/screen" && ok ||
	    bad "PINs at a terminal: $(cat "$tmp/screen")"
	grep -q "1234\|9876" "$tmp/screen" && bad "a PIN was shown" || ok
	rc=0
	wrote "ani receive at a terminal" consign.in ani maria
fi

"$pos" verify --db "$A" > /dev/null && "$pos" verify --db "$B" > /dev/null &&
    ok || bad "verify"
echo "$pass passed, $nfail failed"
[ "$nfail" -eq 0 ]
