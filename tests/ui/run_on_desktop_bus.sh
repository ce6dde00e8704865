#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a test on a display of its own (Xvfb) and a private session bus of its own: Qt exports a
# tray icon as a StatusNotifierItem only on a desktop platform (xcb), and the test's own D-Bus
# servers (a StatusNotifierWatcher, a notification server) must meet no one else's.
set -euo pipefail
for tool in xvfb-run xauth dbus-run-session; do
    command -v "$tool" >/dev/null || {
        echo "run_on_desktop_bus.sh: $tool is missing; scripts/setup.sh installs it (xvfb, xauth, dbus)"
        exit 1
    }
done
exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
    dbus-run-session -- env QT_QPA_PLATFORM=xcb "$@"
