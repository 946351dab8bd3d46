//! OpenAPI descriptions (feature `utoipa`): a derived type's responses, one per status, with
//! the format's body schema and one named example per variant, and whole documents built
//! from a list of operations.
//!
//! ```
//! use apierror::openapi::{self, Operation};
//! use apierror::{ApiError, Format, Renderer};
//!
//! #[derive(Debug, ApiError)]
//! enum ChargeError {
//!     /// The token was used before.
//!     #[status(400)]
//!     #[code("used_token")]
//!     #[message("token was already used")]
//!     UsedToken,
//!     #[status(404)]
//!     #[code("not_found")]
//!     #[message("charge {id} was not found")]
//!     NotFound { id: String },
//! }
//!
//! let renderer = Renderer::default();
//! let responses = openapi::responses::<ChargeError>(&renderer, Format::Omise);
//! assert_eq!(responses.responses.keys().collect::<Vec<_>>(), ["400", "404"]);
//!
//! let doc = openapi::document(
//!     "Charges",
//!     "1.0.0",
//!     &renderer,
//!     Format::Problem,
//!     &[Operation::post("/charges", ChargeError::catalog())],
//! );
//! let json = doc.to_json().unwrap();
//! assert!(json.contains(r#""openapi":"3.1.0""#));
//! assert!(json.contains(r##""$ref":"#/components/schemas/Problem""##));
//! ```

mod schemas;

use std::collections::BTreeMap;

use http::Method;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::path::{
    HttpMethod, OperationBuilder, Parameter, ParameterBuilder, ParameterIn, PathItem,
};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::Required;
use utoipa::openapi::{
    ComponentsBuilder, ContentBuilder, InfoBuilder, OpenApi, OpenApiBuilder, PathsBuilder, Ref,
    ResponseBuilder, Responses, ResponsesBuilder,
};

pub use schemas::{schema, schema_name, schema_of};

use crate::format::Format;
use crate::model::api_error::ApiError;
use crate::model::catalog::Catalog;
use crate::model::dynamic::DynamicError;
use crate::render::Renderer;
use crate::request::context::RequestContext;

/// The responses of `E`: see [`catalog_responses`].
pub fn responses<E: ApiError>(renderer: &Renderer, format: Format) -> Responses {
    catalog_responses(E::catalog(), renderer, format)
}

/// The responses of every variant of `catalog` in `format`: one per HTTP status, its body a
/// `$ref` to the format's schema (`#/components/schemas/` + [`schema_name`]), with one
/// example per variant named after it. Placeholders of a template show as `{name}` in the
/// examples.
pub fn catalog_responses(catalog: &Catalog, renderer: &Renderer, format: Format) -> Responses {
    catalogs_responses(&[catalog], renderer, format)
}

/// The responses of every variant of several catalogs, merged by status (a server's own
/// errors beside a provider's catalog): as [`catalog_responses`], where an example takes its
/// variant's name, or `Type::Variant` when an earlier catalog's variant of the same status
/// has that name already.
///
/// ```
/// use apierror::openapi;
/// use apierror::{ApiError, Format, Renderer};
///
/// #[derive(Debug, ApiError)]
/// #[status(404)]
/// #[code("not_found")]
/// #[message("not found")]
/// struct NotFound;
///
/// #[derive(Debug, ApiError)]
/// enum StoreError {
///     #[status(503)]
///     #[code("database_unavailable")]
///     #[message("retry later")]
///     Unavailable,
///     #[status(404)]
///     #[code("not_found")]
///     #[message("no such row")]
///     NotFound,
/// }
///
/// let catalogs = [NotFound::catalog(), StoreError::catalog()];
/// let responses = openapi::catalogs_responses(&catalogs, &Renderer::default(), Format::Omise);
/// assert_eq!(responses.responses.keys().collect::<Vec<_>>(), ["404", "503"]);
/// let json = serde_json::to_value(&responses).unwrap();
/// let examples = &json["404"]["content"]["application/json; charset=utf-8"]["examples"];
/// assert_eq!(examples["NotFound"]["value"]["message"], "not found");
/// assert_eq!(examples["StoreError::NotFound"]["value"]["message"], "no such row");
/// ```
pub fn catalogs_responses(catalogs: &[&Catalog], renderer: &Renderer, format: Format) -> Responses {
    let mut by_status: BTreeMap<u16, Vec<_>> = BTreeMap::new();
    for catalog in catalogs {
        for meta in catalog.variants {
            by_status
                .entry(meta.status)
                .or_default()
                .push((catalog.name, meta));
        }
    }
    let ctx = RequestContext::new();
    let mut builder = ResponsesBuilder::new();
    for (status, variants) in by_status {
        let mut examples: Vec<(String, _)> = Vec::new();
        for (type_name, meta) in variants {
            let args = meta.placeholders().map(|p| (p, format!("{{{p}}}")));
            // Every placeholder has an argument, so this never fails; a variant that could
            // not be built would only lose its example.
            let Ok(err) = DynamicError::new(meta, args) else {
                continue;
            };
            let mut body = Vec::new();
            renderer.render(format, &err, &ctx, &mut body);
            let value = serde_json::from_slice(&body).ok();
            let mut example = ExampleBuilder::new().summary(meta.title).value(value);
            if !meta.description.is_empty() {
                example = example.description(meta.description);
            }
            // Examples are keyed by name: a second `NotFound` would replace the first.
            let name = match examples.iter().any(|(taken, _)| taken == meta.name) {
                true => format!("{type_name}::{}", meta.name),
                false => meta.name.to_owned(),
            };
            examples.push((name, example.build()));
        }
        let reason = http::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("Error");
        let content = ContentBuilder::new()
            .schema(Some(Ref::from_schema_name(schema_name(renderer, format))))
            .examples_from_iter(examples)
            .build();
        let response = ResponseBuilder::new()
            .description(reason)
            .content(renderer.wire(format).content_type(), content)
            .build();
        builder = builder.response(status.to_string(), response);
    }
    builder.build()
}

/// One operation of a document: a method, a path and the catalogs of errors it may answer
/// with.
#[derive(Debug, Clone)]
pub struct Operation {
    /// The HTTP method; one OpenAPI has no slot for (`CONNECT`, extensions) leaves the
    /// operation out of the document.
    pub method: Method,
    /// The path, e.g. `/transfers/{id}`.
    pub path: &'static str,
    /// The errors the operation answers with.
    pub catalog: &'static Catalog,
    /// Other catalogs whose errors it may answer with too, e.g. a server's own beside the
    /// provider's catalog it implements (see [`catalogs_responses`]).
    pub more_catalogs: Vec<&'static Catalog>,
}

impl Operation {
    /// An operation answering with the errors of `catalog`.
    pub fn new(method: Method, path: &'static str, catalog: &'static Catalog) -> Self {
        Operation {
            method,
            path,
            catalog,
            more_catalogs: Vec::new(),
        }
    }

    /// A `GET` operation.
    pub fn get(path: &'static str, catalog: &'static Catalog) -> Self {
        Operation::new(Method::GET, path, catalog)
    }

    /// A `POST` operation.
    pub fn post(path: &'static str, catalog: &'static Catalog) -> Self {
        Operation::new(Method::POST, path, catalog)
    }

    /// This operation, answering with the errors of `catalog` too.
    ///
    /// ```
    /// # #[derive(Debug, apierror::ApiError)]
    /// # #[status(404)] #[code("not_found")] #[message("not found")]
    /// # struct NotFound;
    /// # #[derive(Debug, apierror::ApiError)]
    /// # #[status(503)] #[code("database_unavailable")] #[message("retry later")]
    /// # struct Unavailable;
    /// use apierror::openapi::Operation;
    /// use apierror::ApiError;
    ///
    /// let op = Operation::get("/transfers/{id}", NotFound::catalog())
    ///     .with_catalog(Unavailable::catalog());
    /// assert_eq!(op.more_catalogs.len(), 1);
    /// ```
    pub fn with_catalog(mut self, catalog: &'static Catalog) -> Self {
        self.more_catalogs.push(catalog);
        self
    }

    /// Every catalog of the operation, its first one first.
    fn catalogs(&self) -> Vec<&Catalog> {
        let first = std::iter::once(self.catalog);
        first.chain(self.more_catalogs.iter().copied()).collect()
    }
}

/// A whole OpenAPI 3.1 document: `title` and `version` in `info`, every operation with its
/// catalogs' error responses in `format`, and the format's schema in `components`.
///
/// Operations on the same path share its path item. Each `{name}` of a path is declared as
/// a required string path parameter, as OpenAPI requires.
pub fn document(
    title: &str,
    version: &str,
    renderer: &Renderer,
    format: Format,
    operations: &[Operation],
) -> OpenApi {
    let mut paths = PathsBuilder::new();
    for op in operations {
        let Some(method) = http_method(&op.method) else {
            continue;
        };
        let operation = OperationBuilder::new()
            .parameters(Some(path_parameters(op.path)))
            .responses(catalogs_responses(&op.catalogs(), renderer, format))
            .build();
        paths = paths.path(op.path, PathItem::new(method, operation));
    }
    let components = ComponentsBuilder::new()
        .schema(schema_name(renderer, format), schema(renderer, format))
        .build();
    OpenApiBuilder::new()
        .info(InfoBuilder::new().title(title).version(version))
        .paths(paths)
        .components(Some(components))
        .build()
}

/// The `{name}` segments of `path` as required string path parameters.
fn path_parameters(path: &str) -> Vec<Parameter> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}'))
        .map(|(name, _)| {
            ParameterBuilder::new()
                .name(name)
                .parameter_in(ParameterIn::Path)
                .required(Required::True)
                .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
                .build()
        })
        .collect()
}

fn http_method(method: &Method) -> Option<HttpMethod> {
    Some(match *method {
        Method::GET => HttpMethod::Get,
        Method::POST => HttpMethod::Post,
        Method::PUT => HttpMethod::Put,
        Method::DELETE => HttpMethod::Delete,
        Method::PATCH => HttpMethod::Patch,
        Method::HEAD => HttpMethod::Head,
        Method::OPTIONS => HttpMethod::Options,
        Method::TRACE => HttpMethod::Trace,
        _ => return None,
    })
}
