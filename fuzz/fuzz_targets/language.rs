//! Chooses a body's language for arbitrary `Accept-Language` values: never a panic, the
//! language written is one the error has, `Content-Language` names every language written
//! (a Thai detail under an English title says `th, en`), the text is in it,
//! and rendering the body alone writes the same bytes, in every format.

#![no_main]

use apierror::{ApiError, Format, Renderer, RequestContext};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, ApiError)]
enum Cart {
    #[status(404)]
    #[code("cart_not_found")]
    #[message("cart {id} was not found")]
    #[message(ja = "カート {id} が見つかりません", th = "ไม่พบตะกร้า {id}", pt_BR = "carrinho {id} não encontrado")]
    #[title(ja = "カートが見つかりません", pt_BR = "Carrinho não encontrado")]
    NotFound { id: u64 },
}

fuzz_target!(|header: &str| {
    let Ok(ctx) = RequestContext::new().with_accept_language(header) else {
        assert!(header.chars().any(char::is_control));
        return;
    };
    let err = Cart::NotFound { id: 7 };
    for format in Format::BUILT_IN {
        let res = Renderer::new(format).response(format, &err, &ctx);
        let header_value = res.headers()["content-language"].to_str().unwrap();
        let body = std::str::from_utf8(res.body()).unwrap();
        // A Google body's message is English; a localized one comes beside it, and the
        // header names both (`en, ja`).
        let titled = matches!(format, Format::Problem | Format::Vipps);
        let lang = match (format, header_value.split_once(", ")) {
            (Format::Google, Some((first, localized))) => {
                assert_eq!(first, "en", "{header:?}");
                assert!(body.contains("cart 7 was not found"), "{body} for {header:?}");
                localized
            }
            // Each text in its own language: a Thai detail under a title that has no Thai
            // (the status phrase, or the variant's title), which is English.
            (_, Some((message, title))) if titled => {
                assert_eq!((message, title), ("th", "en"), "{format} for {header:?}");
                message
            }
            _ => header_value,
        };
        let text = match lang {
            "en" => "cart 7 was not found",
            "ja" => "カート 7 が見つかりません",
            "pt-BR" => "carrinho 7 não encontrado",
            "th" => "ไม่พบตะกร้า 7",
            other => panic!("{format}: {other} for {header:?}"),
        };
        assert!(body.contains(text), "{format}: {body} for {header:?}");
        // Rendering alone (the Omise body choosing from the derive's table of languages)
        // writes the response's body.
        let mut rendered = Vec::new();
        Renderer::new(format).render(format, &err, &ctx, &mut rendered);
        assert_eq!(rendered, *res.body(), "{format} for {header:?}");
    }
});
