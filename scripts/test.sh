#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's test command: installs what is missing, starts a Docker engine when none answers
# (and stops it again at the end), builds, runs every Qt Test executable through ctest (unit,
# integration against the real engine and compose CLI, offscreen UI), then the fuzzers for a
# short bounded time.
#   FUZZ_SECONDS=N   seconds per fuzz target (default 20; 0 skips fuzzing)
#   CTEST_ARGS=...   extra ctest arguments, e.g. "-L unit"
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
FUZZ_SECONDS=${FUZZ_SECONDS:-20}

step() { printf '\n==> %s\n' "$*"; }

step "set-up"
bash scripts/setup.sh

step "docker engine"
# An engine this run starts also listens on loopback with TLS, for the TLS tests.
export DEVDOCK_DOCKERD_TLS_PORT=${DEVDOCK_DOCKERD_TLS_PORT:-23760}
engine=$(bash scripts/dockerd.sh ensure)
echo "engine: $engine"
cleanup() {
    if [ "$engine" = started ]; then
        step "stopping the dockerd this run started"
        bash scripts/dockerd.sh stop || true
    fi
}
trap cleanup EXIT
docker compose version

step "build"
cmake --preset dev >/dev/null
cmake --build --preset dev

step "test images"
bash scripts/busybox-image.sh devdock-test/busybox:latest
# The demo's (busybox, PostgreSQL 15, Redis 7) and the data tests' PostgreSQL: one debootstrap,
# cached in ~/.cache/devdock/images after the first run.
bash scripts/prepare-demo
bash scripts/postgres-image.sh devdock-test/postgres:15

step "tests"
export DEVDOCK_REQUIRE_ENGINE=1
export QT_QPA_PLATFORM=offscreen
if [ "$engine" = started ]; then
    export DEVDOCK_TEST_RESTART_DOCKERD="bash $root/scripts/dockerd.sh restart"
    export DEVDOCK_TEST_DOCKERD="bash $root/scripts/dockerd.sh"
    export DEVDOCK_TEST_TLS_HOST="tcp://127.0.0.1:$DEVDOCK_DOCKERD_TLS_PORT"
    export DEVDOCK_TEST_TLS_DIR="${DEVDOCK_STATE_DIR:-/tmp/devdock-dockerd}/tls"
fi
# A private session bus with an unlocked gnome-keyring: the keychain tests use a real secret
# service. The test log goes to a temporary file, so nothing a test prints lands in the repo.
status=0
ctest_log=$(mktemp)
# A throw-away keyring directory: the tests' secrets never mix with a real login keyring.
keyring_home=$(mktemp -d)
export DEVDOCK_REQUIRE_KEYCHAIN=1
# The same for DevDock's settings (recent projects, window state): what earlier runs, or the
# user's own DevDock, remembered does not leak into a test's workspace.
mkdir -p "$keyring_home/config"
XDG_CONFIG_HOME=$keyring_home/config XDG_DATA_HOME=$keyring_home dbus-run-session -- sh -c '
    printf devdock-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    ctest --preset dev --output-on-failure --timeout 900 '"${CTEST_ARGS:-}"'
' 2>&1 | tee "$ctest_log" || status=$?
# "N% tests passed, F tests failed out of T"
ctest_total=$(sed -n 's/.*tests failed out of \([0-9]*\).*/\1/p' "$ctest_log" | tail -n1)
ctest_failed=$(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of.*/\1/p' "$ctest_log" | tail -n1)
rm -f "$ctest_log"
rm -rf "$keyring_home"
passed=$(( ${ctest_total:-0} - ${ctest_failed:-0} ))
failed=${ctest_failed:-0}
[ -n "$ctest_total" ] || { echo "ctest printed no summary"; status=1; }

if [ "$FUZZ_SECONDS" != 0 ]; then
    step "fuzzing (${FUZZ_SECONDS}s per target)"
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz
    corpus=$(mktemp -d)
    cp tests/data/http/*.http "$corpus/"
    for target in fuzz_httpresponseparser fuzz_framedemuxer fuzz_hijackparser; do
        if ! build/fuzz/tests/fuzz/$target -max_total_time="$FUZZ_SECONDS" -print_final_stats=0 \
                "$corpus" >"$corpus/$target.log" 2>&1; then
            tail -n 40 "$corpus/$target.log"
            echo "fuzz: $target FAILED"
            status=1
            failed=$((failed + 1))
        else
            passed=$((passed + 1))
            echo "fuzz: $target passed ($(grep -o 'Done [0-9]* runs' "$corpus/$target.log"))"
        fi
    done
    rm -rf "$corpus"
fi
cleanup
trap - EXIT
echo
echo "total: $passed passed, $failed failed"
exit $status
