#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the DEB with CPack and checks that it installs and starts: metadata, the files it ships,
# and (as root) a real dpkg install, both binaries run from /usr/bin, then removal.
set -euo pipefail
build=${1:?usage: test_deb.sh BUILD_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# No binary looks for its libraries in the directory it runs in (an empty RPATH entry means
# just that): a library planted in a cloned project must never be loaded. Checked on what the
# dynamic loader tries, from a scratch directory.
no_cwd_libraries() {
    local bin=$1 tried
    tried=$(cd "$work" && LD_DEBUG=libs "$bin" version 2>&1 >/dev/null | grep 'trying file=' || true)
    [ -n "$tried" ] || { echo "$bin: LD_DEBUG showed no library search"; exit 1; }
    if echo "$tried" | grep -v 'trying file=/' >/dev/null; then
        echo "$bin looks for libraries in the current directory:"
        echo "$tried" | grep -v 'trying file=/' | head -3
        exit 1
    fi
    if readelf -d "$bin" | grep -E 'R(UN)?PATH' >/dev/null; then
        echo "$bin has an RPATH: $(readelf -d "$bin" | grep -E 'R(UN)?PATH')"
        exit 1
    fi
}
no_cwd_libraries "$build/app/devdockctl"
# The launcher starts on Qt Core alone; the network, D-Bus and keychain libraries come with the
# commands module, and only when a command needs them.
for lib in libQt6Network libQt6DBus libqt6keychain; do
    if readelf -d "$build/app/devdockctl" | grep -q "NEEDED.*$lib"; then
        echo "the devdockctl launcher needs $lib at start"; exit 1
    fi
    readelf -d "$build/app/devdockctl-commands.so" | grep -q "NEEDED.*$lib" \
        || { echo "devdockctl-commands.so does not need $lib"; exit 1; }
done
cd "$build"
cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/devdock_*.deb)
echo "package: $(basename "$deb")"
info=$(dpkg-deb --info "$deb")
echo "$info" | grep -q '^ Package: devdock$' || { echo "no Package field"; exit 1; }
echo "$info" | grep -q '^ Depends:.*libqt6widgets6' || { echo "Depends lacks Qt: $info"; exit 1; }
contents=$(dpkg-deb --contents "$deb")
for f in ./usr/bin/devdock ./usr/bin/devdockctl ./usr/lib/devdock/devdockctl-commands.so \
         ./usr/share/applications/org.devdock.DevDock.desktop \
         ./usr/share/metainfo/org.devdock.DevDock.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/org.devdock.DevDock.svg; do
    echo "$contents" | grep -q " $f\$" || { echo "missing in package: $f"; exit 1; }
done
if command -v desktop-file-validate >/dev/null; then
    dpkg-deb -x "$deb" "$work/root"
    desktop-file-validate "$work/root/usr/share/applications/org.devdock.DevDock.desktop"
fi
if [ "$(id -u)" -eq 0 ]; then
    dpkg -i "$deb" >/dev/null
    trap 'dpkg -r devdock >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
    /usr/bin/devdockctl version | grep -q '^devdockctl ' || { echo "installed devdockctl does not run"; exit 1; }
    # config runs in the launcher; any other command loads the installed module (its usage
    # text comes from there), never one beside the binary or in the current directory.
    (cd "$work" && { /usr/bin/devdockctl config --help 2>&1 || true; } | grep -q 'config takes only --json') \
        || { echo "installed devdockctl config does not run"; exit 1; }
    (cd "$work" && /usr/bin/devdockctl env --help >/dev/null 2>&1; [ $? -le 2 ]) \
        || { echo "installed devdockctl cannot load its commands"; exit 1; }
    { /usr/bin/devdockctl 2>&1 || true; } | grep -q '^Usage: devdockctl COMMAND' \
        || { echo "installed devdockctl does not load its commands module"; exit 1; }
    no_cwd_libraries /usr/bin/devdockctl
    # The GUI starts (offscreen) and keeps running until stopped.
    set +e
    QT_QPA_PLATFORM=offscreen timeout 3 /usr/bin/devdock >/dev/null 2>&1
    rc=$?
    set -e
    [ $rc -eq 124 ] || { echo "installed devdock exited early with $rc"; exit 1; }
    dpkg -r devdock >/dev/null
    [ ! -e /usr/bin/devdock ] || { echo "dpkg -r left /usr/bin/devdock"; exit 1; }
    echo "installed, started, removed"
fi
echo "1 passed, 0 failed"
