//! Rendering into a buffer with room allocates nothing. A binary of its own: it counts
//! allocations through its global allocator.

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use apierror::{ApiError, Format, Renderer, RequestContext};
use support::*;

/// Counts allocations per thread, so tests running in parallel do not disturb each other.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|a| a.set(a.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|a| a.set(a.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn the_counter_counts_one_allocation() {
    let count = allocations(|| drop(std::hint::black_box(Vec::<u8>::with_capacity(16))));
    assert_eq!(count, 1);
}

/// Choosing the language among an error's and writing it in that language allocate nothing.
#[test]
fn a_localized_body_renders_without_allocating() {
    let renderer = Renderer::default();
    let cart = Cart::NotFound { id: 7 };
    for preferences in [
        "ja",
        "ja-JP, en;q=0.5",
        "th, ja;q=0.5",
        "fr, *;q=0.1",
        "th;q=0, ja",
        "zh-Hant-TW, ja",
        &"xx, ".repeat(100),
    ] {
        let ctx = RequestContext::new()
            .with_accept_language(preferences)
            .unwrap();
        for format in Format::BUILT_IN {
            let mut buf = Vec::with_capacity(4096);
            let count = allocations(|| renderer.render(format, &cart, &ctx, &mut buf));
            assert_eq!(count, 0, "{format} for {preferences:?}");
        }
    }
}

#[test]
fn every_format_renders_without_allocating_into_a_buffer_with_room() {
    let renderer = Renderer::default();
    let ctx = RequestContext::new()
        .with_instance("/v1/payments/1/capture")
        .unwrap()
        .with_trace_id(TRACE)
        .unwrap()
        .with_extension("account", "acct_1")
        .unwrap();
    let templated = ChargeError::InvalidCharge {
        min: 2000,
        currency: HOSTILE.to_owned(),
    };
    let field = OneyError::Invalid {
        field: "purchase.amount".into(),
        value: "🦀".repeat(1200),
    };
    let payment = PaymentError::InvalidAmount {
        field: "amount.value",
        got: "1.5".into(),
    };
    let errors: [&dyn ApiError; 4] = [&templated, &field, &payment, &ChargeError::UsedToken];
    let mut buf = Vec::with_capacity(64 * 1024);
    for format in Format::BUILT_IN {
        for n in 0..=errors.len() {
            buf.clear();
            let count = allocations(|| renderer.render_all(format, &errors[..n], &ctx, &mut buf));
            assert_eq!(count, 0, "{format} with {n} errors allocated");
        }
    }
    let count = allocations(|| {
        let mut headers = http::HeaderMap::new();
        let _ = renderer.negotiate_headers(&headers);
        headers.clear();
    });
    assert_eq!(count, 0, "negotiation allocated");
}

#[test]
fn building_a_response_allocates_the_body_and_the_header_map() {
    let renderer = Renderer::default();
    let english = RequestContext::new()
        .with_instance("/v1/payments/1/capture")
        .unwrap();
    let japanese = english.clone().with_accept_language("ja").unwrap();
    let cart = Cart::NotFound { id: 7 };
    for format in Format::BUILT_IN {
        for (err, ctx, language) in [
            (&ChargeError::UsedToken as &dyn ApiError, &english, "en"),
            // English only: the preference changes nothing.
            (&ChargeError::UsedToken, &japanese, "en"),
            (&cart, &japanese, "ja"),
        ] {
            let count =
                allocations(|| drop(std::hint::black_box(renderer.response(format, err, ctx))));
            println!("{format} ({language}): building an http::Response allocated {count} times");
            // The body's buffer (one, sized for a typical body) and the header map's two
            // tables; a `Content-Language` other than the static `en` adds its value. A
            // localized Google body carries both messages: its buffer grows once, and its
            // `Content-Language` (`en, ja`) is formatted.
            let expected = match (format, language) {
                (_, "en") => 3,
                (Format::Google, _) => 6,
                _ => 4,
            };
            assert_eq!(count, expected, "{format} ({language})");
        }
    }
}

/// An error written in Japanese too.
#[derive(Debug, ApiError)]
enum Cart {
    #[status(404)]
    #[code("cart_not_found")]
    #[message("cart {id} was not found")]
    #[message(ja = "カート {id} が見つかりません")]
    #[title(ja = "カートが見つかりません")]
    NotFound { id: u64 },
}
