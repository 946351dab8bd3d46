//! `list [--json]`: every variant of every shipped catalog.

use serde::Serialize;

use super::{args, catalogs, Failure};

/// One row of `list --json`.
#[derive(Serialize)]
struct Row {
    catalog: &'static str,
    variant: &'static str,
    code: &'static str,
    status: Option<u16>,
    title: &'static str,
    message: Option<&'static str>,
}

fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    for (name, catalog) in apierror_catalog::all() {
        for meta in catalog.variants {
            rows.push(Row {
                catalog: name,
                variant: meta.name,
                code: meta.code,
                status: catalogs::listed_status(name, meta),
                title: meta.title,
                message: meta.message,
            });
        }
    }
    rows
}

pub fn run(rest: &[String]) -> Result<String, Failure> {
    let args = args::split(rest, &[], &["json"])?;
    args.exactly(0, "no arguments")?;
    let rows = rows();
    if args.flag("json") {
        // One entry per line: greppable, and still one JSON array.
        let lines: Vec<String> = rows
            .iter()
            .map(|r| serde_json::to_string(r).unwrap_or_default())
            .collect();
        return Ok(format!("[\n{}\n]\n", lines.join(",\n")));
    }
    Ok(table(&rows))
}

fn table(rows: &[Row]) -> String {
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            [
                r.catalog.to_owned(),
                r.code.to_owned(),
                r.status.map_or_else(|| "-".to_owned(), |s| s.to_string()),
                r.variant.to_owned(),
                r.title.to_owned(),
            ]
        })
        .collect();
    let header = ["CATALOG", "CODE", "STATUS", "VARIANT", "TITLE"].map(String::from);
    let mut widths = [0usize; 5];
    for row in std::iter::once(&header).chain(&cells) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&cells) {
        let mut line = String::new();
        for (i, (w, cell)) in widths.iter().zip(row).enumerate() {
            if i + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(&format!("{cell:<w$}  "));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
