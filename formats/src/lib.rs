//! # apierror-formats
//!
//! Three more wire formats for [`apierror`](https://docs.rs/apierror), each a value
//! implementing the runtime's public [`WireFormat`](apierror_runtime::format::WireFormat)
//! trait, and nothing else: this crate reaches no hidden item of the runtime, so anything
//! it does a format of your own can do too.
//!
//! | format | type | body | `Content-Type` |
//! |---|---|---|---|
//! | Stripe | [`Stripe`] | `{"error":{"type","code","message","param","doc_url"}}` | `application/json; charset=utf-8` |
//! | JSON:API 1.1 | [`JsonApi`] | `{"errors":[{"status","code","title","detail","source":{"pointer"}}]}` | `application/vnd.api+json` |
//! | Microsoft REST API guidelines | [`Microsoft`] | `{"error":{"code","message","target","details":[…]}}` and `x-ms-error-code` | `application/json; charset=utf-8` |
//!
//! A validation failure (`apierror::validation::ValidationFailure`) is written in each as
//! far as the format goes: Stripe sends one error, the failure's code with the first
//! invalid field's message and `param`; JSON:API one error object per invalid field, and
//! `"meta":{"omitted":N}` where the failure left some out; Microsoft the failure at the
//! top and every invalid field in `details`. Each writes a path in its own notation:
//! `items[2][sku]`, `/data/attributes/items/2/sku`, `items[2].sku`.
//!
//! Each format's file holds its options, its writer, its `Serialize` view, its reader
//! (detection and reading, strict or lenient), its JSON Schema and its headers. What they
//! share: `notation.rs` writes and reads an error's field in each format's notation
//! (`items[0][price]`, `/data/attributes/items/0/price`, `items[0].price`), `read.rs` takes
//! members out of a received object, `view.rs` streams text into a `Serialize` view, and
//! `meta.rs` reads per-variant facts a format needs beyond the derive's.
//!
//! Register a format on a renderer to answer with it, and on a decoder to read it back;
//! the facade re-exports the types as `apierror::format::{Stripe, JsonApi, Microsoft}`.
//!
//! ```
//! use apierror::format::Stripe;
//! use apierror::parse::{DecodeOptions, Decoder};
//! use apierror::{ApiError, Format, Renderer, RequestContext};
//!
//! #[derive(Debug, PartialEq, ApiError)]
//! enum PayError {
//!     #[status(402)]
//!     #[code("card_declined")]
//!     #[message("your card was declined")]
//!     Declined,
//! }
//!
//! let renderer = Renderer::new(Format::named("stripe")).with_format(Stripe::new())?;
//! let res = renderer.response(Format::named("stripe"), &PayError::Declined, &RequestContext::new());
//! assert_eq!(res.status(), 402);
//! assert_eq!(
//!     std::str::from_utf8(res.body()).unwrap(),
//!     r#"{"error":{"type":"card_error","code":"card_declined","message":"your card was declined"}}"#
//! );
//!
//! let decoder = Decoder::new().with_format(Stripe::new())?;
//! let decoded = decoder.decode::<PayError>(402, res.headers(), res.body(), &DecodeOptions::default());
//! assert_eq!(decoded.typed(), Some(&PayError::Declined));
//! # Ok::<(), apierror::format::FormatError>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod jsonapi;
mod meta;
mod microsoft;
mod notation;
mod put;
mod read;
mod status;
mod stripe;
mod view;

pub use jsonapi::JsonApi;
pub use microsoft::Microsoft;
pub use stripe::{Stripe, StripeType};
