#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's window screenshots: the demo stack running (a copy under the project name "demo"),
# at 1366x768 and 1920x1080, light and dark, English and German, into resources/screenshots/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/prepare-demo" >/dev/null
work=$(mktemp -d)
demo="$work/demo"
cp -r "$root/examples/demo/." "$demo/"
sed -i 's/^name: .*/name: demo/' "$demo/compose.yaml"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export DEMO_HTTP_PORT=$(free_port) DEMO_TEMPORAL_UI_PORT=$(free_port) DEMO_DOCS_PORT=$(free_port)
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
trap '(cd "$demo" && docker compose down --volumes >/dev/null 2>&1) || true; rm -rf "$work"' EXIT
(cd "$demo" && docker compose up -d --wait >/dev/null 2>&1) || true # the flaky service may not wait
out="$root/resources/screenshots"
for size in 1366x768 1920x1080; do
    for theme in light dark; do
        for lang in en de; do
            SIZE=$size THEME=$theme bash "$root/scripts/screenshot.sh" \
                "$out/window-$size-$theme-$lang.png" "$demo" "$lang"
        done
    done
done
