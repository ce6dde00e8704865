#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# The German translation is complete: lupdate, run over today's sources into a scratch copy of
# translations/devdock_de.ts, finds no string without a German translation; and English has the
# forms of every plural message (translations/devdock_en.ts, plurals only).
set -uo pipefail
src=${1:?usage: test_translations.sh SOURCE_DIR BUILD_DIR}
build=${2:?}
lupdate=/usr/lib/qt6/bin/lupdate
[ -x "$lupdate" ] || lupdate=$(command -v lupdate)
# The project description CMake wrote at configure time (the translatable sources), turned into
# lupdate's JSON the way the devdock_lupdate target does it, but into a scratch folder.
description="$build/app/.lupdate/devdock_project.cmake"
generator=$(ls /usr/lib/*/cmake/Qt6LinguistTools/GenerateLUpdateProject.cmake 2>/dev/null | head -1)
[ -f "$description" ] && [ -n "$generator" ] || {
    echo "no lupdate project description at $description (configure first)"
    echo "0 passed, 1 failed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project="$work/project.json"
(cd "$build/app" && cmake -DIN_FILE="$description" -DOUT_FILE="$project" -P "$generator") >/dev/null || {
    echo "could not generate the lupdate project"; echo "0 passed, 1 failed"; exit 1; }
# check FILE WHAT [LUPDATE_OPTION…]: lupdate over today's sources into a scratch copy of FILE
# leaves no message without WHAT.
check() {
    local file=$1 what=$2
    shift 2
    cp "$src/translations/$file" "$work/$file"
    "$lupdate" -silent -no-obsolete "$@" -project "$project" -ts "$work/$file" >/dev/null 2>&1 || {
        echo "lupdate failed on $file"; echo "0 passed, 1 failed"; exit 1; }
    local messages unfinished
    messages=$(grep -c '<message' "$work/$file")
    unfinished=$(grep -c 'type="unfinished"' "$work/$file")
    echo "$file: $messages messages, $unfinished without $what"
    if [ "$unfinished" -ne 0 ]; then
        grep -B3 'type="unfinished"' "$work/$file" | grep '<source>' | sed 's/^/    /'
        echo "0 passed, 1 failed"; exit 1
    fi
}
check devdock_de.ts "a translation"
# English: only the plural forms ("%n service(s)" -> "1 service" / "2 services").
check devdock_en.ts "English plural forms" -pluralonly
echo "1 passed, 0 failed"
