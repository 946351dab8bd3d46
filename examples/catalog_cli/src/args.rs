//! Hand-rolled option parsing: positional arguments and `--name value` options, nothing
//! more is needed.

use super::Failure;

/// Positional arguments and options, in the order given.
pub struct Args {
    pub positional: Vec<String>,
    pub options: Vec<(String, String)>,
    pub flags: Vec<String>,
}

/// Splits `args`: names in `with_value` take the next argument (or `--name=value`),
/// names in `flags` take none; any other `--name` is an error.
pub fn split(args: &[String], with_value: &[&str], flags: &[&str]) -> Result<Args, Failure> {
    let mut out = Args {
        positional: Vec::new(),
        options: Vec::new(),
        flags: Vec::new(),
    };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let Some(name) = arg.strip_prefix("--") else {
            out.positional.push(arg.clone());
            continue;
        };
        let (name, inline) = match name.split_once('=') {
            Some((n, v)) => (n, Some(v.to_owned())),
            None => (name, None),
        };
        if flags.contains(&name) && inline.is_none() {
            out.flags.push(name.to_owned());
        } else if with_value.contains(&name) {
            let value = match inline {
                Some(v) => v,
                None => iter
                    .next()
                    .cloned()
                    .ok_or_else(|| Failure::Usage(format!("--{name} needs a value")))?,
            };
            out.options.push((name.to_owned(), value));
        } else {
            return Err(Failure::Usage(format!("unknown option --{name}")));
        }
    }
    Ok(out)
}

impl Args {
    /// The last value of option `name`.
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of option `name`, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.options
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    /// Exactly `n` positional arguments, named in `what` for the error.
    pub fn exactly(&self, n: usize, what: &str) -> Result<&[String], Failure> {
        if self.positional.len() == n {
            Ok(&self.positional)
        } else {
            Err(Failure::Usage(format!(
                "expected {what}, got {} argument(s)",
                self.positional.len()
            )))
        }
    }
}
