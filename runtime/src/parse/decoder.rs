//! [`Decoder`]: the formats a client reads, the built-ins and its own, and the detection
//! that picks one for a received body.

use std::sync::{Arc, OnceLock};

use serde_json::{Map, Value};

use super::{ParseError, ReadMode, ReceivedBody};
use crate::format::Format;
use crate::format::{
    Confidence, FormatError, GoogleFormat, OmiseFormat, OneyFormat, ProblemFormat, WireFormat,
};

/// The wire formats a client reads received bodies in: the five built-ins, and formats of
/// its own added with [`Decoder::with_format`].
///
/// A body is read by the format most sure of it ([`WireFormat::detect`]); between equally
/// sure formats, by the one whose reading names a code the caller's catalog declares
/// ([`Decoder::decode`]), else by the one added first. The free functions
/// [`decode`](super::decode), [`decode_response`](super::decode_response) and
/// [`parse`](super::parse) use a decoder of the built-ins alone.
///
/// ```
/// use apierror::parse::{DecodeOptions, Decoder};
/// use apierror::format::{Confidence, ParseError, ReadMode, ReceivedBody, WireFormat, Body};
/// use apierror::Format;
/// use serde_json::{Map, Value};
///
/// #[derive(Debug)]
/// struct Acme;
/// impl WireFormat for Acme {
///     fn name(&self) -> &'static str { "acme" }
///     fn write(&self, _: &Body<'_>, out: &mut Vec<u8>) { out.extend_from_slice(b"{}") }
///     fn detect(&self, object: &Map<String, Value>, _: &str) -> Confidence {
///         if object.contains_key("acme_error") { Confidence::CERTAIN } else { Confidence::NONE }
///     }
///     fn read(&self, mut object: Map<String, Value>, _: ReadMode) -> Result<ReceivedBody, ParseError> {
///         let mut body = ReceivedBody::new(Format::named("acme"));
///         body.code = object.remove("acme_error").and_then(|v| v.as_str().map(str::to_owned));
///         Ok(body)
///     }
/// }
///
/// let decoder = Decoder::new().with_format(Acme)?;
/// let response = decoder.decode_response(409, &http::HeaderMap::new(), br#"{"acme_error":"taken"}"#, &DecodeOptions::default());
/// assert_eq!(response.format(), Some(Format::named("acme")));
/// assert_eq!(response.code(), Some("taken"));
/// # Ok::<(), apierror::format::FormatError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Decoder {
    formats: Vec<Arc<dyn WireFormat>>,
    /// The Omise format among `formats`, by its type: the Omise fast path asks it how a
    /// code names a declared one ([`WireFormat::code_match`]) without a call through the
    /// vtable for each variant.
    omise: Arc<OmiseFormat>,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder::new()
    }
}

impl Decoder {
    /// A decoder of the five built-in formats.
    pub fn new() -> Self {
        let omise = Arc::new(OmiseFormat::new());
        let formats: Vec<Arc<dyn WireFormat>> = vec![
            omise.clone(),
            Arc::new(ProblemFormat::new()),
            Arc::new(ProblemFormat::vipps()),
            Arc::new(OneyFormat::new()),
            Arc::new(GoogleFormat::new()),
        ];
        Decoder { formats, omise }
    }

    /// The Omise format, which reads the bodies of the fast path.
    pub(crate) fn omise(&self) -> &OmiseFormat {
        &self.omise
    }

    /// The decoder of the built-ins the free functions share.
    pub(crate) fn built_in() -> &'static Decoder {
        static BUILT_IN: OnceLock<Decoder> = OnceLock::new();
        BUILT_IN.get_or_init(Decoder::new)
    }

    /// A decoder of the five built-in formats, made once and shared: what
    /// [`decode`](super::decode) uses, for adapters that take a decoder.
    pub fn built_in_ref() -> &'static Decoder {
        Decoder::built_in()
    }

    /// Adds `format`, read after the formats added before where it is no surer of a body
    /// than they are. Refused where its name is taken.
    pub fn with_format(mut self, format: impl WireFormat) -> Result<Self, FormatError> {
        let name = format.name();
        if self.format(Format::named(name)).is_some() {
            return Err(FormatError::NameTaken(name));
        }
        self.formats.push(Arc::new(format));
        Ok(self)
    }

    /// Every format read, the built-ins first.
    pub fn formats(&self) -> impl Iterator<Item = &dyn WireFormat> + '_ {
        self.formats.iter().map(|f| &**f)
    }

    /// The format named by `format`, if this decoder reads it.
    pub fn format(&self, format: Format) -> Option<&dyn WireFormat> {
        let name = format.name();
        self.formats().find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// The formats most sure of `object` (sent with `media_type`), in the order added;
    /// empty where none could have written it.
    pub fn detect<'d>(
        &'d self,
        object: &Map<String, Value>,
        media_type: &str,
    ) -> impl Iterator<Item = &'d dyn WireFormat> + 'd {
        let confidence = |f: &dyn WireFormat| f.detect(object, media_type);
        let best = self
            .formats()
            .map(confidence)
            .max()
            .unwrap_or(Confidence::NONE);
        let sure: Vec<&dyn WireFormat> = match best.is_some() {
            true => self.formats().filter(|f| confidence(*f) == best).collect(),
            false => Vec::new(),
        };
        sure.into_iter()
    }

    /// Reads `object` in the format most sure of it; between equals, the first whose
    /// reading `declared` accepts (a code the caller's catalog knows, by the rule of the
    /// format that read it), else the first. `None` where no format could have written it;
    /// else the format that read it, and what it read.
    pub(crate) fn read<'d>(
        &'d self,
        object: Map<String, Value>,
        media_type: &str,
        mode: ReadMode,
        declared: &dyn Fn(&dyn WireFormat, &ReceivedBody) -> bool,
    ) -> Option<(&'d dyn WireFormat, Result<ReceivedBody, ParseError>)> {
        let mut sure = self.detect(&object, media_type);
        let first = sure.next()?;
        let Some(second) = sure.next() else {
            return Some((first, first.read(object, mode)));
        };
        let mut first_read = None;
        for format in [first, second].into_iter().chain(sure) {
            let read = format.read(object.clone(), mode);
            if matches!(&read, Ok(body) if declared(format, body)) {
                return Some((format, read));
            }
            first_read.get_or_insert((format, read));
        }
        first_read
    }
}
