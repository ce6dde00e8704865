#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Log pipeline benchmarks (tests/bench/bench_logs.cpp): a container writes LINES lines; its log
# stream is recorded from the engine (multiplexed frames with timestamps) and parsed into a
# LogStore beside a plain newline split; the log panel follows 50,000 lines/s for GUI_SECONDS; a regex
# searches 1,000,000 lines. Figures side by side; never pass or fail on timing.
#   BENCH_LOGS=path  LINES=2000000  GUI_SECONDS=20
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
BENCH_LOGS=${BENCH_LOGS:-$root/build/dev/tests/bench_logs}
LINES=${LINES:-2000000}
GUI_SECONDS=${GUI_SECONDS:-20}
SOCKET=/var/run/docker.sock
[ -x "$BENCH_LOGS" ] || { echo "bench: build bench_logs first ($BENCH_LOGS)" >&2; exit 1; }
bash "$root/scripts/busybox-image.sh" devdock-test/busybox:latest
api=$(docker version --format '{{.Server.APIVersion}}')
name=devdock-bench-logstore
work=$(mktemp -d)
trap 'docker rm -f "$name" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
log_container "$name" "$LINES"
curl -s --unix-socket "$SOCKET" -o "$work/stream.bin" \
    "http://docker/v$api/containers/$name/logs?stdout=1&stderr=1&timestamps=1"
echo "recorded: $(stat -c %s "$work/stream.bin") bytes of the engine's log stream"
"$BENCH_LOGS" ingest "$work/stream.bin"
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$BENCH_LOGS" gui "$GUI_SECONDS"
"$BENCH_LOGS" search
