#!/bin/sh
# SPDX-License-Identifier: ISC
# English through gettext when asked (LANGUAGE=en): the login box, the
# legend, a sale and the help screen in English from pos/po/en.po. Skipped
# when the build had no msgfmt (no catalog).
POS=$1
LOCALEDIR=$2
[ -f "$LOCALEDIR/en/LC_MESSAGES/ntt-pos.mo" ] ||
    { echo "SKIP: no English catalog (msgfmt missing)"; exit 77; }
POS_ENV="LANGUAGE=en NTT_LOCALEDIR=$LOCALEDIR"
. "$(dirname "$0")/pos-lib.sh"

pos_setup
pos_new_server
tmux -u -L "$SOCK" -f /dev/null new-session -d -x 80 -y 24 \
    "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen $POS_ENV $POS --db $DB; \
    echo EXIT=\$?; sleep 120"
pos_wait "Cashier login"
pos_wait "F10Exit"
pos_type ani; pos_keys Enter; pos_type 1234; pos_keys Enter
pos_wait "F10Pay F12Refund EscExit"
pos_scan "2*8997214001027" "TOTAL (1 items)"
pos_keys F1
pos_wait "HELP: EVERY KEY"
pos_wait "Remove the chosen line (logged)"
pos_keys Escape
pos_keys F9
pos_wait "Cancel the whole sale?"
pos_keys Enter
pos_wait "Manager's approval"
pos_type maria; pos_keys Enter; pos_type 9876; pos_keys Enter
pos_wait "Sale cancelled (logged)"
pos_keys Escape
pos_wait "Cashier login"
pos_keys F10
pos_wait "EXIT=0"
pos_verify
pos_journal_is $((POS_BASE + 1)) <<EOT
$((POS_BASE + 1)) event 0 2 ani login
$((POS_BASE + 2)) event 0 4 ani approval
$((POS_BASE + 3)) event 0 4 ani sale.cancel
$((POS_BASE + 4)) event 0 1 ani logout
EOT
echo "pos-english: ok"
