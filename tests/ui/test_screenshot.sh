#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Screenshot test: DevDock in a real X server (Xvfb), its window captured as a PNG artifact
# (BUILD_DIR/artifacts/main-window.png), checked to show more than a blank screen.
set -euo pipefail
src=${1:?usage: test_screenshot.sh SOURCE_DIR BUILD_DIR}
build=${2:?}
mkdir -p "$build/artifacts"
out="$build/artifacts/main-window.png"
rm -f "$out"
unset QT_QPA_PLATFORM
bash "$src/scripts/screenshot.sh" "$out" 4 >/dev/null 2>&1
[ -s "$out" ] || { echo "no screenshot written"; echo "0 passed, 1 failed"; exit 1; }
colors=$(convert "$out" -format '%k' info:)
echo "screenshot: $out ($(stat -c %s "$out") bytes, $colors colours)"
if [ "$colors" -lt 16 ]; then
    echo "the screenshot is nearly blank"; echo "0 passed, 1 failed"; exit 1
fi
echo "1 passed, 0 failed"
