#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Log throughput: a container writes LINES lines (stdout and stderr mixed); the same logs are read
# RUNS times each by `devdockctl engine logs`, `docker logs` and a raw read of the engine endpoint
# with curl. Prints the medians and the ratios side by side; never passes or fails on timing.
#   DEVDOCKCTL=path  LINES=2000000  RUNS=5
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
DEVDOCKCTL=${DEVDOCKCTL:-$root/build/dev/app/devdockctl}
LINES=${LINES:-2000000}
RUNS=${RUNS:-5}
SOCKET=/var/run/docker.sock

[ -x "$DEVDOCKCTL" ] || { echo "bench: build devdockctl first ($DEVDOCKCTL)" >&2; exit 1; }
bash "$root/scripts/busybox-image.sh" devdock-test/busybox:latest
api=$(docker version --format '{{.Server.APIVersion}}')

name=devdock-bench-logs
log_container "$name" "$LINES"
trap 'docker rm -f "$name" >/dev/null 2>&1 || true' EXIT

# Sanity: all three read the same bytes.
out_dd=$("$DEVDOCKCTL" engine logs "$name" 2>/dev/null | wc -l)
out_cli=$(docker logs "$name" 2>/dev/null | wc -l)
[ "$out_dd" = "$out_cli" ] || { echo "bench: line counts differ: devdockctl $out_dd, docker $out_cli" >&2; exit 1; }
bytes=$(curl -s --unix-socket "$SOCKET" "http://docker/v$api/containers/$name/logs?stdout=1&stderr=1" | wc -c)


dd=(); cli=(); raw=()
for _ in $(seq 1 "$RUNS"); do
    dd+=("$(time_ms "$DEVDOCKCTL" engine logs "$name")")
    cli+=("$(time_ms docker logs "$name")")
    raw+=("$(time_ms curl -s --unix-socket "$SOCKET" -o /dev/null "http://docker/v$api/containers/$name/logs?stdout=1&stderr=1")")
done
m_dd=$(printf '%s\n' "${dd[@]}" | median)
m_cli=$(printf '%s\n' "${cli[@]}" | median)
m_raw=$(printf '%s\n' "${raw[@]}" | median)

echo "log throughput: $LINES lines, $bytes bytes on the wire, $RUNS runs each (milliseconds)"
printf '  %-22s runs: %s\n' "devdockctl engine logs" "${dd[*]}" "docker logs" "${cli[*]}" "curl (raw read)" "${raw[*]}"
echo "BENCH logs_devdockctl_median_ms $m_dd ms"
echo "BENCH logs_docker_cli_median_ms $m_cli ms"
echo "BENCH logs_raw_curl_median_ms $m_raw ms"
awk -v d="$m_dd" -v c="$m_cli" -v r="$m_raw" -v l="$LINES" 'BEGIN {
    printf "BENCH logs_devdockctl_lines_per_s %.0f lines/s\n", l / (d / 1000)
    printf "BENCH logs_docker_cli_lines_per_s %.0f lines/s\n", l / (c / 1000)
    printf "BENCH logs_raw_curl_lines_per_s %.0f lines/s\n", l / (r / 1000)
    printf "BENCH speed_vs_docker_cli %.2f x (target >= 1.0)\n", c / d
    printf "BENCH speed_vs_raw_read %.2f x (target >= 0.7)\n", r / d
}'
