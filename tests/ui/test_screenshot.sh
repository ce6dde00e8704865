#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Screenshot test: `devdock --project-directory examples/demo --screenshot FILE` in a real X
# server (Xvfb), in English and German, and the Environment tab (the .env editor); the PNGs are
# artifacts (BUILD_DIR/artifacts/) and must show more than a blank window.
set -uo pipefail
src=${1:?usage: test_screenshot.sh SOURCE_DIR BUILD_DIR}
build=${2:?}
mkdir -p "$build/artifacts"
unset QT_QPA_PLATFORM
passed=0 failed=0
for shot in en: de: en:environment; do
    language=${shot%%:*} view=${shot#*:}
    out="$build/artifacts/${view:-main-window}-$language.png"
    rm -f "$out"
    if ! bash "$src/scripts/screenshot.sh" "$out" "$src/examples/demo" "$language" "$view" >/dev/null 2>&1; then
        echo "FAIL: devdock --screenshot ($language) did not exit 0"; failed=$((failed + 1)); continue
    fi
    if [ ! -s "$out" ]; then
        echo "FAIL: no screenshot written ($language)"; failed=$((failed + 1)); continue
    fi
    colors=$(convert "$out" -format '%k' info:)
    size=$(identify -format '%wx%h' "$out")
    echo "screenshot: $out ($size, $colors colours)"
    if [ "$colors" -lt 64 ]; then
        echo "FAIL: the $language screenshot is nearly blank"; failed=$((failed + 1)); continue
    fi
    passed=$((passed + 1))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
