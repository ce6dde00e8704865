#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# `docker compose config -q` accepts every combination of the SynapseDTE files (production,
# production + dev, production + test) with their .env profiles; production without its secrets
# is refused with the variable named. DevDock's loader accepts the same combinations.
set -uo pipefail
src=${1:?usage: test_synapse_config.sh SOURCE_DIR DEVDOCKCTL}
ctl=${2:?}
cd "$src/examples/synapse-dte" || exit 1
export POSTGRES_PASSWORD=p REDIS_PASSWORD=r SECRET_KEY=s TEMPORAL_DB_PASSWORD=t
passed=0 failed=0
check() { # description, command...
    local what=$1; shift
    local out
    if out=$("$@" 2>&1); then
        echo "ok: $what"; passed=$((passed + 1))
    else
        echo "FAIL: $what"; echo "$out" | sed 's/^/    /'; failed=$((failed + 1))
    fi
}
combos=(
    "-f docker-compose.yml --env-file .env.production"
    "-f docker-compose.yml -f docker-compose.dev.yml --env-file .env.development"
    "-f docker-compose.yml -f docker-compose.test.yml --env-file .env.development"
    "-f docker-compose.yml -f docker-compose.test.yml --env-file .env.development --profile test"
    "-f docker-compose.yml -f docker-compose.dev.yml --env-file .env.example"
)
for c in "${combos[@]}"; do
    # shellcheck disable=SC2086
    check "docker compose $c config -q" docker compose $c config -q
    # shellcheck disable=SC2086
    check "devdockctl $c config" "$ctl" $c config
done
# Only nginx is on the public network, and production publishes no database port.
# shellcheck disable=SC2016
check "production: only nginx publishes ports and joins public-network" sh -c '
    json=$(docker compose -f docker-compose.yml --env-file .env.production config --format json) &&
    python3 - "$json" <<PY
import json, sys
services = json.loads(sys.argv[1])["services"]
published = sorted(n for n, s in services.items() if s.get("ports"))
public = sorted(n for n, s in services.items() if "public-network" in (s.get("networks") or {}))
assert published == ["nginx"], published
assert public == ["nginx"], public
PY'
# Development mounts the sources for hot reload.
check "development: bind mounts ./frontend/src and ./app" sh -c '
    docker compose -f docker-compose.yml -f docker-compose.dev.yml --env-file .env.development config |
    grep -q "target: /app/src" &&
    docker compose -f docker-compose.yml -f docker-compose.dev.yml --env-file .env.development config |
    grep -q "target: /app/app"'
# Without its secrets, production is refused with the variable named, by both.
unset POSTGRES_PASSWORD
check "production without POSTGRES_PASSWORD is refused by compose" sh -c '
    ! docker compose -f docker-compose.yml --env-file .env.production config -q 2>&1 &&
    docker compose -f docker-compose.yml --env-file .env.production config -q 2>&1 | grep -q POSTGRES_PASSWORD'
check "production without POSTGRES_PASSWORD is refused by devdockctl" sh -c "
    ! '$ctl' -f docker-compose.yml --env-file .env.production config >/dev/null 2>&1 &&
    '$ctl' -f docker-compose.yml --env-file .env.production config 2>&1 | grep -q POSTGRES_PASSWORD"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
