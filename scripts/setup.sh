#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs everything DevDock needs to build, run and test on Debian 12 (bookworm), from Debian's
# packages only, plus Compose v2 from Debian 13 (trixie) behind a low apt pin. Idempotent: when
# every package is present it returns in well under a second without touching apt.
set -euo pipefail

PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config git curl ca-certificates file
    qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins qt6-charts-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev libxkbcommon-dev libvulkan-dev libqt6opengl6-dev
    libyaml-cpp-dev libyaml-dev libspdlog-dev libfmt-dev qtkeychain-qt6-dev libgraphviz-dev graphviz libvterm-dev
    clang libclang-rt-14-dev
    docker.io busybox-static iproute2 procps python3 openssh-client openssh-server openssl socat
    xvfb xauth imagemagick fonts-dejavu-core
    gnome-keyring dbus dbus-x11 libsecret-tools desktop-file-utils
    dpkg-dev
    restic debootstrap
)
COMPOSE_PACKAGE=docker-compose   # Compose v2 CLI plugin, from trixie

log() { printf 'setup: %s\n' "$*" >&2; }

missing=()
for p in "${PACKAGES[@]}" "$COMPOSE_PACKAGE"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

compose_ok() {
    docker compose version >/dev/null 2>&1
}

if [ ${#missing[@]} -eq 0 ] && compose_ok; then
    log "all packages present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "run as root or install sudo"; exit 1; }
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

# Compose v2 is packaged from Debian 13 on. Add trixie with a pin low enough (50 < 100 for
# installed, < 500 for bookworm) that nothing is upgraded from it unless asked for by name.
if [ ! -f /etc/apt/sources.list.d/devdock-trixie.sources ]; then
    log "adding the Debian trixie suite (pinned at 50) for Compose v2"
    $SUDO tee /etc/apt/sources.list.d/devdock-trixie.sources >/dev/null <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    $SUDO tee /etc/apt/preferences.d/devdock-trixie >/dev/null <<'PIN'
Package: *
Pin: release n=trixie
Pin-Priority: 50
PIN
fi

log "apt-get update"
# Third-party lists configured on the machine may be unreachable; Debian's own must work.
$SUDO apt-get update -qq -o Acquire::Retries=2 || log "apt-get update reported errors (continuing with the lists it got)"

bookworm_missing=()
for p in "${missing[@]}"; do
    [ "$p" = "$COMPOSE_PACKAGE" ] || bookworm_missing+=("$p")
done
if [ ${#bookworm_missing[@]} -gt 0 ]; then
    log "installing: ${bookworm_missing[*]}"
    $SUDO apt-get install -y -qq --no-install-recommends "${bookworm_missing[@]}"
fi
if ! dpkg-query -W -f='${Status}' "$COMPOSE_PACKAGE" 2>/dev/null | grep -q 'install ok installed'; then
    log "installing Compose v2 ($COMPOSE_PACKAGE from trixie)"
    $SUDO apt-get install -y -qq --no-install-recommends -t trixie "$COMPOSE_PACKAGE"
fi

# The docker CLI looks for plugins in a few directories; make sure the packaged plugin is found
# by whichever docker binary comes first on PATH.
plugin=$(dpkg -L "$COMPOSE_PACKAGE" 2>/dev/null | grep -E '/cli-plugins/docker-compose$' | head -n1 || true)
if [ -n "$plugin" ] && ! compose_ok; then
    $SUDO mkdir -p /usr/local/lib/docker/cli-plugins
    $SUDO ln -sf "$plugin" /usr/local/lib/docker/cli-plugins/docker-compose
fi
compose_ok || { log "docker compose is still not available after install"; exit 1; }
log "done: $(docker compose version 2>/dev/null)"
