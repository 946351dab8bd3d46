//! Choosing among what the server has from what the request prefers: a format from
//! `Accept` ([`accept`]), a language for each text from `Accept-Language` ([`language`]).
//! Imports the model and the request.

pub(crate) mod accept;
pub(crate) mod language;
