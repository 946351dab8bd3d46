//! The Omise error object's static bytes: `{"object":"error","location":"…","code":"…",
//! "message":"…"}`.

/// Before the location.
pub const START: &str = "{\"object\":\"error\",\"location\":\"";
/// Between the location and the code.
pub const CODE: &str = "\",\"code\":\"";
/// Between the code and the message.
pub const MESSAGE: &str = "\",\"message\":\"";
/// After the message.
pub const END: &str = "\"}";
/// The base of `location` for types that declare none: Omise's error reference.
pub const DEFAULT_LOCATION: &str = "https://www.omise.co/api-errors";

/// [`START`], [`DEFAULT_LOCATION`] and `#`: how every head of a type without a location of
/// its own starts (one literal, as `concat!` takes no constants).
pub const DEFAULT_PREFIX: &str =
    "{\"object\":\"error\",\"location\":\"https://www.omise.co/api-errors#";

/// A body up to the message's opening quote; every text already escaped for the inside of
/// a JSON string (`anchor` is the code with `_` turned into `-`).
pub fn head(base: &str, anchor: &str, code: &str) -> String {
    [START, base, "#", anchor, CODE, code, MESSAGE].concat()
}

/// A whole body, for a message known at compile time.
pub fn body(base: &str, anchor: &str, code: &str, message: &str) -> String {
    [&head(base, anchor, code), message, END].concat()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_default_prefix_is_its_pieces() {
        assert_eq!(
            super::DEFAULT_PREFIX,
            [super::START, super::DEFAULT_LOCATION, "#"].concat()
        );
    }

    #[test]
    fn a_body_is_its_pieces() {
        assert_eq!(
            super::body("https://x.test/e", "used-token", "used_token", "m"),
            r#"{"object":"error","location":"https://x.test/e#used-token","code":"used_token","message":"m"}"#
        );
    }
}
