//! `render <format> <catalog> <code>`: the full HTTP response a server would send.

use apierror::{DynamicError, RequestContext};

use super::{args, catalogs, formats, http_text, Failure};

pub fn run(rest: &[String]) -> Result<String, Failure> {
    let args = args::split(rest, &["arg", "field", "instance", "trace-id", "lang"], &[])?;
    let [format, catalog_name, spec] = args.exactly(3, "<format> <catalog> <code>")? else {
        return Err(Failure::Usage("expected <format> <catalog> <code>".into()));
    };
    let (renderer, format) = formats::renderer(format)?;
    let catalog = catalogs::catalog(catalog_name)?;
    let meta = catalogs::variant(catalog_name, catalog, spec)?;

    let mut named = Vec::new();
    for arg in args.all("arg") {
        let (name, value) = arg
            .split_once('=')
            .ok_or_else(|| Failure::Usage(format!("--arg `{arg}` is not NAME=VALUE")))?;
        named.push((name.to_owned(), value.to_owned()));
    }
    if let Some(field) = args.option("field") {
        named.push(("field".to_owned(), field.to_owned()));
    }
    let err = DynamicError::new(meta, named).map_err(|e| Failure::Lookup(e.to_string()))?;

    let mut ctx = RequestContext::new();
    let usage = |e: apierror::ContextError| Failure::Usage(e.to_string());
    if let Some(instance) = args.option("instance") {
        ctx = ctx.with_instance(instance.to_owned()).map_err(usage)?;
    }
    if let Some(trace_id) = args.option("trace-id") {
        ctx = ctx.with_trace_id(trace_id.to_owned()).map_err(usage)?;
    }
    if let Some(lang) = args.option("lang") {
        ctx = ctx.with_accept_language(lang.to_owned()).map_err(usage)?;
    }
    let response = renderer.response(format, &err, &ctx);
    Ok(http_text::write(&response))
}
