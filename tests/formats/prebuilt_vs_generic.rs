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

/// Integers of every width a template prints (their digits written without the
/// formatting machinery) and text fields (escaped straight from `field_text`): the same
/// bytes as through `Display`, in every built-in and shipped format, down to each type's
/// extremes.
#[test]
fn integer_and_text_fields_write_what_display_prints() {
    use apierror::format::{JsonApi, Microsoft, Stripe};

    #[derive(Debug, ApiError)]
    enum Limits {
        #[status(422)]
        #[code("out_of_range")]
        #[message("{a} {b} {c} {d} {e} {f} {g} {h} for {field}")]
        OutOfRange {
            a: i8,
            b: u8,
            c: i16,
            d: i32,
            e: i64,
            f: u64,
            g: i128,
            h: usize,
            #[field]
            field: String,
        },
        #[status(400)]
        #[code("constant")]
        #[message("bad")]
        #[field("items[0].price")]
        Constant,
    }

    let low = Limits::OutOfRange {
        a: i8::MIN,
        b: u8::MAX,
        c: i16::MIN,
        d: -1,
        e: i64::MIN,
        f: u64::MAX,
        g: i128::MIN,
        h: 0,
        field: "a \"b\"\\c".into(),
    };
    assert_eq!(low.field_text(), Some("a \"b\"\\c"));
    assert_eq!(Limits::Constant.field_text(), Some("items[0].price"));
    let ctx = RequestContext::new();
    let mut omise = Vec::new();
    Renderer::new(Format::Omise).render(Format::Omise, &low, &ctx, &mut omise);
    assert_eq!(
        String::from_utf8(omise).unwrap(),
        concat!(
            r#"{"object":"error","location":"https://www.omise.co/api-errors#out-of-range","code":"out_of_range","#,
            r#""message":"-128 255 -32768 -1 -9223372036854775808 18446744073709551615 "#,
            r#"-170141183460469231731687303715884105728 0 for a \"b\"\\c"}"#
        )
    );
    // Stripe and Microsoft share `application/json`: one renderer each.
    let renderers = [
        Renderer::default().with_format(Stripe::new()).unwrap(),
        Renderer::default().with_format(JsonApi::new()).unwrap(),
        Renderer::default().with_format(Microsoft::new()).unwrap(),
    ];
    let formats = Format::BUILT_IN
        .map(|format| (format, &renderers[0]))
        .into_iter()
        .chain(
            ["stripe", "jsonapi", "microsoft"]
                .map(Format::named)
                .into_iter()
                .zip(&renderers),
        );
    for (format, renderer) in formats {
        for err in [&low as &dyn ApiError, &Limits::Constant] {
            let (mut fast, mut generic) = (Vec::new(), Vec::new());
            renderer.render(format, err, &ctx, &mut fast);
            renderer.render(format, &Generic(err), &ctx, &mut generic);
            assert_eq!(
                String::from_utf8(fast).unwrap(),
                String::from_utf8(generic).unwrap(),
                "{format}"
            );
        }
    }
}
