//! One reader per wire format: a JSON object in, a [`ReceivedBody`] out, strict or lenient
//! (see [`ReadMode`]).

use serde_json::{Map, Value};

use super::members::{Members, ReadMode};
use super::{ParseError, ReceivedBody, ReceivedEntry};
use crate::format::BuiltIn;
use crate::{format, Format};

/// Reads `map` as `format`. In lenient mode a member the format requires may be absent.
pub(crate) fn read_built_in(
    format: Format,
    map: Map<String, Value>,
    mode: ReadMode,
) -> Result<ReceivedBody, ParseError> {
    let mut m = Members::new(map, "", mode);
    let mut body = ReceivedBody::new(format);
    match format.built_in() {
        Some(BuiltIn::Omise) => omise(&mut m, &mut body)?,
        Some(BuiltIn::Problem | BuiltIn::Vipps) => problem(&mut m, &mut body)?,
        Some(BuiltIn::Oney) => oney(&mut m, &mut body)?,
        Some(BuiltIn::Google) => google(&mut m, &mut body)?,
        // A format of the user's reads itself.
        None => return Err(ParseError::UnknownShape),
    }
    body.extra = m.map;
    Ok(body)
}

/// A member the format requires: absent is an error in strict mode only.
fn required<T>(
    m: &Members,
    format: Format,
    value: Option<T>,
    member: &str,
) -> Result<Option<T>, ParseError> {
    match (value, m.mode) {
        (None, ReadMode::Strict) => Err(ParseError::Missing {
            format,
            member: m.path_of(member),
        }),
        (value, _) => Ok(value),
    }
}

fn omise(m: &mut Members, body: &mut ReceivedBody) -> Result<(), ParseError> {
    if let Some(object) = m.string("object")? {
        if object != "error" {
            // Not an error object after all: keep the member, but say what is missing.
            m.map.insert("object".into(), Value::String(object));
        }
    }
    body.location = m.string("location")?;
    let code = m.string("code")?;
    body.code = required(m, Format::Omise, code, "code")?;
    body.message = m.string("message")?;
    Ok(())
}

fn problem(m: &mut Members, body: &mut ReceivedBody) -> Result<(), ParseError> {
    body.problem_type = m.string("type")?;
    body.title = m.string("title")?;
    body.status = m.status("status")?;
    body.message = m.string("detail")?;
    body.instance = m.string("instance")?;
    body.code = m.string("code")?;
    body.trace_id = m.string("traceId")?;
    if let Some(details) = m.array("extraDetails")? {
        for (i, value) in details.into_iter().enumerate() {
            let Some(mut e) = m.element(value, "extraDetails", i)? else {
                continue;
            };
            let name = e.string("name")?;
            let reason = e.string("reason")?;
            if name.as_deref() == Some("ErrorCode") && body.code.is_none() {
                body.code = reason;
                continue;
            }
            body.entries.push(ReceivedEntry {
                code: None,
                field: name,
                message: reason,
                extra: e.map,
                format: Some(Format::Vipps),
            });
        }
    }
    if let Some(errors) = m.array("errors")? {
        for (i, value) in errors.into_iter().enumerate() {
            let Some(mut e) = m.element(value, "errors", i)? else {
                continue;
            };
            body.entries.push(ReceivedEntry {
                code: e.string("code")?,
                field: e.string("field")?,
                message: e.string("detail")?,
                extra: e.map,
                format: Some(Format::Problem),
            });
        }
    }
    Ok(())
}

fn oney(m: &mut Members, body: &mut ReceivedBody) -> Result<(), ParseError> {
    body.language = m.string("language_code")?;
    let list = m.array("error_list")?;
    let list = required(m, Format::Oney, list, "error_list")?.unwrap_or_default();
    for (i, value) in list.into_iter().enumerate() {
        let Some(mut wrapper) = m.element(value, "error_list", i)? else {
            continue;
        };
        let error = wrapper.object("error")?;
        // Leniently, an entry may be flat: `{"field", "error_code", "error_label"}` without
        // the `error` wrapper, as some Oney connectors send it.
        let flat = error.is_none() && m.mode == ReadMode::Lenient;
        let Some(mut error) = error.or_else(|| flat.then(|| Members::new(Map::new(), "", m.mode)))
        else {
            return Err(missing(Format::Oney, &wrapper.path_of("error")));
        };
        let entry = if flat { &mut wrapper } else { &mut error };
        let code = entry.string("error_code")?;
        let code = required(entry, Format::Oney, code, "error_code")?;
        let field = entry.string("field")?;
        let message = entry.string("error_label")?;
        let mut extra = error.map;
        // Members beside `error` in a list entry are kept too, under their own names.
        extra.extend(wrapper.map);
        body.entries.push(ReceivedEntry {
            code,
            field,
            message,
            extra,
            format: Some(Format::Oney),
        });
    }
    if let Some(first) = body.entries.first() {
        body.code = first.code.clone();
        body.message = first.message.clone();
        body.field = first.field.clone();
    }
    Ok(())
}

/// `{"error":{"code","message","status","details":[…]}}`: the code is `ErrorInfo.reason`,
/// the language a `LocalizedMessage`'s locale, the list `BadRequest.fieldViolations`, the
/// location the first `Help` link. What the body has beside (the `status` name, the
/// domain, the metadata, the localized message, other details) is kept in `extra` under
/// those names.
fn google(m: &mut Members, body: &mut ReceivedBody) -> Result<(), ParseError> {
    let error = m.object("error")?;
    let Some(mut error) = required(m, Format::Google, error, "error")? else {
        return Ok(());
    };
    body.status = error.status("code")?;
    body.message = error.string("message")?;
    if let Some(details) = error.array("details")? {
        for (i, value) in details.into_iter().enumerate() {
            let Some(mut detail) = error.element(value, "details", i)? else {
                continue;
            };
            match detail.string("@type")?.as_deref() {
                Some(format::ERROR_INFO) => {
                    body.code = detail.string("reason")?;
                    keep(&mut m.map, "domain", detail.map.remove("domain"));
                    keep(&mut m.map, "metadata", detail.map.remove("metadata"));
                }
                Some(format::LOCALIZED_MESSAGE) => {
                    body.language = detail.string("locale")?;
                    keep(&mut m.map, "localizedMessage", detail.map.remove("message"));
                }
                Some(format::BAD_REQUEST) => {
                    for (j, value) in detail
                        .array("fieldViolations")?
                        .unwrap_or_default()
                        .into_iter()
                        .enumerate()
                    {
                        let Some(mut v) = detail.element(value, "fieldViolations", j)? else {
                            continue;
                        };
                        body.entries.push(ReceivedEntry {
                            code: v.string("reason")?,
                            field: v.string("field")?,
                            message: v.string("description")?,
                            extra: v.map,
                            format: Some(Format::Google),
                        });
                    }
                }
                Some(format::HELP) => {
                    let links = detail.array("links")?.unwrap_or_default();
                    if let Some(Value::Object(link)) = links.into_iter().next() {
                        body.location = link.get("url").and_then(Value::as_str).map(str::to_owned);
                    }
                }
                other => {
                    // A detail this reader does not know: kept whole.
                    let mut kept = detail.map;
                    if let Some(other) = other {
                        kept.insert("@type".into(), Value::String(other.to_owned()));
                    }
                    let list = m
                        .map
                        .entry("details")
                        .or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(list) = list {
                        list.push(Value::Object(kept));
                    }
                }
            }
        }
    }
    // The first violation's field stands for the body's, as Oney's first entry does.
    body.field = body.entries.first().and_then(|e| e.field.clone());
    keep(&mut m.map, "status", error.map.remove("status"));
    m.map.extend(error.map);
    Ok(())
}

/// Keeps `value`, if any, among the body's other members under `name`.
fn keep(extra: &mut Map<String, Value>, name: &str, value: Option<Value>) {
    if let Some(value) = value {
        extra.insert(name.to_owned(), value);
    }
}

fn missing(format: Format, member: &str) -> ParseError {
    ParseError::Missing {
        format,
        member: member.to_owned(),
    }
}
