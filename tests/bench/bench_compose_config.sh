#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Compose loading: `devdockctl config --json` against `docker compose config --format json` on the
# SynapseDTE corpus project and a generated 300-service project, RUNS times each; medians and the
# ratio printed side by side (never pass/fail on timing).
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
DEVDOCKCTL=${DEVDOCKCTL:-$root/build/dev/app/devdockctl}
RUNS=${RUNS:-7}
[ -x "$DEVDOCKCTL" ] || { echo "bench: build devdockctl first ($DEVDOCKCTL)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/tests/data/compose/27-synapse-dte" "$work/synapse"
mkdir -p "$work/gen300"
{
    echo "services:"
    for i in $(seq 1 300); do
        cat <<SVC
  svc$i:
    image: "registry.local/svc$i:\${TAG:-1.0}"
    command: ["serve", "--port", "$((8000 + i))"]
    environment:
      SERVICE_ID: "$i"
      DATABASE_URL: postgresql://user:pw@db$((i % 10)):5432/app
    ports: ["$((20000 + i)):$((8000 + i))"]
    volumes: ["./data/svc$i:/data", "cache$((i % 5)):/cache"]
    healthcheck:
      test: ["CMD", "true"]
      interval: 10s
SVC
        if [ "$i" -gt 1 ]; then
            echo "    depends_on: [svc$((i - 1))]"
        fi
    done
    echo "volumes:"
    for j in 0 1 2 3 4; do echo "  cache$j:"; done
} >"$work/gen300/compose.yaml"

in_dir() { (cd "$1" && shift && "$@"); }

for project in synapse gen300; do
    dd=(); dc=()
    for _ in $(seq 1 "$RUNS"); do
        dd+=("$(time_ms in_dir "$work/$project" "$DEVDOCKCTL" config --json)")
        dc+=("$(time_ms in_dir "$work/$project" docker compose config --format json)")
    done
    m_dd=$(printf '%s\n' "${dd[@]}" | median)
    m_dc=$(printf '%s\n' "${dc[@]}" | median)
    echo "compose config, project $project, $RUNS runs (ms): devdockctl ${dd[*]} | docker compose ${dc[*]}"
    echo "BENCH config_${project}_devdockctl_median_ms $m_dd ms"
    echo "BENCH config_${project}_docker_compose_median_ms $m_dc ms"
    awk -v d="$m_dd" -v c="$m_dc" -v p="$project" 'BEGIN { printf "BENCH config_%s_speedup %.1f x (target >= 5)\n", p, c / (d > 0 ? d : 1) }'
done
