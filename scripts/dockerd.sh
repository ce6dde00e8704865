#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes sure a Docker engine answers, starting dockerd in the background when none does.
#   dockerd.sh ensure    start dockerd unless an engine already answers; prints "started" or
#                        "external" on stdout
#   dockerd.sh stop      stop dockerd, only if this script started it
#   dockerd.sh restart   stop and start the dockerd this script started (used by tests)
#   dockerd.sh status
# With DEVDOCK_DOCKERD_TLS_PORT=N the started engine also listens on tcp://127.0.0.1:N with TLS
# and client-certificate verification (certificates from scripts/tls-certs.sh in the state
# directory), for the TLS integration tests. A restart keeps the listeners it was started with.
set -euo pipefail

STATE_DIR=${DEVDOCK_STATE_DIR:-/tmp/devdock-dockerd}
PID_FILE=$STATE_DIR/dockerd.pid
LOG_FILE=$STATE_DIR/dockerd.log
SOCKET=/var/run/docker.sock
ARGS_FILE=$STATE_DIR/dockerd.args
WAIT_SECONDS=${DEVDOCK_DOCKERD_WAIT:-90}

log() { printf 'dockerd.sh: %s\n' "$*" >&2; }

engine_answers() {
    timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

our_pid() {
    [ -f "$PID_FILE" ] || return 1
    local pid
    pid=$(cat "$PID_FILE")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

start() {
    if [ "$(id -u)" -ne 0 ]; then
        log "no Docker engine answers at $SOCKET and starting dockerd needs root."
        log "Start it yourself (sudo systemctl start docker), or run this as root."
        exit 1
    fi
    command -v dockerd >/dev/null || { log "dockerd is not installed: run scripts/setup.sh"; exit 1; }
    mkdir -p "$STATE_DIR"
    # A stale socket from a killed engine would make clients think it is up.
    [ -S "$SOCKET" ] && ! engine_answers && rm -f "$SOCKET"
    local args=(--host="unix://$SOCKET")
    if [ -n "${DEVDOCK_DOCKERD_TLS_PORT:-}" ]; then
        bash "$(dirname "$0")/tls-certs.sh" "$STATE_DIR/tls"
        args+=(--host="tcp://127.0.0.1:$DEVDOCK_DOCKERD_TLS_PORT" --tlsverify
               --tlscacert="$STATE_DIR/tls/ca.pem" --tlscert="$STATE_DIR/tls/server-cert.pem"
               --tlskey="$STATE_DIR/tls/server-key.pem")
    fi
    printf '%s\n' "${args[@]}" >"$ARGS_FILE"
    log "starting dockerd ${args[*]} (log: $LOG_FILE)"
    setsid nohup dockerd "${args[@]}" >"$LOG_FILE" 2>&1 </dev/null &
    echo $! >"$PID_FILE"
    local waited=0
    while ! engine_answers; do
        if ! our_pid >/dev/null; then
            log "dockerd exited during start-up. Last lines of its log:"
            tail -n 20 "$LOG_FILE" >&2 || true
            exit 1
        fi
        if [ "$waited" -ge "$WAIT_SECONDS" ]; then
            log "dockerd did not answer on $SOCKET within ${WAIT_SECONDS}s. Last lines of its log:"
            tail -n 20 "$LOG_FILE" >&2 || true
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    log "engine up after ${waited}s"
}

stop() {
    local pid
    if ! pid=$(our_pid); then
        rm -f "$PID_FILE"
        return 0
    fi
    log "stopping dockerd (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    rm -f "$PID_FILE"
}

case "${1:-ensure}" in
ensure)
    if engine_answers; then
        echo external
    else
        start
        echo started
    fi
    ;;
stop)
    stop
    ;;
restart)
    if ! our_pid >/dev/null; then
        log "refusing to restart an engine this script did not start"
        exit 1
    fi
    # Keep the TLS listener across the restart.
    if grep -q '^--host=tcp://127.0.0.1:' "$ARGS_FILE" 2>/dev/null; then
        DEVDOCK_DOCKERD_TLS_PORT=$(sed -n 's|^--host=tcp://127.0.0.1:||p' "$ARGS_FILE")
        export DEVDOCK_DOCKERD_TLS_PORT
    fi
    stop
    start
    ;;
status)
    if engine_answers; then
        if our_pid >/dev/null; then echo "running (started by DevDock's scripts)"; else echo "running (external)"; fi
    else
        echo "not running"
        exit 1
    fi
    ;;
*)
    log "usage: dockerd.sh ensure|stop|restart|status"
    exit 2
    ;;
esac
