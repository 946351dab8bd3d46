//! The catalog command, callable in-process: arguments and standard input in, an
//! [`Outcome`] out. Nothing here prints or exits.

mod args;
mod catalogs;
mod docs;
mod formats;
mod http_text;
mod list;
mod parse;
mod render;

/// What a run of the command produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The exit status: 0 success, 1 unreadable input, 2 usage or lookup error.
    pub code: u8,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// A failure, with the exit status it maps to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Wrong arguments: exit 2, with the usage text.
    Usage(String),
    /// Unknown catalog or code, missing template arguments: exit 2.
    Lookup(String),
    /// Input that cannot be read: exit 1.
    Input(String),
}

pub const USAGE: &str = "\
usage: catalog list [--json]
       catalog render <omise|problem|vipps|oney|google|stripe|jsonapi|microsoft> <catalog> <code>[#n] [--arg NAME=VALUE]... [--field F] [--instance PATH] [--trace-id ID] [--lang L]
       catalog parse [--strict [--format F]] < response.txt
       catalog docs <catalog> [--lang en|ja]
";

/// Runs the command line `args` (without the program name) with `stdin` as input.
pub fn run(args: &[String], stdin: &[u8]) -> Outcome {
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => return failed(Failure::Usage("no command given".into())),
    };
    let result = match command {
        "list" => list::run(rest),
        "render" => render::run(rest),
        "parse" => parse::run(rest, stdin),
        "docs" => docs::run(rest),
        "help" | "--help" | "-h" => Ok(USAGE.to_owned()),
        other => Err(Failure::Usage(format!("unknown command `{other}`"))),
    };
    match result {
        Ok(stdout) => Outcome {
            code: 0,
            stdout,
            stderr: String::new(),
        },
        Err(failure) => failed(failure),
    }
}

fn failed(failure: Failure) -> Outcome {
    let (code, stderr) = match failure {
        Failure::Usage(message) => (2, format!("error: {message}\n{USAGE}")),
        Failure::Lookup(message) => (2, format!("error: {message}\n")),
        Failure::Input(message) => (1, format!("error: {message}\n")),
    };
    Outcome {
        code,
        stdout: String::new(),
        stderr,
    }
}
