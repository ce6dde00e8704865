#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# State latency: a container of the demo stack is killed through the engine API (a raw socket
# call, the fastest `docker kill` there is) KILLS times; each time, how long until
# `devdockctl watch --json` prints the service's "exited" line. Printed beside the time one
# `docker compose ps` takes and one raw container listing over the socket. Never passes or fails
# on timing.   DEVDOCKCTL=path  KILLS=20
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
DEVDOCKCTL=${DEVDOCKCTL:-$root/build/dev/app/devdockctl}
KILLS=${KILLS:-20}
SOCKET=/var/run/docker.sock
project=devdock-bench-state

[ -x "$DEVDOCKCTL" ] || { echo "bench: build devdockctl first ($DEVDOCKCTL)" >&2; exit 1; }
bash "$root/scripts/prepare-demo" >/dev/null
api=$(docker version --format '{{.Server.APIVersion}}')
work=$(mktemp -d)
cp -r "$root/examples/demo/." "$work/"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export DEMO_HTTP_PORT=$(free_port) DEMO_TEMPORAL_UI_PORT=$(free_port) DEMO_FLAKY_PERIOD=3600
ctl() { (cd "$work" && "$DEVDOCKCTL" -p "$project" "$@"); }
cleanup() {
    [ -n "${watch_pid:-}" ] && kill "$watch_pid" 2>/dev/null || true
    [ -n "${events_pid:-}" ] && kill "$events_pid" 2>/dev/null || true
    ctl down --volumes >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
ctl up --wait >/dev/null 2>&1
container="$project-temporal-admin-tools-1"
id=$(docker inspect --format '{{.Id}}' "$container")

# The floor: the engine's own `die` event, read raw from the socket.
events="$work/events.jsonl"
curl -sN --unix-socket "$SOCKET" "http://docker/v$api/events?filters=%7B%22type%22%3A%5B%22container%22%5D%2C%22event%22%3A%5B%22die%22%5D%7D" >"$events" &
events_pid=$!
out="$work/watch.jsonl"
ctl watch --json >"$out" 2>/dev/null &
watch_pid=$!
for _ in $(seq 1 200); do [ "$(wc -l <"$out")" -ge 10 ] && break; sleep 0.05; done

ms_of() { date -d "$1" +%s%3N; }
lines_of_state() { grep -c "\"service\":\"temporal-admin-tools\",\"state\":\"$1\"" "$out" || true; }
latencies=(); floors=()
for i in $(seq 1 "$KILLS"); do
    before=$(lines_of_state exited)
    t0=$(date +%s%3N)
    curl -s --unix-socket "$SOCKET" -X POST "http://docker/v$api/containers/$id/kill" >/dev/null
    for _ in $(seq 1 400); do [ "$(lines_of_state exited)" -gt "$before" ] && break; sleep 0.005; done
    line=$(grep "\"service\":\"temporal-admin-tools\",\"state\":\"exited\"" "$out" | tail -1)
    t=$(echo "$line" | sed 's/.*"time":"\([^"]*\)".*/\1/')
    latencies+=($(( $(ms_of "$t") - t0 )))
    nano=$(grep -o "\"id\":\"$id\"[^}]*" "$events" | tail -1 | grep -o '"timeNano":[0-9]*' | cut -d: -f2 || true)
    [ -z "$nano" ] && nano=$(tail -1 "$events" | grep -o '"timeNano":[0-9]*' | cut -d: -f2)
    floors+=($(( nano / 1000000 - t0 )))
    running=$(lines_of_state running)
    curl -s --unix-socket "$SOCKET" -X POST "http://docker/v$api/containers/$id/start" >/dev/null
    for _ in $(seq 1 400); do [ "$(lines_of_state running)" -gt "$running" ] && break; sleep 0.005; done
done

ps_runs=(); raw_runs=(); ctl_runs=()
for _ in 1 2 3 4 5; do
    ps_runs+=("$(time_ms docker compose -p "$project" ps)")
    raw_runs+=("$(time_ms curl -s --unix-socket "$SOCKET" "http://docker/v$api/containers/json?all=1&filters=%7B%22label%22%3A%5B%22com.docker.compose.project%3D$project%22%5D%7D")")
    ctl_runs+=("$(time_ms ctl ps)")
done

echo "state latency: $KILLS kills of $container (raw API kill -> devdockctl watch line, ms)"
echo "  runs: ${latencies[*]}"
echo "BENCH state_latency_median_ms $(printf '%s\n' "${latencies[@]}" | median) ms"
echo "BENCH state_latency_p95_ms $(printf '%s\n' "${latencies[@]}" | p95) ms"
echo "  engine die event (raw socket): ${floors[*]}"
echo "BENCH engine_die_event_median_ms $(printf '%s\n' "${floors[@]}" | median) ms"
echo "BENCH devdock_overhead_median_ms $(for k in "${!latencies[@]}"; do echo $(( latencies[k] - floors[k] )); done | median) ms"
echo "BENCH docker_compose_ps_median_ms $(printf '%s\n' "${ps_runs[@]}" | median) ms"
echo "BENCH devdockctl_ps_median_ms $(printf '%s\n' "${ctl_runs[@]}" | median) ms"
echo "BENCH raw_socket_list_median_ms $(printf '%s\n' "${raw_runs[@]}" | median) ms"
