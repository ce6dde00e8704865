# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Helpers the benchmark scripts share (sourced, not run).

# Milliseconds a command takes, its output discarded, to a tenth. Timed with bash's own clock
# ($EPOCHREALTIME): a `date` on each side forked two processes into every figure (2-3 ms here,
# a third of what a short devdockctl command takes).
time_ms() {
    local start end
    start=${EPOCHREALTIME/[.,]/}
    "$@" >/dev/null 2>&1
    end=${EPOCHREALTIME/[.,]/}
    printf '%d.%d\n' $(((end - start) / 1000)) $(((end - start) % 1000 / 100))
}
# Median and 95th percentile of numbers on stdin, one a line.
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
p95() { sort -n | awk '{ a[NR] = $1 } END { i = int(NR * 0.95 + 0.999); if (i > NR) i = NR; print a[i] }'; }

# Runs a container (busybox test image) that writes N log lines, every fourth on stderr, and
# waits until it is done. The caller removes it.   log_container NAME N
log_container() {
    local name=$1 lines=$2
    docker rm -f "$name" >/dev/null 2>&1 || true
    docker run -d --name "$name" --label devdock.test=1 devdock-test/busybox:latest \
        awk -v n="$lines" 'BEGIN { for (i = 0; i < n; i++) { if (i % 4 == 3) print "WARN line " i " of the benchmark, on stderr" > "/dev/stderr"; else print "INFO line " i " of the benchmark, some payload text" } }' >/dev/null
    docker wait "$name" >/dev/null
}
