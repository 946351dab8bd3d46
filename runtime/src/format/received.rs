//! [`ReceivedBody`]: an error body read back, owned, in any format.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::format::Format;
use crate::model::received::Received;

/// An error response read back on the client side, whatever its format.
///
/// Every member the format defines has its own field; every other member is kept in
/// [`ReceivedBody::extra`], so nothing the server sent is lost. The code is kept as text
/// whether or not any catalog knows it: see [`ReceivedBody::lookup`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ReceivedBody {
    /// The format the body was read as.
    #[serde(serialize_with = "format_name")]
    pub format: Format,
    /// The HTTP status, or the problem's `status` member when no HTTP status was given.
    pub status: Option<u16>,
    /// The code: Omise `code`, problem `code`, the Vipps `ErrorCode` entry, or the first
    /// Oney `error_code`.
    pub code: Option<String>,
    /// The message: Omise `message`, problem `detail`, or the first Oney `error_label`.
    pub message: Option<String>,
    /// The problem `title`.
    pub title: Option<String>,
    /// The problem `type`.
    #[serde(rename = "type")]
    pub problem_type: Option<String>,
    /// The problem `instance`.
    pub instance: Option<String>,
    /// The problem `traceId`.
    pub trace_id: Option<String>,
    /// The field: the first Oney entry's `field`, the first Google field violation's, a
    /// problem's `field` (else `pointer`, as written).
    pub field: Option<String>,
    /// The Omise `location`.
    pub location: Option<String>,
    /// The Oney `language_code`.
    pub language: Option<String>,
    /// Every entry of a list: each Oney `error_list` entry, each Vipps `extraDetails` entry
    /// other than `ErrorCode` (`name` as field, `reason` as message), each plain problem
    /// `errors` entry (`field`, else `pointer`, as field), each Google field violation.
    pub entries: Vec<ReceivedEntry>,
    /// Members of the top-level object that the format does not define, as received.
    pub extra: Map<String, Value>,
}

/// One entry of a list of errors in a received body.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ReceivedEntry {
    /// The entry's code, when it carries one.
    pub code: Option<String>,
    /// The request field the entry is about.
    pub field: Option<String>,
    /// The entry's message.
    pub message: Option<String>,
    /// The entry's other members.
    pub extra: Map<String, Value>,
    /// The format of the body the entry came from: how its code is looked up.
    #[serde(skip)]
    pub format: Option<Format>,
}

fn format_name<S: serde::Serializer>(format: &Format, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(format.name())
}

impl ReceivedBody {
    /// A body of `format` with nothing read yet: what the readers fill in, and the start
    /// of an expected value in a client's tests.
    ///
    /// ```
    /// use apierror::parse::ReceivedBody;
    /// use apierror::Format;
    ///
    /// let mut expected = ReceivedBody::new(Format::Omise);
    /// expected.code = Some("used_token".into());
    /// assert_eq!(expected.message, None);
    /// ```
    pub fn new(format: Format) -> Self {
        ReceivedBody {
            format,
            status: None,
            code: None,
            message: None,
            title: None,
            problem_type: None,
            instance: None,
            trace_id: None,
            field: None,
            location: None,
            language: None,
            entries: Vec::new(),
            extra: Map::new(),
        }
    }

    /// What [`ApiError::from_received`](crate::ApiError::from_received) reads fields from.
    pub fn received(&self) -> Received<'_> {
        Received {
            message: self.message.as_deref(),
            field: self.field.as_deref(),
        }
    }
}

impl ReceivedEntry {
    /// An entry of a body of `format` with nothing read yet: what a reader fills in.
    pub fn new(format: Format) -> Self {
        ReceivedEntry {
            format: Some(format),
            ..ReceivedEntry::default()
        }
    }

    /// What [`ApiError::from_received`](crate::ApiError::from_received) reads fields from.
    pub fn received(&self) -> Received<'_> {
        Received {
            message: self.message.as_deref(),
            field: self.field.as_deref(),
        }
    }
}
