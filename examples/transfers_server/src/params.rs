//! Request parameters, JSON or form-encoded as Omise accepts both, and their checks.

use apierror_catalog::omise::OmiseError;
use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use serde_json::{Map, Value};

/// The parameters of a create or update, as a JSON object.
///
/// Form fields become string members; `metadata[key]=value` fields become members of a
/// `metadata` object, as Omise's form encoding writes them. A body that is not valid JSON or
/// form data is refused by axum's own extractors; the error layer turns that rejection into
/// `bad_request`.
pub struct Params(pub Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for Params {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let headers = req.headers();
        let content_type = headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        let empty = headers
            .get(http::header::CONTENT_LENGTH)
            .is_some_and(|v| v.as_bytes() == b"0");
        // A request without parameters (no body at all) is an empty set, not an error.
        if content_type.is_empty() && (empty || !headers.contains_key(http::header::CONTENT_LENGTH))
        {
            return Ok(Params(Map::new()));
        }
        if content_type.starts_with("application/x-www-form-urlencoded") {
            let Form(pairs) = Form::<Vec<(String, String)>>::from_request(req, state)
                .await
                .map_err(IntoResponse::into_response)?;
            return Ok(Params(from_form(pairs)));
        }
        let Json(object) = Json::<Map<String, Value>>::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Params(object))
    }
}

fn from_form(pairs: Vec<(String, String)>) -> Map<String, Value> {
    let mut object = Map::new();
    let mut metadata = Map::new();
    for (key, value) in pairs {
        match key
            .strip_prefix("metadata[")
            .and_then(|k| k.strip_suffix(']'))
        {
            Some(meta_key) => {
                metadata.insert(meta_key.to_owned(), Value::String(value));
            }
            None => {
                object.insert(key, Value::String(value));
            }
        }
    }
    if !metadata.is_empty() {
        object.insert("metadata".to_owned(), Value::Object(metadata));
    }
    object
}

fn invalid(message: &'static str) -> OmiseError {
    OmiseError::InvalidTransfer {
        message: Some(message.into()),
    }
}

fn bad(message: &'static str) -> OmiseError {
    OmiseError::BadRequest {
        message: Some(message.into()),
    }
}

impl Params {
    /// `amount`, if given: a positive integer (a JSON integer or a form string of digits).
    pub fn amount(&self) -> Result<Option<i64>, OmiseError> {
        let amount = match self.0.get("amount") {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::Number(n)) => n.as_i64(),
            Some(Value::String(s)) => s.trim().parse::<i64>().ok(),
            Some(_) => None,
        };
        match amount {
            None => Err(invalid("amount must be an integer")),
            Some(a) if a <= 0 => Err(invalid("amount must be greater than 0")),
            Some(a) => Ok(Some(a)),
        }
    }

    /// `fail_fast`, if given: a boolean (`true`/`false` in a form).
    pub fn fail_fast(&self) -> Result<Option<bool>, OmiseError> {
        match self.0.get("fail_fast") {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(Value::String(s)) if s == "true" => Ok(Some(true)),
            Some(Value::String(s)) if s == "false" => Ok(Some(false)),
            Some(_) => Err(bad("fail_fast must be a boolean")),
        }
    }

    /// `metadata`, if given: an object.
    pub fn metadata(&self) -> Result<Option<Map<String, Value>>, OmiseError> {
        match self.0.get("metadata") {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(m)) => Ok(Some(m.clone())),
            Some(_) => Err(bad("metadata must be an object")),
        }
    }

    /// `recipient`, if given: a string.
    pub fn recipient(&self) -> Result<Option<String>, OmiseError> {
        match self.0.get("recipient") {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(bad("recipient must be a string")),
        }
    }
}
