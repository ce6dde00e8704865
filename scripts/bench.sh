#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every benchmark in tests/bench/ and prints their figures (never pass/fail on timing).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh >/dev/null
engine=$(bash scripts/dockerd.sh ensure)
trap '[ "$engine" = started ] && bash scripts/dockerd.sh stop' EXIT
cmake --preset dev >/dev/null
cmake --build --preset dev --target devdockctl bench_logs >/dev/null
for bench in tests/bench/bench_*.sh; do
    echo "== $bench"
    bash "$bench"
done
