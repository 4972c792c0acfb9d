#!/bin/sh
# Installs the Debian packages the build (and, with "test", the tests) need,
# only those missing. Runs apt-get update once, only when something is missing.
set -eu
build="build-essential cmake pkg-config libsqlite3-dev libncurses-dev
 libsodium-dev libqrencode-dev libcurl4-openssl-dev libcjson-dev
 libmicrohttpd-dev libpq-dev zlib1g-dev gettext"
test="tmux zbar-tools openssl postgresql-15 python3 procps curl sqlite3
 haproxy libgnutls28-dev"
want=$build
[ "${1:-}" = test ] && want="$build $test"

missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
	    missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "deps: installing:$missing"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo=sudo
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends $missing
