#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a real PostgreSQL 15 or Redis 7 image without a registry: one minimal Debian 12
# debootstrap'ed with Debian's postgresql-15 and redis-server, `docker import`ed with the entry
# point of the one asked for. The rootfs tarball is shared and cached (DEVDOCK_IMAGE_CACHE,
# default ~/.cache/devdock/images) so later runs only import it; when the tag exists already
# nothing happens at all.
#   datastore-image.sh postgres TAG     e.g. devdock-test/postgres:15
#   datastore-image.sh redis TAG        e.g. devdock-demo/redis:7
set -euo pipefail
kind=${1:?usage: datastore-image.sh postgres|redis TAG}
tag=${2:?usage: datastore-image.sh postgres|redis TAG}
case $kind in postgres|redis) ;; *) echo "datastore-image: postgres or redis, not $kind" >&2; exit 2 ;; esac
if docker image inspect "$tag" >/dev/null 2>&1; then
    exit 0
fi
cache=${DEVDOCK_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/devdock/images}
tarball="$cache/datastores-bookworm-rootfs.tar"
mirror=${DEVDOCK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$cache"
# One builder at a time (tests and scripts may ask at once); the others wait and import.
exec 9>"$cache/.datastores.lock"
flock 9
if [ ! -s "$tarball" ]; then
    command -v debootstrap >/dev/null || { echo "datastore-image: debootstrap is missing; run scripts/setup.sh" >&2; exit 1; }
    [ "$(id -u)" -eq 0 ] || { echo "datastore-image: debootstrap needs root" >&2; exit 1; }
    rootfs=$(mktemp -d)
    trap 'umount -l "$rootfs/proc" 2>/dev/null || true; rm -rf "$rootfs"' EXIT
    echo "datastore-image: debootstrapping Debian 12 with postgresql-15 and redis-server (a few minutes, once)" >&2
    debootstrap --variant=minbase --include=postgresql-15,redis-server,ca-certificates \
        bookworm "$rootfs" "$mirror" >"$cache/debootstrap.log" 2>&1 || {
        echo "datastore-image: debootstrap failed; the last lines of $cache/debootstrap.log:" >&2
        tail -n 20 "$cache/debootstrap.log" >&2
        exit 1
    }
    # The packages' own cluster and database are not used: the entry points make theirs in the
    # volume.
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
    install -m 0755 /dev/stdin "$rootfs/usr/local/bin/devdock-redis-entrypoint" <<'ENTRY'
#!/bin/sh
# Redis in the foreground with its data in /data (the volume): snapshots (RDB) and the
# append-only file there, reachable from the stack's network. Extra arguments go to redis-server.
set -e
mkdir -p /data
chown redis:redis /data
exec su redis -s /bin/sh -c "exec /usr/bin/redis-server --dir /data --bind 0.0.0.0 --protected-mode no --appendonly yes $*"
ENTRY
    tar -C "$rootfs" --numeric-owner -cf "$tarball.part" --exclude=./proc/* --exclude=./sys/* --exclude=./dev/* .
    mv "$tarball.part" "$tarball"
fi
if [ "$kind" = postgres ]; then
    docker import \
        -c 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        -c 'ENV PGDATA=/var/lib/postgresql/data' \
        -c 'VOLUME /var/lib/postgresql/data' \
        -c 'EXPOSE 5432' \
        -c 'ENTRYPOINT ["/usr/local/bin/devdock-postgres-entrypoint"]' \
        "$tarball" "$tag" >/dev/null
else
    docker import \
        -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        -c 'VOLUME /data' \
        -c 'EXPOSE 6379' \
        -c 'ENTRYPOINT ["/usr/local/bin/devdock-redis-entrypoint"]' \
        "$tarball" "$tag" >/dev/null
fi
