//! The derive's pre-escaped path and the formats' generic path write the same bytes: every
//! variant of every shipped catalog, in every format, rendered as derived (with its
//! compile-time `JsonParts`) and through a wrapper that hides them (so each format escapes
//! everything at run time), byte for byte.

use apierror::{ApiError, Format, Renderer, RequestContext};

use crate::support::samples::{catalog_sizes, typed};
use crate::support::{Generic, TRACE};

fn contexts() -> [RequestContext<'static>; 2] {
    [
        RequestContext::new(),
        RequestContext::new()
            .with_instance("/v1/things/1")
            .unwrap()
            .with_trace_id(TRACE)
            .unwrap(),
    ]
}

fn renderers() -> Vec<Renderer> {
    use apierror::format::{GoogleFormat, OmiseFormat, ProblemFormat};
    vec![
        Renderer::default(),
        // The Google options that change a body the derive built whole.
        Renderer::default().with_google(
            GoogleFormat::new()
                .with_domain("errors.example.com")
                .unwrap(),
        ),
        Renderer::default()
            .with_omise(
                OmiseFormat::new()
                    .with_location("https://docs.opn.ooo/api-errors")
                    .unwrap(),
            )
            .with_problem(
                ProblemFormat::new()
                    .with_code_base("https://example.com/p/")
                    .unwrap(),
            )
            .with_vipps(
                ProblemFormat::vipps()
                    .with_status_base("https://h.test/")
                    .unwrap(),
            )
            .with_google(
                GoogleFormat::new()
                    .with_domain("errors.example.com")
                    .unwrap()
                    .with_retry_delay(std::time::Duration::from_millis(1500)),
            ),
    ]
}

/// Renders every variant of `E` that a sample rebuilds, both ways, in every format; returns
/// how many variants were compared.
fn compare<E: ApiError>() -> usize {
    let mut compared = 0;
    for meta in E::catalog().variants {
        // Text with a quote and a backslash where the fields take text, else a number; a
        // field with a quote: escaping is exercised.
        let Some((typed, _)) = typed::<E>(meta, &["7 \"q\" \\", "7"], "purchase.\"sample\"") else {
            continue;
        };
        for renderer in renderers() {
            for ctx in contexts() {
                for format in Format::BUILT_IN {
                    let (mut fast, mut generic) = (Vec::new(), Vec::new());
                    renderer.render(format, &typed, &ctx, &mut fast);
                    renderer.render(format, &Generic(&typed), &ctx, &mut generic);
                    assert_eq!(
                        String::from_utf8(fast).unwrap(),
                        String::from_utf8(generic).unwrap(),
                        "{} {} in {format}",
                        E::catalog().name,
                        meta.name
                    );
                }
            }
        }
        compared += 1;
    }
    compared
}

#[test]
fn both_paths_write_the_same_bytes_for_every_catalog_entry() {
    assert_eq!(every_catalog!(compare()).to_vec(), catalog_sizes());
}
