#!/usr/bin/env python3
"""Compile cost of #[derive(ApiError)], against thiserror's.

Generates a scratch crate per size (150 and 1,500 variants by default) in
target/compile-cost/, in three flavours of the same enum:

  plain      #[derive(Debug)]
  thiserror  #[derive(Debug, thiserror::Error)] with #[error("...")] per variant
  both       #[derive(Debug, thiserror::Error, apierror::ApiError)] with #[status], #[code]
             and #[message] per variant (a third of the messages are templates)

and times an incremental rebuild of each (one message edited, cargo build), the median of
--runs runs: the CPU time cargo and rustc spend (user + system, steady under load), or the
wall time with --wall. What thiserror adds is thiserror - plain; what the derive adds is
both - thiserror. The target: the derive's addition within 1.5x of thiserror's, and linear
in the number of variants.

Usage: python3 scripts/compile_cost.py [--sizes 150,1500] [--runs 5] [--release] [--wall]
"""

import argparse
import os
import pathlib
import resource
import statistics
import subprocess
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "compile-cost"


def variant(i, flavour):
    templated = i % 3 == 0
    fields = " { amount: u64, currency: String }" if templated else ""
    message = "amount must be at least {amount} {currency}" if templated else f"error number {i}"
    lines = []
    if flavour in ("thiserror", "both"):
        lines.append(f'    #[error("{message}")]')
    if flavour == "both":
        lines.append(f"    #[status({400 + i % 100})]")
        lines.append(f'    #[code("error_code_{i}")]')
        lines.append(f'    #[message("{message}")]')
    lines.append(f"    Variant{i}{fields},")
    return "\n".join(lines)


def source(n, flavour, revision=0):
    derives = {"plain": "Debug", "thiserror": "Debug, thiserror::Error",
               "both": "Debug, thiserror::Error, apierror::ApiError"}[flavour]
    # Each timed run edits one message (variant 1's): the derives run again and everything
    # generated from the enum is checked again, as after a real edit of the error enum.
    body = "\n".join(variant(i, flavour) for i in range(n)).replace(
        "error number 1\"", f"error number 1 (revision {revision})\"")
    return f"#![allow(dead_code)]\n#[derive({derives})]\npub enum Generated {{\n{body}\n}}\n"


def write_crate(n, flavour, revision=0):
    crate = WORK / f"{flavour}_{n}"
    (crate / "src").mkdir(parents=True, exist_ok=True)
    (crate / "Cargo.toml").write_text(
        f'[package]\nname = "cost_{flavour}_{n}"\nversion = "0.0.0"\nedition = "2021"\n\n'
        f'[dependencies]\napierror = {{ path = "{ROOT}" }}\nthiserror = "2"\n\n[workspace]\n'
    )
    (crate / "src" / "lib.rs").write_text(source(n, flavour, revision))
    return crate


def build(crate, release, target_dir):
    cmd = ["cargo", "build", "-q"] + (["--release"] if release else [])
    env = dict(os.environ, CARGO_TARGET_DIR=str(target_dir))
    subprocess.run(cmd, cwd=crate, env=env, check=True)


def cpu_seconds():
    """CPU time of the finished child processes so far (cargo and the rustc it runs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


FLAVOURS = ("plain", "thiserror", "both")


def timed_rebuilds(n, release, target_dir, runs, wall):
    """The rebuild times of each flavour, run after run: the three flavours take turns, so
    that the machine's drift falls on all three alike."""
    crates = {f: write_crate(n, f) for f in FLAVOURS}
    for crate in crates.values():
        build(crate, release, target_dir)  # warm: dependencies and a first build
    clock = time.perf_counter if wall else cpu_seconds
    times = {f: [] for f in FLAVOURS}
    for run in range(runs):
        for flavour in FLAVOURS:
            write_crate(n, flavour, revision=run + 1)
            start = clock()
            build(crates[flavour], release, target_dir)
            times[flavour].append(clock() - start)
    return times


def quartiles(values):
    q = statistics.quantiles(values, n=4)
    return q[0], statistics.median(values), q[2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="150,1500")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--release", action="store_true")
    parser.add_argument("--wall", action="store_true", help="wall time instead of CPU time")
    args = parser.parse_args()
    target_dir = WORK / "target"
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        times = timed_rebuilds(n, args.release, target_dir, args.runs, args.wall)
        t = {f: statistics.median(v) for f, v in times.items()}
        thiserror_adds = t["thiserror"] - t["plain"]
        derive_adds = t["both"] - t["thiserror"]
        # The ratio of each run, whose three builds ran side by side.
        ratios = [(b - e) / max(e - p, 1e-9)
                  for p, e, b in zip(times["plain"], times["thiserror"], times["both"])]
        low, mid, high = quartiles(ratios)
        rows.append((n, t, thiserror_adds, derive_adds))
        print(f"{n:>6} variants: plain {t['plain']:.3f}s  thiserror {t['thiserror']:.3f}s  "
              f"both {t['both']:.3f}s  | thiserror adds {thiserror_adds:.3f}s, "
              f"ApiError adds {derive_adds:.3f}s, ratio {mid:.2f} (quartiles {low:.2f}-{high:.2f})",
              flush=True)
    if len(rows) >= 2:
        (n0, _, _, d0), (n1, _, _, d1) = rows[0], rows[-1]
        print(f"growth of the derive's addition: {d1 / max(d0, 1e-9):.1f}x for {n1 / n0:.0f}x the variants")


if __name__ == "__main__":
    main()
