#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Backup and restore of a volume of SIZE_MB (default 1024) MiB of random files, side by side in one
# run: a raw GET /containers/{id}/archive read on the socket, `docker cp` out, the raw read piped
# into `restic backup --stdin` (restic's own ceiling), `devdockctl backup`; the same backup again
# with the volume unchanged; a raw PUT /containers/{id}/archive and `devdockctl restore`.
# Targets (issue 16): backup >= 70 % of the raw read's rate, the second backup < 10 % of the
# first one's time. Never passes or fails on timing. Needs a secret service for the repository
# password; without one it runs itself on a private session bus with gnome-keyring.
set -euo pipefail
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ -z "${DEVDOCK_BENCH_ON_BUS:-}" ]; then
    keyring_home=$(mktemp -d)
    trap 'rm -rf "$keyring_home"' EXIT
    XDG_DATA_HOME=$keyring_home DEVDOCK_BENCH_ON_BUS=1 exec dbus-run-session -- sh -c \
        'printf devdock-bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec bash "$0"' "$0"
fi
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
CTL=${DEVDOCKCTL:-$root/build/dev/app/devdockctl}
SIZE_MB=${SIZE_MB:-1024}
SOCKET=/var/run/docker.sock
IMAGE=devdock-test/busybox:latest
[ -x "$CTL" ] || { echo "bench: build devdockctl first ($CTL)" >&2; exit 1; }
bash "$root/scripts/busybox-image.sh" "$IMAGE" >/dev/null
api=$(curl -s --unix-socket "$SOCKET" http://localhost/version | sed -n 's/.*"ApiVersion":"\([0-9.]*\)".*/\1/p')
project=devdock-bench-backup-$$
volume=${project}_data
work=$(mktemp -d)
export DEVDOCK_BACKUP_REPOSITORY=$work/repository
cleanup() {
    docker ps -aq --filter "label=devdock.bench.backup=$project" | xargs -r docker rm -f >/dev/null 2>&1 || true
    docker volume rm -f "$volume" "${volume}-restored" "${volume}-raw" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
cat >"$work/compose.yaml" <<EOF
name: $project
services:
  app:
    image: $IMAGE
    command: ["sleep", "3600"]
    volumes: ["data:/data"]
volumes:
  data: {}
EOF
helper() { # a created (never started) container with volume $1 at /data
    docker create --network none --label "devdock.bench.backup=$project" -v "$1:/data" "$IMAGE" true
}
ms_now() { date +%s%N | cut -c1-13; }

# SIZE_MB of random data in 64 files (openssl: fast), a few links, odd modes and owners; filled
# through a tar on stdin so that it works on any engine.
mkdir -p "$work/fill/sub"
per=$((SIZE_MB / 64))
for i in $(seq 1 64); do openssl rand -out "$work/fill/f$i.bin" $((per * 1024 * 1024)); done
ln -s f1.bin "$work/fill/link"
ln -s /nowhere "$work/fill/dangling"
chown 1234:5678 "$work/fill/f2.bin"
chmod 0600 "$work/fill/f3.bin"
chmod 4755 "$work/fill/f4.bin"
chmod 1777 "$work/fill/sub"
docker volume create --label com.docker.compose.project="$project" --label com.docker.compose.volume=data \
    "$volume" >/dev/null
tar -C "$work/fill" -cf - . | docker run -i --rm --network none -v "$volume:/data" "$IMAGE" tar -xpf - -C /data
rm -rf "$work/fill"
source_helper=$(helper "$volume")
bytes=$(curl -s --unix-socket "$SOCKET" "http://localhost/v$api/containers/$source_helper/archive?path=/data" | wc -c)

rate() { awk -v b="$bytes" -v ms="$1" 'BEGIN { printf "%7.1f MiB/s", b / 1048576 / (ms / 1000) }'; }
row() { printf '%-44s %8.0f ms  %s  %s\n' "$1" "$2" "$(rate "$2")" "${3:-}"; }

echo "backup of a ${SIZE_MB} MiB volume ($bytes bytes of tar), engine API $api, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
raw=$(time_ms curl -s --unix-socket "$SOCKET" -o /dev/null "http://localhost/v$api/containers/$source_helper/archive?path=/data")
row "raw GET /containers/{id}/archive" "$raw"
cp_ms=$(time_ms sh -c "docker cp '$source_helper:/data' - >/dev/null")
row "docker cp (out)" "$cp_ms"
export RESTIC_PASSWORD=bench RESTIC_REPOSITORY=$work/raw-repository
restic init -q >/dev/null
restic_raw=$(time_ms sh -c "curl -s --unix-socket '$SOCKET' 'http://localhost/v$api/containers/$source_helper/archive?path=/data' | restic backup -q --stdin --stdin-filename data.tar")
row "raw GET | restic backup --stdin" "$restic_raw" "(restic alone, no DevDock)"
rm -rf "$RESTIC_REPOSITORY" && restic init -q >/dev/null
restic_off=$(time_ms sh -c "curl -s --unix-socket '$SOCKET' 'http://localhost/v$api/containers/$source_helper/archive?path=/data' | restic backup -q --compression off --stdin --stdin-filename data.tar")
row "raw GET | restic backup --compression off" "$restic_off" "(restic alone, no DevDock)"
unset RESTIC_PASSWORD RESTIC_REPOSITORY
"$CTL" --project-directory "$work" backup list >/dev/null # creates the repository (not timed)
first=$(time_ms "$CTL" --project-directory "$work" backup data)
row "devdockctl backup (first)" "$first" "$(awk -v a="$first" -v r="$raw" 'BEGIN { printf "= %.0f %% of the raw read (target >= 70 %%)", 100 * r / a }')"
start=$(ms_now)
"$CTL" --project-directory "$work" backup data >"$work/second.out"
second=$(($(ms_now) - start))
row "devdockctl backup (unchanged volume)" "$second" "$(awk -v a="$second" -v f="$first" 'BEGIN { printf "= %.1f %% of the first (target < 10 %%)", 100 * a / f }')"
grep -q "unchanged since" "$work/second.out" || echo "  (the second backup copied the volume again)"
docker run --rm --network none -v "$volume:/data" "$IMAGE" sh -c 'echo changed >> /data/f5.bin'
third=$(time_ms "$CTL" --project-directory "$work" backup data)
row "devdockctl backup (one file changed)" "$third" "(restic deduplicates the rest)"

snapshot=$("$CTL" --project-directory "$work" snapshots --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[-1]["id"])')
tarfile=$work/data.tar
curl -s --unix-socket "$SOCKET" -o "$tarfile" "http://localhost/v$api/containers/$source_helper/archive?path=/data"
docker volume create "${volume}-raw" >/dev/null
raw_target=$(helper "${volume}-raw")
put=$(time_ms curl -s --fail --unix-socket "$SOCKET" -X PUT -H 'Content-Type: application/x-tar' -T "$tarfile" \
    "http://localhost/v$api/containers/$raw_target/archive?path=/")
row "raw PUT /containers/{id}/archive (from a file)" "$put"
restore=$(time_ms "$CTL" --project-directory "$work" restore "$snapshot" --to "${volume}-restored" --yes)
row "devdockctl restore (into a new volume)" "$restore" "$(awk -v a="$restore" -v r="$put" 'BEGIN { printf "= %.0f %% of the raw PUT rate", 100 * r / a }')"
