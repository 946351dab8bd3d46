//! The field-path writers: an arbitrary path (names with any characters, `~`, `/`, quotes,
//! brackets, control characters; any indices) written in each notation reads back to the
//! same path, and written into a JSON string by the public writer gives valid JSON whose
//! text is the notation's. Arbitrary text through each notation's reader never panics, and
//! what it reads writes back to text that reads the same.

#![no_main]

use apierror::format::JsonWriter;
use apierror::{FieldPath, FieldViolation, Notation, Rule, Segment};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

#[derive(Arbitrary, Debug)]
struct Input {
    steps: Vec<Step>,
    text: String,
}

const NOTATIONS: [Notation; 3] = [Notation::Dotted, Notation::Pointer, Notation::Brackets];

/// Whether `path` reads back unchanged from `notation`: a pointer or brackets cannot tell a
/// name of digits from an index, and brackets cannot write an empty leading name.
fn round_trips(path: &FieldPath, notation: Notation) -> bool {
    let digits = |name: &str| !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit());
    match notation {
        Notation::Dotted => true,
        Notation::Pointer => !path.segments().iter().any(|s| matches!(s, Segment::Key(k) if digits(k))),
        _ => {
            let leading_empty = matches!(path.segments().first(), Some(Segment::Key(k)) if k.is_empty());
            !leading_empty && !path.segments().iter().any(|s| matches!(s, Segment::Key(k) if digits(k)))
        }
    }
}

fuzz_target!(|input: Input| {
    let mut path = FieldPath::new();
    for step in input.steps {
        match step {
            Step::Key(name) => path.push_key(name),
            Step::Index(n) => path.push_index(n),
        }
    }
    let violation = FieldViolation::new(path.clone(), "fuzz", Rule::Other);
    for notation in NOTATIONS {
        let text = path.display(notation).to_string();
        if round_trips(&path, notation) {
            assert_eq!(FieldPath::parse(&text, notation).as_ref(), Some(&path), "{notation:?}: {text}");
        }
        let mut out = Vec::new();
        assert!(JsonWriter::new(&mut out).field_in(&violation, notation));
        let written: String = serde_json::from_slice(&out).expect("the field is a JSON string");
        assert_eq!(written, text);

        // Any text: read without a panic, and what is read writes back to text that reads
        // to the same path.
        if let Some(read) = FieldPath::parse(&input.text, notation) {
            let again = read.display(notation).to_string();
            assert_eq!(FieldPath::parse(&again, notation), Some(read), "{notation:?}: {:?}", input.text);
        }
    }
});
