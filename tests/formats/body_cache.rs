//! A format that writes nothing of the request (`WireFormat::varies_by_request` is `false`)
//! is written once per static variant and copied after; anything that can change between
//! answers (a field's value, a translation, a validation failure, the request) is written
//! every time.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use apierror::format::{Body, Carries, JsonWriter, WireFormat};
use apierror::validation::ValidationFailure;
use apierror::{ApiError, FieldPath, FieldViolation, Format, Renderer, RequestContext, Rule};

/// `{"code","message"}`, counting its writes.
#[derive(Debug, Clone)]
struct Counted {
    writes: Arc<AtomicUsize>,
    varies: bool,
}

impl WireFormat for Counted {
    fn name(&self) -> &'static str {
        "counted"
    }

    fn media_type(&self) -> &'static str {
        "application/vnd.counted+json"
    }

    fn carries(&self) -> Carries {
        Carries::ONE
    }

    fn varies_by_request(&self) -> bool {
        self.varies
    }

    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        self.writes.fetch_add(1, Ordering::Relaxed);
        let err = body.first();
        let mut w = JsonWriter::new(out);
        w.raw(r#"{"code":"#);
        w.code(err);
        w.raw(r#","message":"#);
        w.message(err, body.message_language(err));
        w.raw("}");
    }
}

#[derive(Debug, ApiError)]
enum CartError {
    #[status(409)]
    #[code("cart_locked")]
    #[message("the cart is being checked out")]
    #[message(th = "ตะกร้ากำลังชำระเงิน")]
    Locked,

    #[status(410)]
    #[code("cart_gone")]
    #[message("the cart is gone")]
    Gone,

    #[status(404)]
    #[code("cart_not_found")]
    #[message("cart {id} was not found")]
    NotFound { id: u64 },
}

const COUNTED: Format = Format::named("counted");

fn renderer(varies: bool) -> (Renderer, Arc<AtomicUsize>) {
    let writes = Arc::new(AtomicUsize::new(0));
    let format = Counted {
        writes: Arc::clone(&writes),
        varies,
    };
    let renderer = Renderer::new(COUNTED).with_format(format).unwrap();
    (renderer, writes)
}

fn body(renderer: &Renderer, err: &dyn ApiError, ctx: &RequestContext<'_>) -> String {
    let mut out = Vec::new();
    renderer.render(COUNTED, err, ctx, &mut out);
    String::from_utf8(out).unwrap()
}

#[test]
fn a_static_variant_is_written_once_and_copied() {
    let (renderer, writes) = renderer(false);
    let ctx = RequestContext::new();
    let expected = r#"{"code":"cart_locked","message":"the cart is being checked out"}"#;
    for _ in 0..3 {
        assert_eq!(body(&renderer, &CartError::Locked, &ctx), expected);
    }
    assert_eq!(writes.load(Ordering::Relaxed), 1);
    // Through a response too, and from a clone of the renderer.
    let res = renderer.clone().response(COUNTED, &CartError::Locked, &ctx);
    assert_eq!(res.body(), expected.as_bytes());
    assert_eq!(writes.load(Ordering::Relaxed), 1);
}

#[test]
fn a_variant_without_translations_is_copied_whatever_the_request_prefers() {
    let (renderer, writes) = renderer(false);
    let thai = RequestContext::new().with_accept_language("th").unwrap();
    for ctx in [RequestContext::new(), thai] {
        assert_eq!(
            body(&renderer, &CartError::Gone, &ctx),
            r#"{"code":"cart_gone","message":"the cart is gone"}"#
        );
    }
    assert_eq!(writes.load(Ordering::Relaxed), 1);
}

#[test]
fn what_can_change_is_written_every_time() {
    let (renderer, writes) = renderer(false);
    let ctx = RequestContext::new();
    assert_eq!(
        body(&renderer, &CartError::NotFound { id: 7 }, &ctx),
        r#"{"code":"cart_not_found","message":"cart 7 was not found"}"#
    );
    assert_eq!(
        body(&renderer, &CartError::NotFound { id: 8 }, &ctx),
        r#"{"code":"cart_not_found","message":"cart 8 was not found"}"#
    );
    assert_eq!(writes.load(Ordering::Relaxed), 2);

    // A translation chosen by the request.
    let thai = RequestContext::new().with_accept_language("th").unwrap();
    assert_eq!(
        body(&renderer, &CartError::Locked, &thai),
        r#"{"code":"cart_locked","message":"ตะกร้ากำลังชำระเงิน"}"#
    );
    assert_eq!(
        body(&renderer, &CartError::Locked, &ctx),
        r#"{"code":"cart_locked","message":"the cart is being checked out"}"#
    );
    assert_eq!(writes.load(Ordering::Relaxed), 4);

    // A validation failure under a static summary.
    let violation =
        |name| FieldViolation::new(FieldPath::new().key(name), "required", Rule::Required);
    let one = ValidationFailure::new([violation("a")]);
    let other = ValidationFailure::new([violation("b")]);
    assert_eq!(body(&renderer, &one, &ctx), body(&renderer, &other, &ctx));
    assert_eq!(writes.load(Ordering::Relaxed), 6);
}

#[test]
fn a_format_that_may_vary_is_always_written() {
    let (renderer, writes) = renderer(true);
    let ctx = RequestContext::new();
    for _ in 0..3 {
        body(&renderer, &CartError::Locked, &ctx);
    }
    assert_eq!(writes.load(Ordering::Relaxed), 3);
}
