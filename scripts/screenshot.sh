#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Saves a screenshot of DevDock's main window on a project, in a virtual X server: DevDock loads
# the project, waits until the live state is known and the graph laid out, renders its window
# to the file and exits (devdock --screenshot).
#   screenshot.sh OUTPUT.png [PROJECT_DIR] [LANGUAGE] [VIEW]   e.g. screenshot.sh out.png examples/demo de
#   VIEW: topology (default), services, ports, containers, logs, environment, or onboarding (its plan)
#   SIZE=1366x768 (window size, default 1280x800) and THEME=light|dark|system (default: as chosen)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: screenshot.sh OUTPUT.png [PROJECT_DIR] [LANGUAGE] [VIEW]}
project=${2:-$root/examples/demo}
language=${3:-en}
view=${4:-}
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
locale=C.UTF-8
[ "$language" = de ] && locale=de_DE.UTF-8
LANGUAGE=$language LANG=$locale LC_ALL=$locale xvfb-run -a -s "-screen 0 2000x1200x24" \
    "$root/build/dev/app/devdock" --project-directory "$project" --screenshot "$out" \
    ${view:+--screenshot-view "$view"} ${SIZE:+--window-size "$SIZE"} ${THEME:+--theme "$THEME"}
echo "saved $out"
