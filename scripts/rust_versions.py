#!/usr/bin/env python3
"""The Rust version each feature of the facade needs, read from the lockfile's dependency graph.

A feature needs the highest `rust-version` any package it builds declares (normal and build
dependencies, proc-macros included: the same compiler builds them all). A direct dependency's own
`rust-version` can understate it: a newer release of a crate under it may ask for more.

Usage: python3 scripts/rust_versions.py   (from the repository root; prints a Markdown table)

The figures hold for the versions in Cargo.lock. An older toolchain can still build a feature
where cargo's MSRV-aware resolver finds older releases that fit (`resolver = "3"`, or
`CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback`); this script does not try that.
"""

import json
import re
import subprocess

FEATURES = ["", "axum", "actix-web", "utoipa", "reqwest", "wiremock", "tonic", "validator", "garde"]
# Not a feature: what this repository's own tests, examples and benches build.
DEVELOPMENT = "development"


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def declared_rust_versions():
    """(name, version) of every package in the lockfile's graph -> its declared rust-version."""
    meta = json.loads(run("cargo", "metadata", "--format-version", "1", "--all-features"))
    return {(p["name"], p["version"]): p.get("rust_version") for p in meta["packages"]}


def packages_built(feature):
    """(name, version) of every package that building the facade with `feature` compiles."""
    args = ["cargo", "tree", "-p", "apierror", "-e", "normal,build", "--no-default-features"]
    if feature == DEVELOPMENT:
        args = ["cargo", "tree", "--workspace", "-e", "normal,build,dev", "--all-features"]
    elif feature:
        args += ["--features", feature]
    out = run(*args, "--prefix", "none", "--format", "{p}")
    packages = set()
    for line in out.splitlines():
        found = re.match(r"(\S+) v(\S+)", line)
        if found:
            packages.add((found.group(1), found.group(2)))
    return packages


def as_tuple(version):
    return tuple(int(part) for part in version.split("."))


def main():
    declared = declared_rust_versions()
    print("| feature | needs Rust | declared by |")
    print("|---|---|---|")
    for feature in FEATURES + [DEVELOPMENT]:
        needs = [(declared.get(p), p) for p in packages_built(feature)]
        needs = [(v, p) for v, p in needs if v]
        highest = max(as_tuple(v) for v, _ in needs)
        by = sorted(f"{name} {version}" for v, (name, version) in needs if as_tuple(v) == highest)
        label = {"": "(none)", DEVELOPMENT: "tests, examples, benches"}.get(feature, f"`{feature}`")
        print(f"| {label} | {'.'.join(map(str, highest[:2]))} | {', '.join(by)} |")


if __name__ == "__main__":
    main()
