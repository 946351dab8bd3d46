//! `Content-Length` values without an allocation: a header value made at run time owns
//! a copy of its bytes, one allocation per error response; one that borrows a static
//! string owns none. Every length an error body has fits the static table.

use http::HeaderValue;

/// The largest length read from the table; longer bodies make their value.
const MAX: usize = 9_999;
/// Digits each number takes in the table.
const WIDTH: usize = 4;

/// Every number up to [`MAX`] as [`WIDTH`] digits, one after another: `000000010002…9999`
/// (40 KB, made at compile time). A constant only to build [`TABLE`], the one copy.
#[allow(clippy::large_const_arrays)]
const DIGITS: [u8; (MAX + 1) * WIDTH] = {
    let mut digits = [b'0'; (MAX + 1) * WIDTH];
    let mut n = 0;
    while n <= MAX {
        let mut rest = n;
        let mut at = (n + 1) * WIDTH;
        while rest > 0 {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        n += 1;
    }
    digits
};

static TABLE: &str = match std::str::from_utf8(&DIGITS) {
    Ok(table) => table,
    Err(_) => panic!("digits are UTF-8"),
};

/// The `Content-Length` of a body of `len` bytes.
pub(super) fn content_length(len: usize) -> HeaderValue {
    if len > MAX {
        return HeaderValue::from(len);
    }
    let digits = len.checked_ilog10().unwrap_or(0) as usize + 1;
    let end = (len + 1) * WIDTH;
    match TABLE.get(end - digits..end) {
        Some(text) => HeaderValue::from_static(text),
        None => HeaderValue::from(len),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_reads_as_its_number() {
        for len in (0..=MAX + 2).chain([usize::MAX]) {
            assert_eq!(content_length(len), HeaderValue::from(len), "{len}");
        }
    }
}
