//! Choosing a wire format from an `Accept` header (RFC 9110 section 12.5.1).
//!
//! Each offered format is given the quality of the most specific media range that matches
//! its media type (`type/subtype` before `type/*` before `*/*`); the format with the highest
//! quality wins, ties going to the earlier offer. Parameters other than `q` are ignored.
//! An error response must never fail for want of a format, so a missing, malformed or
//! unacceptable header gives the first offer, the server's default.

use crate::request::quality::parse_q;

/// Most `Accept` header lines read; further lines are ignored, so a request with thousands
/// of them costs no more than one with sixteen.
const MAX_ACCEPT_LINES: usize = 16;

/// The position among `media_types` (the offers' media types, in order of preference) of
/// the one the `Accept` header `lines` give the highest quality, the earlier offer winning
/// a tie; `None` where none is acceptable, and the caller's default answers. An empty media
/// type is never chosen. Lines are gathered on the stack: negotiation allocates nothing.
pub(crate) fn choose<'h, 'm>(
    lines: impl IntoIterator<Item = &'h str>,
    media_types: impl IntoIterator<Item = &'m str>,
) -> Option<usize> {
    let mut kept = [""; MAX_ACCEPT_LINES];
    let mut count = 0;
    for line in lines.into_iter().take(MAX_ACCEPT_LINES) {
        kept[count] = line;
        count += 1;
    }
    let accept = &kept[..count];
    let mut best: Option<(u16, usize)> = None;
    for (i, media_type) in media_types.into_iter().enumerate() {
        if media_type.is_empty() {
            continue;
        }
        let Some(q) = quality(accept, media_type) else {
            continue;
        };
        if q > 0 && !matches!(best, Some((best_q, _)) if best_q >= q) {
            best = Some((q, i));
        }
    }
    best.map(|(_, i)| i)
}

/// The quality (in thousandths) the header gives `media_type`, from its most specific
/// matching range; `None` when no range matches.
fn quality(accept: &[&str], media_type: &str) -> Option<u16> {
    let (want_type, want_sub) = media_type.split_once('/')?;
    // (specificity, quality) of the best match so far.
    let mut best: Option<(u8, u16)> = None;
    for line in accept {
        for range in line.split(',') {
            let Some(range) = MediaRange::parse(range) else {
                continue;
            };
            let specificity = if range.ty == "*" && range.sub == "*" {
                1
            } else if range.ty.eq_ignore_ascii_case(want_type) && range.sub == "*" {
                2
            } else if range.ty.eq_ignore_ascii_case(want_type)
                && range.sub.eq_ignore_ascii_case(want_sub)
            {
                3
            } else {
                continue;
            };
            if !matches!(best, Some((s, _)) if s >= specificity) {
                best = Some((specificity, range.q));
            }
        }
    }
    best.map(|(_, q)| q)
}

/// One media range of an `Accept` header.
struct MediaRange<'h> {
    ty: &'h str,
    sub: &'h str,
    /// Quality in thousandths, `0..=1000`.
    q: u16,
}

impl<'h> MediaRange<'h> {
    /// Parses `type/subtype *( ; name=value )`; `None` for anything malformed, which is
    /// then ignored rather than failing the response.
    fn parse(text: &'h str) -> Option<Self> {
        let mut parts = text.split(';');
        let (ty, sub) = parts.next()?.trim().split_once('/')?;
        let (ty, sub) = (ty.trim(), sub.trim());
        if !is_token(ty) || !is_token(sub) || (ty == "*" && sub != "*") {
            return None;
        }
        let mut q = 1000;
        for param in parts {
            let Some((name, value)) = param.split_once('=') else {
                continue;
            };
            if name.trim().eq_ignore_ascii_case("q") {
                q = parse_q(value.trim())?;
                // Parameters after q are accept-extensions (RFC 7231); stop at q.
                break;
            }
        }
        Some(MediaRange { ty, sub, q })
    }
}

fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_specific_range_wins() {
        let q = quality(
            &["*/*;q=0.1, application/*;q=0.5, application/json;q=0"],
            "application/json",
        );
        assert_eq!(q, Some(0));
        let q = quality(&["*/*;q=0.1, application/*;q=0.5"], "application/json");
        assert_eq!(q, Some(500));
        assert_eq!(quality(&["text/html"], "application/json"), None);
    }
}
