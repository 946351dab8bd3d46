//! Acme's error envelope, `{"error":{"code":…,"message":…,"request_id":…}}`, as a wire
//! format: how it is written, recognised, read back and described in OpenAPI.

use apierror::format::{
    Body, Confidence, JsonWriter, ParseError, ReadMode, ReceivedBody, WireFormat,
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

    fn read(
        &self,
        mut object: Map<String, Value>,
        _: ReadMode,
    ) -> Result<ReceivedBody, ParseError> {
        let Some(Value::Object(mut e)) = object.remove("error") else {
            return Err(ParseError::UnknownShape);
        };
        let mut text = |name: &str| e.remove(name).and_then(|v| v.as_str().map(str::to_owned));
        let mut body = ReceivedBody::new(Format::named(self.name()));
        body.code = text("code");
        body.message = text("message");
        body.trace_id = text("request_id");
        Ok(body)
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
