//! The rules a value must keep, stated once: the derive checks them at compile time on what
//! a user declares, the runtime at run time on what a server configures.

/// Oney's `error_code`: at most 10 characters.
pub const ONEY_CODE_MAX: usize = 10;
/// Oney's `field`: at most 100 characters.
pub const ONEY_FIELD_MAX: usize = 100;
/// Oney's `error_label`: at most 1,000 characters (cut at a char boundary, never a panic).
pub const ONEY_LABEL_MAX: usize = 1000;

/// Most bytes of a DNS name.
const DNS_NAME_MAX: usize = 253;

/// Whether `name` can be a Google `ErrorInfo.domain`: a DNS name of letters, digits, `-` and
/// `.`, at most 253 bytes.
///
/// ```
/// assert!(apierror_spec::rules::is_dns_name("shop.example.com"));
/// assert!(!apierror_spec::rules::is_dns_name("shop example"));
/// assert!(!apierror_spec::rules::is_dns_name(""));
/// ```
pub fn is_dns_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= DNS_NAME_MAX
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// Whether `url` can be copied into every body as a base URL: non-empty, without whitespace
/// or control characters (which would break the body or a header), at most `max` bytes.
///
/// ```
/// assert!(apierror_spec::rules::is_clean_url("https://www.omise.co/api-errors", 2048));
/// assert!(!apierror_spec::rules::is_clean_url("https://a b", 2048));
/// ```
pub fn is_clean_url(url: &str, max: usize) -> bool {
    !url.is_empty() && url.len() <= max && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Whether `url` is absolute: a scheme (a letter, then letters, digits, `+`, `-`, `.`),
/// `://` and an authority; the derive asks this of a type's `location`, which names its
/// error reference pages.
///
/// ```
/// assert!(apierror_spec::rules::is_absolute_url("https://www.omise.co/api-errors"));
/// assert!(!apierror_spec::rules::is_absolute_url("/api-errors"));
/// assert!(!apierror_spec::rules::is_absolute_url("https:///x"));
/// ```
pub fn is_absolute_url(url: &str) -> bool {
    url.split_once("://").is_some_and(|(scheme, rest)| {
        let mut chars = scheme.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            && !rest.is_empty()
            && !rest.starts_with('/')
    })
}
