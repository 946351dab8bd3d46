//! The request context a body is rendered for: instance path, trace id, the request's
//! language preferences and extra problem members. Passed in explicitly, never read from
//! globals. Validation only: how a value is written is each format's business.

use std::borrow::Cow;

use crate::request::preferences::Preferences;

/// Why a context value was refused.
///
/// Every value that reaches a header or a body is checked when it is set, so that a CR, LF
/// or other control character can never be written raw into a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ContextError {
    /// The value is empty.
    #[error("{what} is empty")]
    Empty {
        /// Which value: `instance`, `trace id`, …
        what: &'static str,
    },
    /// The value holds a control character (CR, LF, NUL, DEL, …).
    #[error("{what} contains a control character at byte {at}")]
    ControlCharacter {
        /// Which value.
        what: &'static str,
        /// Byte offset of the character.
        at: usize,
    },
    /// The value holds whitespace where a URI or token allows none.
    #[error("{what} contains whitespace at byte {at}")]
    Whitespace {
        /// Which value.
        what: &'static str,
        /// Byte offset of the character.
        at: usize,
    },
    /// The value is longer than allowed.
    #[error("{what} is {len} bytes long, at most {max} are allowed")]
    TooLong {
        /// Which value.
        what: &'static str,
        /// Its length in bytes.
        len: usize,
        /// The maximum in bytes.
        max: usize,
    },
    /// An extension member name is not letters, digits and `_`, starting with a letter.
    #[error("extension member name must start with a letter and hold only ASCII letters, digits and `_`")]
    ExtensionName,
    /// An extension member name is one the problem formats write themselves.
    #[error("extension member name `{0}` is reserved by the problem format")]
    ReservedName(&'static str),
}

/// Most a context value may hold, in bytes: far above any real path or trace id, low enough
/// to keep a hostile value from bloating every error body.
const MAX_VALUE_LEN: usize = 2048;

/// Member names the problem formats write themselves; an extension may not reuse them.
const RESERVED: &[&str] = &[
    "type",
    "title",
    "status",
    "detail",
    "instance",
    "code",
    "errors",
    "traceId",
    "extraDetails",
];

/// Per-request values a body is rendered with.
///
/// Every setter validates its value and returns a [`ContextError`] rather than let a control
/// character reach a header or body. Borrowed values cost nothing; owned `String`s make a
/// `RequestContext<'static>` that can travel with an error.
///
/// ```
/// use apierror::RequestContext;
///
/// let ctx = RequestContext::new()
///     .with_instance("/v1/payments/577531734343670112/capture")?
///     .with_trace_id("00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01")?
///     .with_accept_language("ja-JP, en;q=0.8")?;
/// assert_eq!(ctx.accept_language(), Some("ja-JP, en;q=0.8"));
/// assert!(RequestContext::new().with_instance("/a\r\nSet-Cookie: x").is_err());
/// # Ok::<(), apierror::ContextError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestContext<'a> {
    instance: Option<Cow<'a, str>>,
    trace_id: Option<Cow<'a, str>>,
    accept_language: Option<Cow<'a, str>>,
    /// The ranges of `accept_language`, parsed once when it is set.
    preferences: Preferences,
    extensions: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// Whether `instance` has no quote or backslash: checked once when it is set, so a
    /// format may copy it into a quoted string as is (control characters are refused
    /// already).
    instance_plain: bool,
    /// The same for `trace_id`.
    trace_id_plain: bool,
}

impl<'a> RequestContext<'a> {
    /// An empty context: no instance, no trace id, no language preference.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the problem `instance`: a URI reference for this occurrence, usually the
    /// request path. No control characters or whitespace.
    pub fn with_instance(
        mut self,
        instance: impl Into<Cow<'a, str>>,
    ) -> Result<Self, ContextError> {
        self.set_instance(instance)?;
        Ok(self)
    }

    /// [`RequestContext::with_instance`] in place: a refused value leaves the context as
    /// it was.
    pub fn set_instance(&mut self, instance: impl Into<Cow<'a, str>>) -> Result<(), ContextError> {
        let instance = instance.into();
        self.instance_plain = check_token("instance", &instance)?;
        self.instance = Some(instance);
        Ok(())
    }

    /// Sets the trace id, e.g. a W3C `traceparent`
    /// (`00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01`). No control characters or
    /// whitespace.
    pub fn with_trace_id(
        mut self,
        trace_id: impl Into<Cow<'a, str>>,
    ) -> Result<Self, ContextError> {
        self.set_trace_id(trace_id)?;
        Ok(self)
    }

    /// [`RequestContext::with_trace_id`] in place: a refused value leaves the context as
    /// it was.
    pub fn set_trace_id(&mut self, trace_id: impl Into<Cow<'a, str>>) -> Result<(), ContextError> {
        let trace_id = trace_id.into();
        self.trace_id_plain = check_token("trace id", &trace_id)?;
        self.trace_id = Some(trace_id);
        Ok(())
    }

    /// Sets a trace id the caller knows to be plain: checked already, with no control
    /// character, whitespace, quote or backslash (a checked `Traceparent`).
    pub(crate) fn set_plain_trace_id(&mut self, trace_id: Cow<'a, str>) {
        self.trace_id_plain = true;
        self.trace_id = Some(trace_id);
    }

    /// Sets the request's language preferences: its `Accept-Language` value (such as
    /// `ja-JP, en;q=0.8`). Each error is written in the preferred language among those it
    /// has, else in its default language; the response's `Content-Language` names the
    /// language written. No control characters. The value is only read, never written: a
    /// malformed or hostile one (thousands of ranges, a megabyte) chooses the default
    /// language in bounded time.
    pub fn with_accept_language(
        mut self,
        accept_language: impl Into<Cow<'a, str>>,
    ) -> Result<Self, ContextError> {
        self.set_accept_language(accept_language)?;
        Ok(self)
    }

    /// [`RequestContext::with_accept_language`] in place: a refused value leaves the
    /// context as it was.
    pub fn set_accept_language(
        &mut self,
        accept_language: impl Into<Cow<'a, str>>,
    ) -> Result<(), ContextError> {
        let accept_language = accept_language.into();
        if let Some((at, _)) = accept_language.char_indices().find(|(_, c)| c.is_control()) {
            return Err(ContextError::ControlCharacter {
                what: "accept-language",
                at,
            });
        }
        self.preferences = Preferences::parse(&accept_language);
        self.accept_language = Some(accept_language);
        Ok(())
    }

    /// Adds a string extension member to problem bodies (both profiles), after the
    /// standard members. The name follows RFC 9457 section 3.2's advice (a letter, then
    /// letters, digits or `_`) and may not be one the format writes itself (`code`,
    /// `errors`, `traceId`, `extraDetails` and the standard five). The value may be any text;
    /// it is JSON-escaped.
    pub fn with_extension(
        mut self,
        name: impl Into<Cow<'a, str>>,
        value: impl Into<Cow<'a, str>>,
    ) -> Result<Self, ContextError> {
        let name = name.into();
        let value = value.into();
        let mut bytes = name.bytes();
        let starts_with_letter = bytes.next().is_some_and(|b| b.is_ascii_alphabetic());
        if !starts_with_letter || !bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(ContextError::ExtensionName);
        }
        if let Some(reserved) = RESERVED.iter().find(|r| **r == name) {
            return Err(ContextError::ReservedName(reserved));
        }
        check_len("extension value", &value)?;
        self.extensions.retain(|(n, _)| *n != name);
        self.extensions.push((name, value));
        Ok(self)
    }

    /// The problem `instance`, if set.
    pub fn instance(&self) -> Option<&str> {
        self.instance.as_deref()
    }

    /// The instance, if set, and whether it has no quote or backslash (no control
    /// character ever gets in): a format copies such a value into a quoted string as is.
    pub(crate) fn instance_with_quoting(&self) -> Option<(&str, bool)> {
        self.instance.as_deref().map(|i| (i, self.instance_plain))
    }

    /// The trace id, if set, and whether it has no quote or backslash.
    pub(crate) fn trace_id_with_quoting(&self) -> Option<(&str, bool)> {
        self.trace_id.as_deref().map(|t| (t, self.trace_id_plain))
    }

    /// The trace id, if set.
    pub fn trace_id(&self) -> Option<&str> {
        self.trace_id.as_deref()
    }

    /// The preferences with the value they were parsed from, for choosing a language.
    pub(crate) fn preferences(&self) -> Option<(&str, &Preferences)> {
        self.accept_language
            .as_deref()
            .map(|header| (header, &self.preferences))
    }

    /// The parsed preferences alone (none where no value was set), for choosing a
    /// language without reading the value itself where the ranges' keys suffice.
    pub(crate) fn parsed_preferences(&self) -> &Preferences {
        &self.preferences
    }

    /// The request's language preferences (`Accept-Language`), if set.
    pub fn accept_language(&self) -> Option<&str> {
        self.accept_language.as_deref()
    }

    /// The extension members, in the order they were added.
    pub fn extensions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.extensions.iter().map(|(n, v)| (&**n, &**v))
    }
}

fn check_len(what: &'static str, value: &str) -> Result<(), ContextError> {
    if value.len() > MAX_VALUE_LEN {
        return Err(ContextError::TooLong {
            what,
            len: value.len(),
            max: MAX_VALUE_LEN,
        });
    }
    Ok(())
}

/// `Some` when every byte is visible ASCII (`!` to `~`), saying whether any is a quote or a
/// backslash; `None` otherwise. Folded without early exit, which the compiler turns into
/// vector instructions.
fn visible_ascii(bytes: &[u8]) -> Option<bool> {
    let (visible, quoted) = bytes.iter().fold((true, false), |(visible, quoted), &b| {
        (
            visible & b.is_ascii_graphic(),
            quoted | (b == b'"') | (b == b'\\'),
        )
    });
    visible.then_some(quoted)
}

/// A non-empty value with no control characters and no whitespace: safe in a header and a
/// URI reference. `Ok` says whether it also has no quote or backslash, so that a format may
/// copy it into a quoted JSON string as is.
fn check_token(what: &'static str, value: &str) -> Result<bool, ContextError> {
    if value.is_empty() {
        return Err(ContextError::Empty { what });
    }
    check_len(what, value)?;
    // Paths and trace ids are visible ASCII: one pass over the bytes says so, and whether
    // any needs escaping. Only a value that is not visible ASCII goes through the char by
    // char check that says where and why.
    if let Some(quoted) = visible_ascii(value.as_bytes()) {
        return Ok(!quoted);
    }
    for (at, c) in value.char_indices() {
        if c.is_control() {
            return Err(ContextError::ControlCharacter { what, at });
        }
        if c.is_whitespace() {
            return Err(ContextError::Whitespace { what, at });
        }
    }
    // Visible non-ASCII letters and signs, perhaps with quotes among them.
    Ok(!value.bytes().any(|b| b == b'"' || b == b'\\'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_header_breaking_values() {
        for bad in [
            "/a\r\nX: y",
            "/a\nb",
            "/\u{0}",
            "/\u{7f}",
            "/\u{85}",
            "/a b",
            "",
        ] {
            assert!(RequestContext::new().with_instance(bad).is_err(), "{bad:?}");
            assert!(RequestContext::new().with_trace_id(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            RequestContext::new().with_instance("/a\r\n").unwrap_err(),
            ContextError::ControlCharacter {
                what: "instance",
                at: 2
            }
        );
        assert!(RequestContext::new()
            .with_instance("x".repeat(3000))
            .is_err());
    }

    #[test]
    fn visible_ascii_agrees_with_a_byte_by_byte_scan() {
        let by_bytes = |b: &[u8]| {
            b.iter()
                .all(u8::is_ascii_graphic)
                .then(|| b.iter().any(|&c| c == b'"' || c == b'\\'))
        };
        // Every byte value, at every place of a word and of the tail, among visible ones.
        for len in [1, 7, 8, 9, 16, 23] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut value = vec![b'a'; len];
                    value[at] = b;
                    assert_eq!(visible_ascii(&value), by_bytes(&value), "{value:?}");
                }
            }
        }
        assert_eq!(visible_ascii(b""), Some(false));
        // Set and refused values leave a context as it was.
        let mut ctx = RequestContext::new();
        ctx.set_trace_id("a\"b").unwrap();
        assert_eq!(ctx.trace_id_with_quoting(), Some(("a\"b", false)));
        assert!(ctx.set_trace_id("a b").is_err());
        assert_eq!(ctx.trace_id_with_quoting(), Some(("a\"b", false)));
        ctx.set_instance("/ca\u{308}rts").unwrap();
        assert_eq!(ctx.instance_with_quoting(), Some(("/ca\u{308}rts", true)));
    }

    #[test]
    fn language_preferences() {
        let ctx = RequestContext::new()
            .with_accept_language("ja, en;q=0.5")
            .unwrap();
        assert_eq!(ctx.accept_language(), Some("ja, en;q=0.5"));
        assert_eq!(
            RequestContext::new().with_accept_language("ja\r\nX: y"),
            Err(ContextError::ControlCharacter {
                what: "accept-language",
                at: 2
            })
        );
        assert!(RequestContext::new()
            .with_accept_language("a".repeat(3000))
            .is_ok());
    }

    #[test]
    fn extension_names() {
        let ok = RequestContext::new()
            .with_extension("balance", "3\"0")
            .unwrap();
        assert_eq!(ok.extensions().collect::<Vec<_>>(), [("balance", "3\"0")]);
        assert_eq!(
            RequestContext::new().with_extension("status", "1"),
            Err(ContextError::ReservedName("status"))
        );
        assert_eq!(
            RequestContext::new().with_extension("a-b", "1"),
            Err(ContextError::ExtensionName)
        );
        assert_eq!(
            RequestContext::new().with_extension("", "1"),
            Err(ContextError::ExtensionName)
        );
    }
}
