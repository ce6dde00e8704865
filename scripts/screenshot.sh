#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts DevDock in a virtual X server and saves a screenshot of the screen.
#   screenshot.sh OUTPUT.png [SECONDS_TO_WAIT]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: screenshot.sh OUTPUT.png [seconds]}
wait=${2:-4}
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
export out wait root
xvfb-run -a -s "-screen 0 1200x720x24" sh -c '
    "$root/build/dev/app/devdock" & pid=$!
    sleep "$wait"
    import -window root "$out"
    kill $pid; wait $pid 2>/dev/null || true
'
echo "saved $out"
