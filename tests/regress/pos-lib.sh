# SPDX-License-Identifier: ISC
# Shared by tests/regress/pos-*.sh: drive the real ntt-pos in a real
# terminal (tmux send-keys / capture-pane), on its own demo ledger, tmux
# socket and temporary directory, all removed on exit. Sourced with
# POS set to the ntt-pos binary.
#
#	pos_setup			new demo ledger in $DIR/ledger.db, with
#					shifts open for ani, yosef and maria
#					(not with POS_NO_SHIFTS set)
#	pos_start [COLS ROWS]		start the cashier in tmux
#	pos_keys KEY...			tmux send-keys (F1, Enter, Escape ...)
#	pos_type TEXT			type literal text
#	pos_wait TEXT [SECONDS]		until the screen shows TEXT (fixed string)
#	pos_gone TEXT			the screen does not show TEXT
#	pos_screen			the screen now, on stdout
#	pos_pay_exact			pay in exact cash; NUM = its receipt number
#	pos_refund_open NUM		F12: a refund of receipt NUM on screen
#	pos_journal_is FROM <<EOF	`ntt-pos journal --from FROM` is exactly EOF
#	pos_verify			`ntt-pos verify` passes
set -eu

: "${POS:?POS must name the ntt-pos binary}"
command -v tmux >/dev/null 2>&1 || { echo "SKIP: tmux not installed"; exit 77; }

DIR=$(mktemp -d "${TMPDIR:-/tmp}/pos-XXXXXX")
DB=$DIR/ledger.db
SOCK=pos$$
POS_NSTART=0
POS_SOCKS=""
POS_FAILS=0
POS_NAME=$(basename "$0" .sh)

pos_cleanup() {
	for s in $POS_SOCKS; do
		tmux -L "$s" kill-server >/dev/null 2>&1 || true
	done
	if [ "$POS_FAILS" -eq 0 ] && [ -z "${NTT_KEEP:-}" ]; then
		rm -rf "$DIR"
	else
		echo "$POS_NAME: files kept in $DIR"
	fi
}
trap pos_cleanup EXIT

pos_fail() {
	echo "$POS_NAME: FAIL: $*" >&2
	echo "--- screen ---" >&2
	tmux -L "$SOCK" capture-pane -p >&2 2>/dev/null || true
	echo "--------------" >&2
	POS_FAILS=$((POS_FAILS + 1))
	exit 1
}

pos_setup() {
	"$POS" init --db "$DB" --demo >/dev/null 2>"$DIR/init.err" ||
	    { cat "$DIR/init.err" >&2; pos_fail "init"; }
	# Money is written only in an open shift (docs/ledger.md §Shifts):
	# the people who sell in these scenarios open theirs, Rp0 modal.
	[ -n "${POS_NO_SHIFTS:-}" ] || for who in ani:1234 yosef:2345 \
	    maria:9876; do
		echo "${who#*:}" | "$POS" shift --db "$DB" --user "${who%%:*}" \
		    --pin-stdin --open --cash 0 >/dev/null 2>"$DIR/init.err" ||
		    { cat "$DIR/init.err" >&2; pos_fail "shift ${who%%:*}"; }
	done
	# Every entry the demo wrote; scenarios check what comes after.
	POS_BASE=$("$POS" journal --db "$DB" | wc -l)
}

# A shift opened or closed at a shell (docs/cashier.md §Shifts): who,
# their PIN, the cash counted.
pos_shift() {
	echo "$3" | "$POS" shift --db "$DB" --user "$2" --pin-stdin "--$1" \
	    --cash "$4" >"$DIR/shift.out" 2>&1 ||
	    { cat "$DIR/shift.out" >&2; pos_fail "shift --$1 $2"; }
}

# Each start gets a tmux server of its own: a killed one may linger.
pos_new_server() {
	tmux -L "$SOCK" kill-server >/dev/null 2>&1 || true
	POS_NSTART=$((POS_NSTART + 1))
	SOCK=pos$$-$POS_NSTART
	POS_SOCKS="$POS_SOCKS $SOCK"
}

pos_start() {
	pos_new_server
	tmux -u -L "$SOCK" -f /dev/null new-session -d -x "${1:-80}" \
	    -y "${2:-24}" "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen \
	    ${POS_ENV:-} $POS --db $DB; echo EXIT=\$?; sleep 120"
	pos_wait "Masuk kasir"
}

pos_screen() {
	tmux -L "$SOCK" capture-pane -p
}

pos_keys() {
	tmux -L "$SOCK" send-keys "$@"
}

pos_type() {
	tmux -L "$SOCK" send-keys -l "$1"
}

pos_wait() {
	i=0
	n=$(( ${2:-10} * 10 ))
	while [ $i -lt $n ]; do
		if tmux -L "$SOCK" capture-pane -p | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	pos_fail "screen never showed: $1"
}

pos_gone() {
	sleep 0.3
	if tmux -L "$SOCK" capture-pane -p | grep -qF -- "$1"; then
		pos_fail "screen still shows: $1"
	fi
}

# A person without a shift sees its form first: Esc leaves it for later
# (nothing written; docs/cashier.md §Shifts), or with a third argument
# "open", F10 opens it with no cash.
pos_login() {
	pos_type "$1"
	pos_keys Enter
	pos_type "$2"
	pos_keys Enter
	i=0
	while [ $i -lt 100 ]; do
		s=$(tmux -L "$SOCK" capture-pane -p)
		case $s in
		*"Buka shift: hitung modal"*)
			if [ "${3:-}" = open ]; then
				pos_keys F10
				pos_wait "Shift dibuka"
			else
				pos_keys Escape
			fi
			break ;;
		*"Kode:"*) break ;;
		esac
		sleep 0.1
		i=$((i + 1))
	done
	pos_wait "Kode:"
}

# Waits for a key's effect by a line that must appear.
pos_scan() {
	pos_type "$1"
	pos_keys Enter
	pos_wait "$2"
}

pos_pay_exact() {
	pos_keys F10
	pos_keys Enter
	pos_wait "Lunas, tersimpan"
	NUM=$(pos_screen | sed -n 's/.*nota \(KPG01-K1-[0-9]*\).*/\1/p' |
	    head -1)
	[ -n "$NUM" ] || pos_fail "receipt number"
}

pos_refund_open() {
	pos_keys F12
	pos_wait "Retur: nomor nota"
	pos_type "$1"
	pos_keys Enter
	pos_wait "RETUR nota $1"
}

pos_journal_is() {
	"$POS" journal --db "$DB" --from "$1" >"$DIR/journal.got" ||
	    pos_fail "journal"
	cat >"$DIR/journal.want"
	if ! cmp -s "$DIR/journal.want" "$DIR/journal.got"; then
		diff -u "$DIR/journal.want" "$DIR/journal.got" >&2 || true
		pos_fail "journal from $1 differs"
	fi
}

pos_verify() {
	"$POS" verify --db "$DB" >"$DIR/verify.out" 2>&1 ||
	    { cat "$DIR/verify.out" >&2; pos_fail "verify"; }
}

# Leaves the program the way a cashier does: logout, then F10 at login.
pos_quit() {
	pos_keys Escape
	pos_wait "Masuk kasir"
	pos_keys F10
	pos_wait "EXIT=0"
}

# Starts the cashier as the pane's own process (no shell around it), so
# $(pos_pid) is ntt-pos itself: for kill -9.
pos_start_exec() {
	pos_new_server
	tmux -u -L "$SOCK" -f /dev/null new-session -d -x "${1:-80}" \
	    -y "${2:-24}" "exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen \
	    ${POS_ENV:-} $POS --db $DB"
	tmux -L "$SOCK" set-option -t 0 remain-on-exit on >/dev/null
	pos_wait "Masuk kasir"
}

pos_pid() {
	tmux -L "$SOCK" list-panes -F '#{pane_pid}' | head -1
}

# 12 digits -> the EAN-13 with its check digit.
pos_ean13() {
	echo "$1" | awk '{ s = 0; for (i = 1; i <= 12; i++)
	    s += substr($0, i, 1) * (i % 2 ? 1 : 3);
	    printf "%s%d\n", $0, (10 - s % 10) % 10 }'
}

# The QR on screen, decoded by zbarimg from an image of the terminal:
# MODE "quad" (2x2 modules a character) or "half" (1x2), ROWS the rows it
# may use. The terminal around the QR's own light area is taken as dark,
# except the light status line below it. Exits 77 without the tools.
pos_qr_decode() {
	command -v zbarimg >/dev/null 2>&1 &&
	    command -v python3 >/dev/null 2>&1 ||
	    { echo "SKIP: zbarimg or python3 missing" >&2; exit 77; }
	pos_screen >"$DIR/qr.txt"
	python3 - "$DIR/qr.txt" "$1" "$2" "$DIR/qr.pbm" <<'PY'
import sys
QUAD = " ▗▖▄▝▐▞▟▘▚▌▙▀▜▛█"
HALF = {" ": (0, 0), "▄": (0, 1), "▀": (1, 0), "█": (1, 1)}
rows = open(sys.argv[1], encoding="utf-8").read().split("\n")
quad = sys.argv[2] == "quad"
rows = rows[:int(sys.argv[3])]
width = max(len(r) for r in rows)
rows = [r.ljust(width) for r in rows]
# The panel on the right starts 3 columns after the QR's own area.
end, seen, blank = width, False, 0
for c in range(width):
    if all(r[c] == " " for r in rows):
        blank += 1
    else:
        if seen and blank >= 3:
            end = c - 3
            break
        seen, blank = True, 0
mods = []
for r in rows:
    top, bot = [], []
    for ch in r[:end]:
        if quad:
            v = QUAD.index(ch) if ch in QUAD else 0
            top += [(v >> 3) & 1, (v >> 2) & 1]
            bot += [(v >> 1) & 1, v & 1]
        else:
            t, b = HALF.get(ch, (0, 0))
            top.append(t)
            bot.append(b)
    mods += [top, bot]
B, S = 8, 4
w = len(mods[0]) + 2 * B
img = [[1] * w for _ in range(B)]
img += [[1] * B + m + [1] * B for m in mods]
img += [[0] * w for _ in range(4)]
# A terminal cell is about twice as tall as wide.
sx, sy = (S, 2 * S) if quad else (S, S)
out = ["P1", "%d %d" % (w * sx, len(img) * sy)]
for row in img:
    out += [" ".join(str(v) for v in row for _ in range(sx))] * sy
open(sys.argv[4], "w").write("\n".join(out) + "\n")
PY
	zbarimg -q --raw "$DIR/qr.pbm" 2>/dev/null
}
