//! The JSON Schema of each wire format's body, as OpenAPI components.

use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;

use crate::format::google::CODE_NAMES as GRPC_CODE_NAMES;
use crate::format::OneyFormat;
use crate::Format;

/// The component name of `format`'s body schema.
pub fn schema_name(format: Format) -> &'static str {
    match format {
        Format::Omise => "OmiseError",
        Format::Problem => "Problem",
        Format::Vipps => "VippsProblem",
        Format::Oney => "OneyErrorList",
        Format::Google => "GoogleStatus",
    }
}

fn string(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

/// The schema of `format`'s body.
pub fn schema(format: Format) -> Schema {
    match format {
        Format::Omise => omise(),
        Format::Problem => problem(false),
        Format::Vipps => problem(true),
        Format::Oney => oney(),
        Format::Google => google(),
    }
}

fn omise() -> Schema {
    ObjectBuilder::new()
        .description(Some("An Omise / Opn Payments error object."))
        .property(
            "object",
            string("Always `error`.").enum_values(Some(["error"])),
        )
        .property("location", string("The error's reference page."))
        .property("code", string("The machine-readable code."))
        .property("message", string("The human-readable message."))
        .required("object")
        .required("location")
        .required("code")
        .required("message")
        .into()
}

fn problem(vipps: bool) -> Schema {
    let mut object = ObjectBuilder::new()
        .description(Some(if vipps {
            "RFC 9457 problem details in the Vipps MobilePay ePayment profile."
        } else {
            "RFC 9457 problem details."
        }))
        .property(
            "type",
            string("A URI reference identifying the problem type."),
        )
        .property("title", string("A short summary of the problem type."))
        .property(
            "status",
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .description(Some("The HTTP status.")),
        )
        .property("detail", string("An explanation of this occurrence."))
        .property(
            "instance",
            string("A URI reference identifying this occurrence."),
        );
    if vipps {
        let detail = ObjectBuilder::new()
            .property("name", string("`ErrorCode`, or the field at fault."))
            .property("reason", string("The error code, or the field's message."))
            .required("name")
            .required("reason");
        object = object
            .property(
                "extraDetails",
                ArrayBuilder::new().items(RefOr::T(Schema::Object(detail.build()))),
            )
            .property("traceId", string("The request's trace id."))
            .required("type")
            .required("title")
            .required("status")
            .required("detail")
            .required("extraDetails")
            .required("traceId");
    } else {
        let entry = ObjectBuilder::new()
            .property("code", string("The error's code."))
            .property("detail", string("The error's message."))
            .property("field", string("The request field at fault."))
            .required("code")
            .required("detail");
        object = object
            .property(
                "code",
                string("The machine-readable code (extension member)."),
            )
            .property(
                "traceId",
                string("The request's trace id (extension member)."),
            )
            .property(
                "errors",
                ArrayBuilder::new().items(RefOr::T(Schema::Object(entry.build()))),
            );
    }
    object.into()
}

fn oney() -> Schema {
    let error = ObjectBuilder::new()
        .property(
            "field",
            string("The request field at fault.").max_length(Some(OneyFormat::FIELD_MAX)),
        )
        .property(
            "error_code",
            string("The error code.").max_length(Some(OneyFormat::CODE_MAX)),
        )
        .property(
            "error_label",
            string("The error's label.").max_length(Some(OneyFormat::LABEL_MAX)),
        )
        .required("error_code")
        .required("error_label");
    let entry = ObjectBuilder::new()
        .property("error", RefOr::T(Schema::Object(error.build())))
        .required("error");
    ObjectBuilder::new()
        .description(Some("An Oney error list."))
        .property(
            "language_code",
            string("ISO 639-1 language code, upper case.")
                .min_length(Some(2))
                .max_length(Some(2)),
        )
        .property(
            "error_list",
            ArrayBuilder::new()
                .items(RefOr::T(Schema::Object(entry.build())))
                .min_items(Some(1)),
        )
        .required("language_code")
        .required("error_list")
        .into()
}

fn google() -> Schema {
    let detail = ObjectBuilder::new()
        .description(Some(
            "A typed detail: ErrorInfo (reason, domain, metadata), LocalizedMessage (locale, \
             message), BadRequest (fieldViolations), RetryInfo (retryDelay) or Help (links).",
        ))
        .property("@type", string("The detail's type URL."))
        .required("@type");
    let status = ObjectBuilder::new()
        .property(
            "code",
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .description(Some("The HTTP status.")),
        )
        .property("message", string("The developer-facing message."))
        .property(
            "status",
            string("The google.rpc.Code name.").enum_values(Some(GRPC_CODE_NAMES)),
        )
        .property(
            "details",
            ArrayBuilder::new().items(RefOr::T(Schema::Object(detail.build()))),
        )
        .required("code")
        .required("message")
        .required("status");
    ObjectBuilder::new()
        .description(Some(
            "Google's error model (AIP-193): google.rpc.Status over HTTP/JSON.",
        ))
        .property("error", RefOr::T(Schema::Object(status.build())))
        .required("error")
        .into()
}
