//! The `{"error":{…}}` envelope Stripe's and Microsoft's bodies share, read with the
//! runtime's [`Members`] as any format of a user's own would be.

use apierror_runtime::format::{Members, ParseError, ReadMode, ReceivedBody};
use apierror_runtime::Format;
use serde_json::{Map, Value};

/// Reads `{"error":{…}}` as `format`: `error` is required in strict mode; `members` reads
/// what it knows of the error object, and what it leaves there and beside it is kept in
/// the body's `extra`.
pub(crate) fn error_object(
    object: Map<String, Value>,
    mode: ReadMode,
    format: Format,
    members: impl FnOnce(&mut Members, &mut ReceivedBody) -> Result<(), ParseError>,
) -> Result<ReceivedBody, ParseError> {
    Members::read_body(object, format, mode, |m, body| {
        let error = m.object("error")?;
        if let Some(mut error) = m.required("error", error)? {
            members(&mut error, body)?;
            m.rest_mut().extend(error.into_map());
        }
        Ok(())
    })
}
