//! W3C trace context `traceparent` values: checked once, where a request brings one, so
//! that the context takes it without checking its bytes again.

use std::borrow::Cow;

use crate::request::context::RequestContext;

/// Length of a `traceparent`: `00-<32 hex>-<16 hex>-<2 hex>`.
pub const LEN: usize = 55;

/// A valid W3C `traceparent` (`00-<32 hex>-<16 hex>-<2 hex>`, lower case, ids not all
/// zeros, version not `ff`). Hex digits and dashes only: a context copies it into a
/// header or a quoted JSON string as is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Traceparent<'a>(&'a str);

impl<'a> Traceparent<'a> {
    /// `bytes` as a traceparent, if they are one.
    pub fn parse(bytes: &'a [u8]) -> Option<Self> {
        if !is_traceparent(bytes) {
            return None;
        }
        // Checked above: ASCII, so UTF-8.
        std::str::from_utf8(bytes).ok().map(Traceparent)
    }

    /// The value.
    pub fn as_str(self) -> &'a str {
        self.0
    }

    /// Sets `ctx`'s trace id to this value: no control character, whitespace, quote or
    /// backslash can be in it, so nothing is checked again.
    pub fn set_in(self, ctx: &mut RequestContext<'a>) {
        ctx.set_plain_trace_id(Cow::Borrowed(self.0));
    }
}

fn is_traceparent(b: &[u8]) -> bool {
    // Folds without early exit, which the compiler turns into vector loops.
    let hex = |s: &[u8]| {
        s.iter().fold(true, |ok, &c| {
            ok & (c.is_ascii_digit() | (b'a'..=b'f').contains(&c))
        })
    };
    let zero = |s: &[u8]| s.iter().fold(0, |any, &c| any | (c ^ b'0')) == 0;
    b.len() == LEN
        && b[2] == b'-'
        && b[35] == b'-'
        && b[52] == b'-'
        && hex(&b[0..2])
        && &b[0..2] != b"ff"
        && hex(&b[3..35])
        && !zero(&b[3..35])
        && hex(&b[36..52])
        && !zero(&b[36..52])
        && hex(&b[53..55])
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRACE: &str = "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01";

    #[test]
    fn parses_only_valid_traceparents() {
        assert_eq!(
            Traceparent::parse(TRACE.as_bytes()).map(Traceparent::as_str),
            Some(TRACE)
        );
        for bad in [
            "00-00000000000000000000000000000000-706492e906541d31-01",
            "00-813b63975adcaaeef2b0ec7c103c40e3-0000000000000000-01",
            "00-813B63975ADCAAEEF2B0EC7C103C40E3-706492e906541d31-01",
            "ff-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01",
            "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-0g",
            "00_813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01",
            "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01 ",
            "",
        ] {
            assert_eq!(Traceparent::parse(bad.as_bytes()), None, "{bad}");
        }
    }

    #[test]
    fn sets_a_plain_trace_id() {
        let mut ctx = RequestContext::new();
        Traceparent::parse(TRACE.as_bytes())
            .unwrap()
            .set_in(&mut ctx);
        assert_eq!(ctx.trace_id_with_quoting(), Some((TRACE, true)));
        assert_eq!(ctx, RequestContext::new().with_trace_id(TRACE).unwrap());
    }
}
