//! Acme's error envelope, `{"error":{"code":…,"message":…,"request_id":…}}`, as a wire
//! format: how it is written, recognised, read back and described in OpenAPI.

use apierror::format::{
    Body, Confidence, JsonWriter, Members, ParseError, ReadMode, ReceivedBody, WireFormat,
};
use apierror::Format;
use serde_json::{json, Map, Value};

/// Acme's envelope. Its media type is `application/json`, the trait's default.
#[derive(Debug)]
pub struct Acme;

impl WireFormat for Acme {
    fn name(&self) -> &'static str {
        "acme"
    }

    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        let err = body.first();
        let mut w = JsonWriter::new(out);
        w.raw(r#"{"error":{"code":"#);
        w.code(err);
        w.raw(r#","message":"#);
        w.message(err, body.message_language(err)); // a 5xx's source never shows here
        w.raw(r#","request_id":"#);
        match body.context().trace_id() {
            Some(id) => w.string(id),
            None => w.raw("null"),
        }
        w.raw("}}");
    }

    fn detect(&self, object: &Map<String, Value>, _media_type: &str) -> Confidence {
        match object.get("error") {
            Some(Value::Object(e)) if e.contains_key("request_id") => Confidence::MEMBERS,
            _ => Confidence::NONE,
        }
    }

    /// Strictly (a validator), `error`, its `code` and its `message` must be there, each a
    /// string; leniently (a client), whatever can be read is. Members left over, in
    /// `error` or beside it, are kept in the body's `extra`.
    fn read(&self, object: Map<String, Value>, mode: ReadMode) -> Result<ReceivedBody, ParseError> {
        Members::read_body(object, Format::named(self.name()), mode, |m, body| {
            let error = m.object("error")?;
            let Some(mut e) = m.required("error", error)? else {
                return Ok(());
            };
            let code = e.string("code")?;
            body.code = e.required("code", code)?;
            let message = e.string("message")?;
            body.message = e.required("message", message)?;
            body.trace_id = e.string("request_id")?;
            m.rest_mut().extend(e.into_map());
            Ok(())
        })
    }

    fn schema(&self) -> Option<Value> {
        let string = json!({"type": "string"});
        let error = json!({
            "type": "object",
            "properties": {"code": string, "message": string, "request_id": {"type": ["string", "null"]}},
            "required": ["code", "message", "request_id"],
        });
        Some(json!({"type": "object", "properties": {"error": error}, "required": ["error"]}))
    }

    fn schema_name(&self) -> &'static str {
        "AcmeError"
    }
}
