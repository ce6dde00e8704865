#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# The German translation is complete: lupdate, run over today's sources into a scratch copy of
# translations/devdock_de.ts, finds no string without a German translation.
set -uo pipefail
src=${1:?usage: test_translations.sh SOURCE_DIR BUILD_DIR}
build=${2:?}
project="$build/app/.lupdate/devdock_project.json"
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
[ -x "$lupdate" ] || lupdate=/usr/lib/qt6/bin/lupdate
[ -f "$project" ] || { echo "no lupdate project at $project (configure first)"; echo "0 passed, 1 failed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src/translations/devdock_de.ts" "$work/devdock_de.ts"
"$lupdate" -silent -no-obsolete -project "$project" -ts "$work/devdock_de.ts" >/dev/null 2>&1 || {
    echo "lupdate failed"; echo "0 passed, 1 failed"; exit 1; }
messages=$(grep -c '<message' "$work/devdock_de.ts")
unfinished=$(grep -c 'type="unfinished"' "$work/devdock_de.ts")
echo "devdock_de.ts: $messages messages, $unfinished without a translation"
if [ "$unfinished" -ne 0 ]; then
    grep -B3 'type="unfinished"' "$work/devdock_de.ts" | grep '<source>' | sed 's/^/    /'
    echo "0 passed, 1 failed"; exit 1
fi
echo "1 passed, 0 failed"
