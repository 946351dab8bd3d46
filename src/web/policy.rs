//! The re-render decision: what becomes of a response on its way out of the handler, and
//! which of its headers the re-rendered response keeps.

use super::rejection::is_rejection;

/// What becomes of a response that comes back from the handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// It carries a handler's error: render that error again with the request's context
    /// and format, keeping the handler's other headers (e.g. `WWW-Authenticate`).
    Rerender,
    /// The framework refused the request: answer with the catalog error the rejection maps
    /// to, keeping `Allow` (a 405's list of methods).
    Reject,
    /// Anything else (successes, and error bodies a handler built itself): untouched.
    Pass,
}

/// The verdict on a response: `carries_error` when its extensions hold a handler's error;
/// `status` and its first `Content-Type` otherwise tell a rejection apart (looked up only
/// for an error status: a success pays for no header lookup).
pub(crate) fn judge<'r>(
    carries_error: bool,
    status: u16,
    content_type: impl FnOnce() -> Option<&'r [u8]>,
) -> Verdict {
    if carries_error {
        Verdict::Rerender
    } else if (400..=599).contains(&status) && is_rejection(status, content_type()) {
        Verdict::Reject
    } else {
        Verdict::Pass
    }
}

/// Whether the old response's header `name` (lower case) goes on the re-rendered one,
/// where that one has no header of the name already. The headers describing the old body
/// (`Content-Length`, `Content-Language`) never do.
pub(crate) fn keeps(verdict: Verdict, name: &str) -> bool {
    match verdict {
        Verdict::Rerender => !matches!(name, "content-length" | "content-language"),
        Verdict::Reject => name == "allow",
        Verdict::Pass => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts() {
        let json = || Some(&b"application/json"[..]);
        assert_eq!(judge(true, 404, json), Verdict::Rerender);
        assert_eq!(judge(false, 405, || None), Verdict::Reject);
        assert_eq!(judge(false, 422, json), Verdict::Pass);
        assert_eq!(judge(false, 200, || unreachable!()), Verdict::Pass);
    }

    #[test]
    fn kept_headers() {
        assert!(keeps(Verdict::Rerender, "www-authenticate"));
        assert!(!keeps(Verdict::Rerender, "content-length"));
        assert!(keeps(Verdict::Reject, "allow"));
        assert!(!keeps(Verdict::Reject, "content-type"));
    }
}
