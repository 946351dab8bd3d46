//! `GET /errors`: the server's own errors as a page, one section per error with its code as
//! the anchor. It is what the Omise-format `location` of these errors points at
//! (`…/errors#database-unavailable`), as Omise's own errors point at omise.co's reference.

use apierror::ApiError;
use axum::response::Html;

use crate::errors::ServerError;

/// The page: each variant of [`ServerError`]'s catalog, from its metadata (title, status,
/// code, message, and the doc comment as its description).
pub async fn errors() -> Html<String> {
    let mut page = String::from(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Transfers server errors</title></head><body>\n<h1>Transfers server errors</h1>\n",
    );
    for meta in ServerError::catalog().variants {
        // The anchor is the code with `_` written `-`, as the Omise format writes it.
        let anchor = meta.code.replace('_', "-");
        page.push_str(&format!(
            "<section id=\"{anchor}\"><h2>{}</h2><p><code>{}</code>, HTTP {}</p><p>{}</p><p>{}</p></section>\n",
            escape(meta.title),
            escape(meta.code),
            meta.status,
            escape(meta.message.unwrap_or_default()),
            escape(meta.description),
        ));
    }
    page.push_str("</body></html>\n");
    Html(page)
}

/// `text` for HTML: the catalog's texts are the server's own, but a page never trusts them.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
