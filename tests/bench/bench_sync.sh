#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# File sync latency: a file saved on the host until the container serves it over HTTP (the demo's
# docs service: busybox httpd, develop.watch sync into /www), CHANGES times each, median and p95.
# Side by side: devdockctl sync, `docker compose watch`, and copies without a watcher (docker cp,
# and a raw PUT /containers/{id}/archive on the socket) started right after each save.
# Never passes or fails on timing.   CHANGES=20
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
CTL=${DEVDOCKCTL:-$root/build/dev/app/devdockctl}
CHANGES=${CHANGES:-20}
SOCKET=/var/run/docker.sock
[ -x "$CTL" ] || { echo "bench: build devdockctl first ($CTL)" >&2; exit 1; }
bash "$root/scripts/prepare-demo" >/dev/null
project=devdock-bench-sync
work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
watcher=
cleanup() {
    [ -n "$watcher" ] && kill "$watcher" 2>/dev/null || true
    docker compose --project-directory "$work" -p "$project" down -v -t 1 --rmi local >/dev/null 2>&1 || true
    docker rmi -f devdock-bench-sync/docs:latest >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
cp -r "$root/examples/demo/docs" "$work/docs"
# The demo's docs service alone (no profile, no neighbours), on a free port. A build context,
# because `docker compose watch` (2.26) refuses services without one.
mkdir -p "$work/image"
echo "FROM devdock-demo/busybox:latest" >"$work/image/Dockerfile"
cat >"$work/compose.yaml" <<EOF
services:
  docs:
    build: ./image
    image: devdock-bench-sync/docs:latest
    init: true
    command: ["sh", "-c", "mkdir -p /www; exec httpd -f -p 8080 -h /www"]
    ports: ["127.0.0.1:$port:8080"]
    develop:
      watch:
        - path: ./docs/site
          action: sync
          target: /www
EOF
docker compose --project-directory "$work" -p "$project" up -d --wait --build >/dev/null 2>&1
container=$(docker compose --project-directory "$work" -p "$project" ps -q docs)
api=$(docker version --format '{{.Server.APIVersion}}')
file="$work/docs/site/bench.html"

# One change: writes unique content, then (optionally) runs a copy command, then polls the URL
# until the container serves that content. Prints the milliseconds.
change() {
    local tag=$1 copy=${2:-} content start end deadline
    content="$tag-$RANDOM-$RANDOM"
    start=$(date +%s%N)
    echo "$content" >"$file"
    [ -n "$copy" ] && $copy
    deadline=$((start + 10000000000))
    until curl -s "http://127.0.0.1:$port/bench.html" | grep -q "$content"; do
        if [ "$(date +%s%N)" -gt "$deadline" ]; then echo "timeout"; return; fi
    done
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}
series() { # name, copy command (optional): CHANGES changes, one every 300 ms
    local i out=()
    for i in $(seq 1 "$CHANGES"); do
        out+=("$(change "$1" "${2:-}")")
        sleep 0.3
    done
    printf '%s\n' "${out[@]}"
}
report() { # label, file of figures
    local med p
    med=$(grep -v timeout "$2" | median)
    p=$(grep -v timeout "$2" | p95)
    printf '%-34s median %6s ms   p95 %6s ms   (%s changes, %s timeouts)\n' "$1" "$med" "$p" \
        "$(wc -l <"$2")" "$(grep -c timeout "$2" || true)"
}
wait_for() { # file, text
    local i
    for i in $(seq 1 200); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
    echo "bench: '$2' never appeared in $1" >&2; cat "$1" >&2; return 1
}

# DevDock: devdockctl sync in the background.
"$CTL" --project-directory "$work" -p "$project" sync docs >"$work/devdock.log" 2>&1 &
watcher=$!
wait_for "$work/devdock.log" "syncing docs"
sleep 0.5
series devdock >"$work/devdock.ms"
kill "$watcher"; wait "$watcher" 2>/dev/null || true; watcher=

# docker compose watch (its own watcher and copy).
docker compose --project-directory "$work" -p "$project" watch docs >"$work/compose.log" 2>&1 &
watcher=$!
wait_for "$work/compose.log" "Watch enabled"
sleep 0.5
series compose >"$work/compose.ms"
kill "$watcher"; wait "$watcher" 2>/dev/null || true; watcher=

# No watcher: the copy is started right after the save (a lower bound for any watcher).
series cp "docker cp -q $file $container:/www/bench.html" >"$work/cp.ms"
raw_put() {
    tar -C "$work/docs/site" -cf - bench.html |
        curl -s --unix-socket "$SOCKET" -X PUT -H 'Content-Type: application/x-tar' \
            --data-binary @- "http://docker/v$api/containers/$container/archive?path=/www" >/dev/null
}
series raw raw_put >"$work/raw.ms"

echo "sync latency: save on the host -> served by the container over HTTP ($CHANGES changes each)"
report "devdockctl sync" "$work/devdock.ms"
report "docker compose watch" "$work/compose.ms"
report "docker cp after each save" "$work/cp.ms"
report "raw PUT archive after each save" "$work/raw.ms"
echo "BENCH sync_latency_median_ms $(grep -v timeout "$work/devdock.ms" | median) ms (target < 300)"
echo "BENCH sync_latency_p95_ms $(grep -v timeout "$work/devdock.ms" | p95) ms"
echo "BENCH compose_watch_latency_median_ms $(grep -v timeout "$work/compose.ms" | median) ms"
echo "BENCH docker_cp_latency_median_ms $(grep -v timeout "$work/cp.ms" | median) ms"
echo "BENCH raw_put_latency_median_ms $(grep -v timeout "$work/raw.ms" | median) ms"
