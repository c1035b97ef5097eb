#!/usr/bin/env python3
"""Where PostgreSQL's CPU goes, from a whole-machine perf profile (BENCHMARKS-history.md, S7).

Usage: perf script -i perf.data --comm postgres | python3 bench/perf-postgres-top.py [MS_PER_REQUEST]
Each sample of a postgres process is given to the first group whose frame is on its stack (the groups are checked in
the order below, so a foreign-key check inside an insert counts as the check, the insert's WAL flush at commit as the
commit). With MS_PER_REQUEST (PostgreSQL's CPU per request, from the load test's CPU line), each group's share is
also given in ms per request.
"""
import collections
import re
import sys

GROUPS = [
    ("foreign-key checks (SPI queries of the RI triggers)", ("ri_PerformCheck", "SPI_execute_snapshot", "RI_FKey_")),
    ("commit: WAL flush and fdatasync", ("CommitTransaction", "XLogFlush", "fdatasync")),
    ("values moved out of line (TOAST)", ("toast_save_datum", "heap_toast_insert_or_update")),
    ("jsonb parsed from text", ("jsonb_in",)),
    ("heap and index inserts and updates", ("ExecInsert", "ExecUpdate", "heap_insert", "ExecInsertIndexTuples")),
    ("row locks (for update)", ("heap_lock_tuple", "ExecLockRows")),
    ("executor start-up per statement", ("standard_ExecutorStart", "ExecInitNode", "PortalStart", "CreatePortal", "standard_ExecutorEnd")),
    ("cached plans looked up", ("GetCachedPlan",)),
    ("reading the client's messages (socket)", ("pq_getbyte", "secure_read", "pq_getmessage", "__x64_sys_recvfrom")),
    ("sending answers (socket)", ("__x64_sys_sendto", "secure_write", "socket_flush", "internal_flush")),
    ("bind: parameters converted", ("exec_bind_message", "OidInputFunctionCall", "getTypeInputInfo", "getTypeBinaryInputInfo")),
    ("running statements: scans, sorts, other", ("standard_ExecutorRun", "PortalRun")),
]


def stacks(lines):
    frames = None
    for line in lines:
        if line and not line[0].isspace():
            if frames is not None:
                yield frames
            frames = []
        elif line.strip():
            parts = line.strip().split(" ", 1)
            name = parts[1].split(" (")[0] if len(parts) > 1 else parts[0]
            frames.append(re.sub(r"\+0x[0-9a-f]+$", "", name))
    if frames is not None:
        yield frames


def main():
    per_request = float(sys.argv[1]) if len(sys.argv) > 1 else None
    counts = collections.Counter()
    total = 0
    for frames in stacks(sys.stdin):
        total += 1
        group = "other (kernel scheduling, memory, start of a transaction, ...)"
        for name, marks in GROUPS:
            if any(f.startswith(m) for f in frames for m in marks):
                group = name
                break
        counts[group] += 1
    print(f"{total} samples of postgres processes")
    for group, n in counts.most_common():
        share = n / total
        ms = f"  {share * per_request:.3f} ms per request" if per_request else ""
        print(f"{100 * share:5.1f}%  {group}{ms}")


if __name__ == "__main__":
    main()
