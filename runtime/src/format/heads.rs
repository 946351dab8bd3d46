//! The static bytes a body starts with, defined once for both paths that write them: the
//! derive's pre-escaped path (generated code builds each variant's head at compile time
//! with [`head!`](crate::head)) and the runtime's generic path (the formats write the same
//! pieces around values escaped at run time).
//!
//! A format that wants the derive's fast path adds its arms here and nowhere else; the
//! derive passes escaped string literals and gets one literal back, so a head costs nothing
//! at run time and the two paths cannot drift apart.

/// One head of a body, as a string literal; every argument is a string literal already
/// escaped for the inside of a JSON string.
///
/// - `omise_start` `omise_code` `omise_message` `omise_end`: the literal pieces of an Omise
///   body, around the location, code and message.
/// - `omise_default_location`: the base of `location` for types that declare none.
/// - `omise base "anchor" "code"`: an Omise body up to the message's opening quote; `base`
///   is an escaped literal, or `default` for the default location.
/// - `omise_body base "anchor" "code" "message"`: a whole Omise body.
/// - `problem_title` `problem_status` `problem_detail`: the literal pieces of a problem
///   body between `type`, `title`, `status` and `detail`.
/// - `problem_status_head "400" "title"`: from the status digits of a `type` that ends in
///   the status up to the detail's opening quote.
///
/// The Google format's pieces are not here: they are constants of the `apierror-shared`
/// crate (`google::body`), which the derive links too and writes a whole body with
/// (`google::unit_body`) into one literal, cheaper to compile than a chain of these arms.
#[doc(hidden)]
#[macro_export]
macro_rules! head {
    (omise_start) => {
        "{\"object\":\"error\",\"location\":\""
    };
    (omise_code) => {
        "\",\"code\":\""
    };
    (omise_message) => {
        "\",\"message\":\""
    };
    (omise_end) => {
        "\"}"
    };
    (omise_default_location) => {
        "https://www.omise.co/api-errors"
    };
    (omise_base default) => {
        $crate::head!(omise_default_location)
    };
    (omise_base $base:literal) => {
        $base
    };
    (omise $base:tt $anchor:literal $code:literal) => {
        ::core::concat!(
            $crate::head!(omise_start),
            $crate::head!(omise_base $base),
            "#",
            $anchor,
            $crate::head!(omise_code),
            $code,
            $crate::head!(omise_message),
        )
    };
    (omise_body $base:tt $anchor:literal $code:literal $message:literal) => {
        ::core::concat!(
            $crate::head!(omise $base $anchor $code),
            $message,
            $crate::head!(omise_end),
        )
    };
    (problem_title) => {
        "\",\"title\":\""
    };
    (problem_status) => {
        "\",\"status\":"
    };
    (problem_detail) => {
        ",\"detail\":\""
    };
    (problem_status_head $status:literal $title:literal) => {
        ::core::concat!(
            $status,
            $crate::head!(problem_title),
            $title,
            $crate::head!(problem_status),
            $status,
            $crate::head!(problem_detail),
        )
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn heads_are_their_pieces() {
        assert_eq!(
            crate::head!(omise_body "https://x.test/e" "used-token" "used_token" "m"),
            r#"{"object":"error","location":"https://x.test/e#used-token","code":"used_token","message":"m"}"#
        );
        assert_eq!(
            crate::head!(omise default "a" "a"),
            r#"{"object":"error","location":"https://www.omise.co/api-errors#a","code":"a","message":""#
        );
        assert_eq!(
            crate::head!(problem_status_head "400" "Bad"),
            r#"400","title":"Bad","status":400,"detail":""#
        );
    }
}
