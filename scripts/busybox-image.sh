#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a busybox image (FROM scratch + Debian's static busybox; no registry needed).
#   busybox-image.sh TAG     e.g. devdock-test/busybox:latest, devdock-demo/busybox:latest
set -euo pipefail
tag=${1:?usage: busybox-image.sh TAG}
root=$(cd "$(dirname "$0")/.." && pwd)
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
[ -x /bin/busybox ] || { echo "busybox-image: /bin/busybox is missing; run scripts/setup.sh" >&2; exit 1; }
cp /bin/busybox "$ctx/busybox"
cp "$root/tests/data/images/busybox/Dockerfile" "$ctx/Dockerfile"
DOCKER_BUILDKIT=0 docker build -q -t "$tag" "$ctx" >/dev/null 2>"$ctx/err" || {
    echo "busybox-image: docker build of $tag failed:" >&2
    cat "$ctx/err" >&2
    exit 1
}
