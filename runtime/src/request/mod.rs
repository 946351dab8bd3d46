//! What a request tells a body: its [`RequestContext`](context::RequestContext) (instance,
//! trace id, language preferences, extension members), W3C trace context, and the parsed
//! `Accept-Language` and quality values. Imports only the model.

pub(crate) mod context;
pub(crate) mod preferences;
pub(crate) mod quality;
pub(crate) mod traceparent;
