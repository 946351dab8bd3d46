//! Finding catalogs and variants by name, with suggestions for near misses.

use apierror::{Catalog, Format, VariantMeta};

use super::Failure;

/// Catalogs whose statuses document a code rather than a response status: Omise sends
/// transfer failure codes inside a transfer object, with no status of their own.
const DOCUMENTARY_STATUS: &[&str] = &["omise_transfer_failure"];

/// The status `list` shows for a variant of catalog `name`: `None` where it is only
/// documentary.
pub fn listed_status(name: &str, meta: &VariantMeta) -> Option<u16> {
    (!DOCUMENTARY_STATUS.contains(&name)).then_some(meta.status)
}

/// The wire format a shipped catalog's provider speaks.
pub fn native_format(name: &str) -> Format {
    if name.starts_with("oney") {
        Format::Oney
    } else if name.starts_with("vipps") {
        Format::Vipps
    } else {
        Format::Omise
    }
}

/// The catalog with module name `name`.
pub fn catalog(name: &str) -> Result<&'static Catalog, Failure> {
    let all = apierror_catalog::all();
    all.iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .ok_or_else(|| {
            let names = all.iter().map(|(n, _)| *n);
            Failure::Lookup(format!(
                "unknown catalog `{name}`; {}",
                did_you_mean(name, names)
            ))
        })
}

/// The variant `spec` names in `catalog`: `code`, or `code#n` for the n-th (from 1) of a
/// repeated code.
pub fn variant(
    catalog_name: &str,
    catalog: &'static Catalog,
    spec: &str,
) -> Result<&'static VariantMeta, Failure> {
    let (code, nth) = match spec.rsplit_once('#') {
        Some((code, n)) => match n.parse::<usize>() {
            Ok(n) if n >= 1 => (code, n),
            _ => return Err(Failure::Usage(format!("`#{n}` is not a number from 1"))),
        },
        None => (spec, 1),
    };
    let found: Vec<_> = catalog.find_all(code).collect();
    if found.is_empty() {
        let codes = catalog.variants.iter().map(|v| v.code);
        return Err(Failure::Lookup(format!(
            "unknown code `{code}` in catalog `{catalog_name}`; {}",
            did_you_mean(code, codes)
        )));
    }
    found.get(nth - 1).copied().ok_or_else(|| {
        Failure::Lookup(format!(
            "`{code}` appears {} time(s) in `{catalog_name}`, there is no #{nth}",
            found.len()
        ))
    })
}

/// "did you mean `a`, `b` or `c`?": the three names closest to `wanted` by edit distance.
fn did_you_mean<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> String {
    let close = suggestions(wanted, names);
    match close.as_slice() {
        [] => "run `catalog list` to see every name".to_owned(),
        [one] => format!("did you mean `{one}`?"),
        [init @ .., last] => {
            let init: Vec<_> = init.iter().map(|n| format!("`{n}`")).collect();
            format!("did you mean {} or `{last}`?", init.join(", "))
        }
    }
}

/// Up to three distinct names closest to `wanted` (case-insensitive edit distance, ties in
/// catalog order), leaving out those that share too little with it to help.
pub fn suggestions<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(usize, &str)> = Vec::new();
    for name in names {
        if scored.iter().any(|(_, n)| *n == name) {
            continue;
        }
        let distance = strsim::levenshtein(&wanted, &name.to_lowercase());
        // Further than half the longer name is a different word, not a typo.
        if distance * 2 <= wanted.chars().count().max(name.chars().count()) {
            scored.push((distance, name));
        }
    }
    scored.sort_by_key(|(d, _)| *d);
    scored.into_iter().take(3).map(|(_, n)| n).collect()
}
