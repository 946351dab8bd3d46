//! `cargo run -p catalog-cli -- <command>`: list, render, parse and document the shipped
//! catalogs. The logic lives in the library `catalog_cli`, which the tests call in-process.
//!
//! ```text
//! catalog list [--json]
//! catalog render <omise|problem|vipps|oney|google|stripe|jsonapi|microsoft> <catalog> <code>[#n] [--arg NAME=VALUE]...
//!                [--field F] [--instance PATH] [--trace-id ID] [--lang L]
//! catalog parse [--strict [--format F]] < response.txt
//! catalog docs <catalog> [--lang en|ja]
//! ```

use std::io::{Read, Write};
use std::process::ExitCode;

use catalog_cli as cli;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut stdin = Vec::new();
    // Only `parse` reads standard input; reading it for other commands would block a
    // terminal.
    if args.first().map(String::as_str) == Some("parse") {
        if let Err(e) = std::io::stdin().read_to_end(&mut stdin) {
            eprintln!("error: cannot read standard input: {e}");
            return ExitCode::from(1);
        }
    }
    let outcome = cli::run(&args, &stdin);
    // A closed pipe (`catalog list | head`) is not worth a panic.
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    ExitCode::from(outcome.code)
}
