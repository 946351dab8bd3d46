//! Each wire format's body schema as an OpenAPI component: asked of the format itself
//! ([`WireFormat::schema`]), so a format of your own is described like a built-in.

use utoipa::openapi::schema::{ObjectBuilder, Schema};

use crate::format::Format;
use crate::format::WireFormat;
use crate::render::Renderer;

/// The component name of `format`'s body schema, as `renderer` writes it.
pub fn schema_name(renderer: &Renderer, format: Format) -> &'static str {
    renderer.wire(format).schema_name()
}

/// The schema of `format`'s body, as `renderer` writes it: what the format says
/// ([`WireFormat::schema`]), or any object where it says nothing or something OpenAPI
/// cannot hold.
pub fn schema(renderer: &Renderer, format: Format) -> Schema {
    schema_of(renderer.wire(format))
}

/// The schema of `wire`'s body.
pub fn schema_of(wire: &dyn WireFormat) -> Schema {
    wire.schema()
        .and_then(|value| serde_json::from_value(value).ok())
        .unwrap_or_else(|| ObjectBuilder::new().into())
}
