//! The static bytes of an RFC 9457 problem body between `type`, `title`, `status` and
//! `detail`.

/// Between the `type` and the title.
pub const TITLE: &str = "\",\"title\":\"";
/// Between the title and the status digits.
pub const STATUS: &str = "\",\"status\":";
/// Between the status digits and the detail.
pub const DETAIL: &str = ",\"detail\":\"";

/// From the status digits a `type` ends in up to the detail's opening quote, for a title
/// already escaped for the inside of a JSON string.
pub fn status_head(status: u16, title: &str) -> String {
    let status = status.to_string();
    [&status, TITLE, title, STATUS, &status, DETAIL].concat()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_status_head_is_its_pieces() {
        assert_eq!(
            super::status_head(400, "Bad"),
            r#"400","title":"Bad","status":400,"detail":""#
        );
    }
}
