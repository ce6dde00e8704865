#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The workspace at rest and at start (issue "The workspace"), figures side by side, never pass or
# fail on timing:
#  - start to first painted graph: `devdock --screenshot` on the running ten-service demo beside
#    a bare Qt window painted and saved the same way (RUNS times each, medians);
#  - project switch to painted: two open projects (the running demo and a one-service stack),
#    switched with Ctrl+2 / Ctrl+1 SWITCHES times (bench_switch), median and max;
#  - idle: devdock on the demo with two more Compose projects running on the engine (three in its
#    workspace) for IDLE_SECONDS: CPU (utime+stime from /proc) as % of one core and RSS, beside
#    `docker events` holding its one stream for the same time; and how many /events requests
#    devdock made, counted by a logging proxy in front of the engine's socket.
#   DEVDOCK=path  RUNS=5  IDLE_SECONDS=60  SWITCHES=30
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
DEVDOCK=${DEVDOCK:-$root/build/dev/app/devdock}
BARE=${BARE:-$root/build/dev/tests/bench_barewindow}
SWITCH=${SWITCH:-$root/build/dev/tests/bench_switch}
RUNS=${RUNS:-5}
IDLE_SECONDS=${IDLE_SECONDS:-60}
for tool in "$DEVDOCK" "$BARE" "$SWITCH"; do
    [ -x "$tool" ] || { echo "bench: build it first ($tool)" >&2; exit 1; }
done
command -v socat >/dev/null || { echo "bench: socat is needed (scripts/setup.sh)" >&2; exit 1; }
bash "$root/scripts/prepare-demo" >/dev/null

work=$(mktemp -d)
demo="$work/devdock-bench-ws"
cp -r "$root/examples/demo/." "$demo/"
sed -i 's/^name: .*/name: devdock-bench-ws/' "$demo/compose.yaml" # not the demo's own name
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export DEMO_HTTP_PORT=$(free_port) DEMO_TEMPORAL_UI_PORT=$(free_port) DEMO_FLAKY_PERIOD=3600
others=(devdock-bench-ws-b devdock-bench-ws-c)
cleanup() {
    [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "${proxy_pid:-}" ] && kill "$proxy_pid" 2>/dev/null || true
    (cd "$demo" && docker compose down --volumes >/dev/null 2>&1) || true
    for p in "${others[@]}"; do
        (cd "$work/$p" && docker compose down >/dev/null 2>&1) || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
(cd "$demo" && docker compose up -d --wait >/dev/null 2>&1)
for p in "${others[@]}"; do
    mkdir -p "$work/$p"
    printf 'services:\n  app:\n    image: devdock-test/busybox:latest\n    command: ["sleep", "86400"]\n    labels: {devdock.test: "1"}\n' >"$work/$p/compose.yaml"
    (cd "$work/$p" && docker compose up -d >/dev/null 2>&1)
done
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" QT_QPA_PLATFORM=offscreen

# Start to first painted graph.
dd=() bare=()
for _ in $(seq "$RUNS"); do
    dd+=("$(time_ms "$DEVDOCK" --project-directory "$demo" --screenshot "$work/shot.png")")
    bare+=("$(time_ms "$BARE" "$work/bare.png")")
done
dd_med=$(printf '%s\n' "${dd[@]}" | median)
bare_med=$(printf '%s\n' "${bare[@]}" | median)
[ -s "$work/shot.png" ] || { echo "bench: devdock saved no screenshot" >&2; exit 1; }
printf 'start to painted (median of %d): devdock %s ms · bare Qt window %s ms · ratio %s (target <= 2)\n' \
    "$RUNS" "$dd_med" "$bare_med" "$(awk -v a="$dd_med" -v b="$bare_med" 'BEGIN { printf "%.2f", a / b }')"

# Project switch to painted (the program prints its own line).
SWITCHES=${SWITCHES:-30} "$SWITCH" "$demo" "$work/${others[0]}" 2>"$work/switch.log" ||
    { cat "$work/switch.log" >&2; exit 1; }

# Idle, through a proxy that logs every request line.
proxy="$work/engine.sock"
socat -v UNIX-LISTEN:"$proxy",fork UNIX-CONNECT:/var/run/docker.sock 2>"$work/proxy.log" &
proxy_pid=$!
for _ in $(seq 50); do [ -S "$proxy" ] && break; sleep 0.1; done
DOCKER_HOST="unix://$proxy" "$DEVDOCK" --project-directory "$demo" >"$work/app.log" 2>&1 &
app_pid=$!
sleep 15 # loaded, listed, logs fetched, layout done
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
events_before=$(grep -c 'GET /v[0-9.]*/events' "$work/proxy.log" || true)
t0=$(ticks "$app_pid")
docker events >/dev/null 2>&1 &
cli_pid=$!
sleep 1
c0=$(ticks "$cli_pid" 2>/dev/null || echo 0)
sleep $((IDLE_SECONDS - 2))
c1=$(ticks "$cli_pid" 2>/dev/null || echo "$c0")
t1=$(ticks "$app_pid")
rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$app_pid/status")
cli_rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$cli_pid/status" 2>/dev/null || echo "?")
kill "$cli_pid" 2>/dev/null || true
wait "$cli_pid" 2>/dev/null || true
events_total=$(grep -c 'GET /v[0-9.]*/events' "$work/proxy.log" || true)
requests_idle=$(($(grep -c '^> ' "$work/proxy.log" || true)))
pct() { awk -v d="$1" -v hz="$hz" -v s="$2" 'BEGIN { printf "%.2f", d * 100 / (hz * s) }'; }
printf 'idle %d s, 3 projects (demo running, 10 services): devdock CPU %s %% of a core, RSS %s MB · docker events CLI CPU %s %%, RSS %s MB (targets: < 0.3 %%, < 120 MB)\n' \
    "$IDLE_SECONDS" "$(pct $((t1 - t0)) "$IDLE_SECONDS")" "$rss" \
    "$(pct $((c1 - c0)) $((IDLE_SECONDS - 2)))" "$cli_rss"
printf '/events requests by devdock: %s (%s of them before the idle minute; one engine, target 1)\n' \
    "$events_total" "$events_before"
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=
echo "(proxy saw $requests_idle request chunks in all)"
