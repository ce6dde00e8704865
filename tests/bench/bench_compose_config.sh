#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Compose loading: `devdockctl config --json` against `docker compose config --format json` on the
# SynapseDTE corpus project, a generated 300-service project and a generated 20-file include
# tree, RUNS times each; medians and the
# ratio printed side by side (never pass/fail on timing). Then a generated plain 50 MB file
# (about 140 000 services, no aliases), BIG_RUNS times: DevDock's load alone (bench_composeload:
# what the window and `devdockctl config` do before they print), `devdockctl config --json`,
# `docker compose config` and a raw read (`cat > /dev/null`) of the same bytes, side by side.
#   BIG_RUNS=0 skips the 50 MB case; BIG_COMPOSE=0 leaves docker compose out of it (it takes
#   minutes on that file).
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
DEVDOCKCTL=${DEVDOCKCTL:-$root/build/dev/app/devdockctl}
BENCH_LOAD=${BENCH_LOAD:-$root/build/dev/tests/bench_composeload}
BIG_COMPOSE=${BIG_COMPOSE:-1}
RUNS=${RUNS:-7}
BIG_RUNS=${BIG_RUNS:-3}
[ -x "$DEVDOCKCTL" ] || { echo "bench: build devdockctl first ($DEVDOCKCTL)" >&2; exit 1; }
[ -x "$BENCH_LOAD" ] || { echo "bench: build bench_composeload first ($BENCH_LOAD)" >&2; exit 1; }

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

# Runs a command in a folder without a subshell (whose fork would be timed with the command).
in_dir() {
    local back=$PWD rc=0
    cd "$1" && shift
    "$@" || rc=$?
    cd "$back"
    return $rc
}

# A monorepo of 20 included parts (short and long include forms, env files, a shared network),
# 4 services each, the services of each part depending on the previous part's api.
mkdir -p "$work/inc20"
{
    echo "include:"
    for i in $(seq 1 20); do
        if [ $((i % 2)) -eq 0 ]; then
            echo "  - path: parts/p$i/compose.yaml"
            echo "    env_file: parts/p$i/part.env"
        else
            echo "  - parts/p$i/compose.yaml"
        fi
    done
    echo "services:"
    echo "  gateway:"
    echo "    image: nginx:1.25-alpine"
    echo "    ports: [\"8080:80\"]"
    echo "    depends_on: [api20]"
    echo "    networks: [mesh]"
    echo "networks:"
    echo "  mesh:"
} >"$work/inc20/compose.yaml"
for i in $(seq 1 20); do
    mkdir -p "$work/inc20/parts/p$i"
    echo "PART_TAG=1.$i" >"$work/inc20/parts/p$i/part.env"
    {
        echo "services:"
        for role in api worker db cache; do
            echo "  $role$i:"
            echo "    image: \"registry.local/$role:\${PART_TAG:-1.0}\""
            echo "    environment:"
            echo "      PART: \"$i\""
            echo "      DATABASE_URL: postgresql://app:pw@db$i:5432/app"
            echo "    healthcheck:"
            echo "      test: [\"CMD\", \"true\"]"
            echo "      interval: 10s"
            if [ "$role" = api ] && [ "$i" -gt 1 ]; then
                echo "    depends_on: [db$i, cache$i]"
            fi
        done
    } >"$work/inc20/parts/p$i/compose.yaml"
done

for project in synapse gen300 inc20; do
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
    awk -v d="$m_dd" -v c="$m_dc" -v p="$project" 'BEGIN { printf "BENCH config_%s_speedup %.1f x (target >= 10)\n", p, c / (d > 0 ? d : 1) }'
done

[ "$BIG_RUNS" -gt 0 ] || exit 0
mkdir -p "$work/big50"
python3 - "$work/big50/compose.yaml" <<'PY'
import sys
out = ["services:\n"]
for i in range(1, 140001):
    out.append(f"""  svc{i}:
    image: "registry.local/svc{i}:${{TAG:-1.0}}"
    command: ["serve", "--port", "{8000 + i % 50000}"]
    environment:
      SERVICE_ID: "{i}"
      DATABASE_URL: postgresql://user:pw@db{i % 10}:5432/app
    ports: ["{20000 + i % 40000}:{8000 + i % 50000}"]
    volumes: ["./data/svc{i}:/data", "cache{i % 5}:/cache"]
    healthcheck:
      test: ["CMD", "true"]
      interval: 10s
""")
    if i > 1:
        out.append(f"    depends_on: [svc{i - 1}]\n")
out.append("volumes:\n" + "".join(f"  cache{j}:\n" for j in range(5)))
open(sys.argv[1], "w").write("".join(out))
PY
bytes=$(stat -c %s "$work/big50/compose.yaml")
dd=(); dc=(); raw=(); load=(); loadcpu=(); treecpu=(); libyamlcpu=(); loaduser=()
for _ in $(seq 1 "$BIG_RUNS"); do
    raw+=("$(time_ms cat "$work/big50/compose.yaml")")
    # bench_composeload prints "load N services: W ms wall, C ms cpu (U user + S sys) | json ...".
    out=$("$BENCH_LOAD" "$work/big50" 1)
    line=$(grep '^load ' <<<"$out")
    load+=("$(sed -E 's/^[^:]*: ([0-9]+) ms wall, ([0-9]+) ms cpu.*/\1/' <<<"$line")")
    loadcpu+=("$(sed -E 's/^[^:]*: ([0-9]+) ms wall, ([0-9]+) ms cpu.*/\2/' <<<"$line")")
    # "yaml tree of compose.yaml: F ms cpu (fast scanner) | libyaml: L ms cpu"
    yaml=$(grep '^yaml ' <<<"$out")
    treecpu+=("$(sed -E 's/^[^:]*: ([0-9-]+) ms cpu.*/\1/' <<<"$yaml")")
    libyamlcpu+=("$(sed -E 's/.*libyaml: ([0-9-]+) ms cpu.*/\1/' <<<"$yaml")")
    loaduser+=("$(sed -E 's/.*ms cpu \(([0-9]+) user \+ ([0-9]+) sys\).*/\1+\2/' <<<"$line")")
    dd+=("$(time_ms in_dir "$work/big50" "$DEVDOCKCTL" config --json)")
    if [ "$BIG_COMPOSE" = 1 ]; then
        dc+=("$(time_ms in_dir "$work/big50" docker compose config --format json)")
    fi
done
echo "compose config, plain $bytes-byte file, $BIG_RUNS runs (ms): raw read ${raw[*]} | devdock load ${load[*]} (cpu ${loadcpu[*]}; yaml tree ${treecpu[*]}, libyaml's ${libyamlcpu[*]}) | devdockctl config --json ${dd[*]} | docker compose ${dc[*]:-skipped}"
echo "BENCH config_big50_raw_read_median_ms $(printf '%s\n' "${raw[@]}" | median) ms"
echo "BENCH config_big50_devdock_load_median_ms $(printf '%s\n' "${load[@]}" | median) ms (target < 2000)"
echo "BENCH config_big50_devdock_load_cpu_median_ms $(printf '%s\n' "${loadcpu[@]}" | median) ms (target < 2000)"
echo "BENCH config_big50_yaml_tree_cpu_median_ms $(printf '%s\n' "${treecpu[@]}" | median) ms (fast scanner)"
echo "BENCH config_big50_libyaml_tree_cpu_median_ms $(printf '%s\n' "${libyamlcpu[@]}" | median) ms"
echo "BENCH config_big50_devdock_load_user_plus_sys_ms ${loaduser[*]} (each run)"
echo "BENCH config_big50_devdockctl_median_ms $(printf '%s\n' "${dd[@]}" | median) ms"
if [ "$BIG_COMPOSE" = 1 ]; then
    echo "BENCH config_big50_docker_compose_median_ms $(printf '%s\n' "${dc[@]}" | median) ms"
fi
echo "BENCH machine_load_average $(cut -d' ' -f1-3 /proc/loadavg)"
