#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds devdock-demo/busybox:latest, the image of the offline demo stack (examples/demo).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
cp /bin/busybox "$ctx/busybox"
cp "$root/tests/data/images/busybox/Dockerfile" "$ctx/Dockerfile"
DOCKER_BUILDKIT=0 docker build -q -t devdock-demo/busybox:latest "$ctx" >/dev/null 2>&1 || { echo "demo-image: docker build failed" >&2; exit 1; }
