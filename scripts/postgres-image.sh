#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a real PostgreSQL 15 image without a registry: a minimal Debian 12 debootstrap'ed with
# Debian's postgresql-15, `docker import`ed. The rootfs tarball is cached (DEVDOCK_IMAGE_CACHE,
# default ~/.cache/devdock/images) so a second run only imports it; when the tag exists already
# nothing happens at all.
#   postgres-image.sh TAG     e.g. devdock-test/postgres:15
set -euo pipefail
tag=${1:?usage: postgres-image.sh TAG}
if docker image inspect "$tag" >/dev/null 2>&1; then
    exit 0
fi
cache=${DEVDOCK_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/devdock/images}
tarball="$cache/postgres15-bookworm-rootfs.tar"
mirror=${DEVDOCK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$cache"
if [ ! -s "$tarball" ]; then
    command -v debootstrap >/dev/null || { echo "postgres-image: debootstrap is missing; run scripts/setup.sh" >&2; exit 1; }
    [ "$(id -u)" -eq 0 ] || { echo "postgres-image: debootstrap needs root" >&2; exit 1; }
    rootfs=$(mktemp -d)
    trap 'umount -l "$rootfs/proc" 2>/dev/null || true; rm -rf "$rootfs"' EXIT
    echo "postgres-image: debootstrapping Debian 12 with postgresql-15 (a few minutes, once)" >&2
    debootstrap --variant=minbase --include=postgresql-15,ca-certificates \
        bookworm "$rootfs" "$mirror" >"$cache/debootstrap.log" 2>&1 || {
        echo "postgres-image: debootstrap failed; the last lines of $cache/debootstrap.log:" >&2
        tail -n 20 "$cache/debootstrap.log" >&2
        exit 1
    }
    # The package's own cluster is not used: the entrypoint initialises one in the volume.
    chroot "$rootfs" sh -c 'pg_dropcluster 15 main 2>/dev/null || true; apt-get clean; rm -rf /var/lib/apt/lists/* /usr/share/doc/* /usr/share/man/*'
    install -m 0755 /dev/stdin "$rootfs/usr/local/bin/devdock-postgres-entrypoint" <<'ENTRY'
#!/bin/sh
# Initialises $PGDATA on first start (trust on the local socket, md5 over TCP with
# POSTGRES_PASSWORD, as the official image does), then runs postgres in the foreground.
set -e
PGDATA=${PGDATA:-/var/lib/postgresql/data}
export PGDATA
mkdir -p "$PGDATA" /run/postgresql
chown -R postgres:postgres "$PGDATA" /run/postgresql
chmod 0700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    pwfile=$(mktemp)
    printf '%s' "${POSTGRES_PASSWORD:-postgres}" >"$pwfile"
    chown postgres "$pwfile"
    su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/initdb -D '$PGDATA' -U '${POSTGRES_USER:-postgres}' --pwfile='$pwfile' --auth-local=trust --auth-host=md5" >/dev/null
    rm -f "$pwfile"
    echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
    echo "host all all all md5" >>"$PGDATA/pg_hba.conf"
    if [ -n "${POSTGRES_DB:-}" ] && [ "$POSTGRES_DB" != postgres ]; then
        su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/postgres --single -D '$PGDATA' postgres" >/dev/null <<SQL
CREATE DATABASE "$POSTGRES_DB";
SQL
    fi
fi
exec su postgres -s /bin/sh -c "exec /usr/lib/postgresql/15/bin/postgres -D '$PGDATA'"
ENTRY
    tar -C "$rootfs" --numeric-owner -cf "$tarball.part" --exclude=./proc/* --exclude=./sys/* --exclude=./dev/* .
    mv "$tarball.part" "$tarball"
fi
docker import \
    -c 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV PGDATA=/var/lib/postgresql/data' \
    -c 'VOLUME /var/lib/postgresql/data' \
    -c 'EXPOSE 5432' \
    -c 'ENTRYPOINT ["/usr/local/bin/devdock-postgres-entrypoint"]' \
    "$tarball" "$tag" >/dev/null
