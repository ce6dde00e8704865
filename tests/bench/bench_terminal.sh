#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Terminal benchmarks (tests/bench/bench_terminal.cpp) on a busybox container, side by side:
#   - keystroke echo latency: `docker exec -it` in a pty (python3 pty: write a key to the pty,
#     read its echo back), a bare ExecSession (write to the hijacked connection, echo received),
#     and the widget (key in, echoed character painted); median and p95 of KEYS keys
#   - output throughput of `yes | head -c MIB MiB`: `docker exec -t` into /dev/null, and through
#     the widget (parsed and painted), with the longest GUI-thread stall (5 ms heartbeat)
#   - the widget alone on the same bytes from memory
# Never passes or fails on timing; the machine's load average is printed with the figures.
#   - without the pty: `docker exec` (no TTY) into /dev/null, the engine's frame stream into the
#     widget (`bench_terminal pipe`), and a local pty with no engine (PTY_MIB)
#   BENCH_TERMINAL=path  KEYS=200  MIB=100  PTY_MIB=10
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
BENCH_TERMINAL=${BENCH_TERMINAL:-$root/build/dev/tests/bench_terminal}
KEYS=${KEYS:-200}
MIB=${MIB:-100}
PTY_MIB=${PTY_MIB:-10}
[ -x "$BENCH_TERMINAL" ] || { echo "bench: build bench_terminal first ($BENCH_TERMINAL)" >&2; exit 1; }
bash "$root/scripts/busybox-image.sh" devdock-test/busybox:latest
name=devdock-bench-terminal-$$
trap 'docker rm -f "$name" >/dev/null 2>&1 || true' EXIT
docker run -d --init --network none --name "$name" --label devdock.test=1 devdock-test/busybox:latest sleep 3600 >/dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# docker exec -it in a pty: the time from writing a key to the pty until its echo is read.
python3 - "$name" "$KEYS" <<'EOF'
import os, pty, select, subprocess, sys, time
name, keys = sys.argv[1], int(sys.argv[2])
master, slave = pty.openpty()
p = subprocess.Popen(["docker", "exec", "-it", name, "sh"], stdin=slave, stdout=slave,
                     stderr=slave, close_fds=True)
os.close(slave)
def read_until(marker, timeout=20):
    buf, end = b"", time.time() + timeout
    while marker not in buf and time.time() < end:
        r, _, _ = select.select([master], [], [], 0.5)
        if r:
            buf += os.read(master, 65536)
    return marker in buf
assert read_until(b"# "), "no prompt from docker exec -it"
os.write(master, b"#")
read_until(b"#")
times = []
for i in range(keys):
    c = bytes([ord("a") + i % 26])
    t = time.perf_counter()
    os.write(master, c)
    assert read_until(c, 5), "no echo"
    times.append((time.perf_counter() - t) * 1000)
    time.sleep(0.02)
    if i % 40 == 39:
        os.write(master, b"\r#")
        read_until(b"#")
os.write(master, b"\rexit\r")
p.wait(timeout=20)
times.sort()
print("BENCH docker_exec_it_pty_echo_median %.2f ms" % times[len(times) // 2])
print("BENCH docker_exec_it_pty_echo_p95 %.2f ms" % times[min(len(times) - 1, int(len(times) * 0.95))])
EOF
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$BENCH_TERMINAL" latency "$name" "$KEYS"

start=$(date +%s%N)
docker exec -t "$name" sh -c "yes | head -c $((MIB * 1048576))" >/dev/null
end=$(date +%s%N)
awk -v b=$((MIB * 1048576)) -v ns=$((end - start)) \
    'BEGIN { printf "BENCH docker_exec_t_devnull %.2f MB/s of yes output\n", b / 1e6 / (ns / 1e9) }'
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$BENCH_TERMINAL" throughput "$name" "$MIB"
# Without the container's pty: the engine's frame stream into /dev/null and into the widget, and
# this machine's own pty (no engine) read as fast as it goes; on a machine whose pty is the
# bottleneck these show where the time goes.
start=$(date +%s%N)
docker exec "$name" sh -c "yes \"\$(printf 'y\r')\" | head -c $((MIB * 1048576))" >/dev/null
end=$(date +%s%N)
awk -v b=$((MIB * 1048576)) -v ns=$((end - start)) \
    'BEGIN { printf "BENCH docker_exec_no_tty_devnull %.2f MB/s\n", b / 1e6 / (ns / 1e9) }'
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$BENCH_TERMINAL" pipe "$name" "$MIB"
python3 - "$PTY_MIB" <<'EOF'
import os, pty, sys, time
mib = int(sys.argv[1])
start = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    os.execvp("sh", ["sh", "-c", "yes | head -c %d" % (mib * 1048576)])
n = 0
while True:
    try:
        b = os.read(fd, 65536)
    except OSError:
        break
    if not b:
        break
    n += len(b)
os.waitpid(pid, 0)
# The pty writes "y\r\n" for each "y\n": the payload is 2/3 of what is read, as in the figures
# of docker above (which count the payload).
print("BENCH local_pty_no_engine %.2f MB/s of yes output (%d MiB through a pty on this machine)"
      % (n * 2 / 3 / 1e6 / (time.perf_counter() - start), mib))
EOF
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$BENCH_TERMINAL" parse "$MIB"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
