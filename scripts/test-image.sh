#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds devdock-test/busybox:latest (FROM scratch + Debian's static busybox). No registry needed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
cp /bin/busybox "$ctx/busybox"
cp "$root/tests/data/images/busybox/Dockerfile" "$ctx/Dockerfile"
DOCKER_BUILDKIT=0 docker build -q -t devdock-test/busybox:latest "$ctx" >/dev/null 2>"$ctx/err" || {
    cat "$ctx/err" >&2
    exit 1
}
