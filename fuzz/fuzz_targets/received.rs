//! Reads arbitrary received messages and fields back into every variant of a templated
//! enum (`ApiError::from_received`) and through `capture` with arbitrary templates.
//!
//! A rebuilt value must render exactly the message it was read from, and carry the
//! received field; `capture`'s values must rebuild the message from the template.

#![no_main]

use apierror::parse::{capture, Received, TemplatePiece};
use apierror::ApiError;
use apierror_fuzz::{message, FuzzError};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

/// Template pieces from a small vocabulary (pieces are `&'static str`).
const LITERALS: &[&str] = &["", " ", "a", " and ", "é", "{", "\"", "aa", "🦀", " not found"];
const NAMES: &[&str] = &["a", "b", "c"];

#[derive(Arbitrary, Debug)]
enum PieceIn {
    Literal(u8),
    Field(u8),
}

#[derive(Arbitrary, Debug)]
struct Input {
    message: Option<String>,
    field: Option<String>,
    pieces: Vec<PieceIn>,
}

fuzz_target!(|input: Input| {
    let received = Received {
        message: input.message.as_deref(),
        field: input.field.as_deref(),
    };
    for meta in FuzzError::catalog().variants {
        let Some(rebuilt) = FuzzError::from_received(meta, &received) else {
            continue;
        };
        assert_eq!(rebuilt.meta(), meta);
        match rebuilt {
            // The override's default, or the received text.
            FuzzError::Override { message: None } => {
                assert!(received.message.is_none_or(|m| m == "default text"))
            }
            // Numbers are parsed leniently (trimmed, `+1` = `1`): the value, not the text,
            // is what comes back.
            FuzzError::Amount { .. } | FuzzError::Unavailable { .. } => {}
            // `field` is read from the body's `field`, not from the message (which may hold
            // another text, e.g. the full field where Oney's `field` was cut).
            FuzzError::Invalid { .. } => {}
            // No field to read: the code alone names it, whatever the message says.
            FuzzError::Plain => {}
            _ => assert_eq!(Some(message(&rebuilt).as_str()), received.message),
        }
        if let Some(field) = rebuilt.field() {
            assert_eq!(Some(field.to_string().as_str()), received.field);
        }
    }

    let pieces: Vec<TemplatePiece> = input
        .pieces
        .iter()
        .take(12)
        .map(|p| match p {
            PieceIn::Literal(i) => TemplatePiece::Literal(LITERALS[*i as usize % LITERALS.len()]),
            PieceIn::Field(i) => TemplatePiece::Field(NAMES[*i as usize % NAMES.len()]),
        })
        .collect();
    let text = input.message.as_deref().unwrap_or("");
    if let Some(captured) = capture(&pieces, text) {
        let mut values = captured.iter();
        let mut rebuilt = String::new();
        for piece in &pieces {
            match piece {
                TemplatePiece::Literal(l) => rebuilt.push_str(l),
                TemplatePiece::Field(name) => {
                    let (n, v) = values.next().expect("one capture per placeholder");
                    assert_eq!(n, name);
                    rebuilt.push_str(v);
                }
            }
        }
        assert!(values.next().is_none());
        assert_eq!(rebuilt, text);
    }
});
