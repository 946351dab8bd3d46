//! Each format's JSON Schema is a valid schema, every body the format writes validates
//! against it, and bodies that break the format's rules do not.

mod common;

use apierror::format::{JsonApi, Microsoft, Stripe, StripeType, WireFormat};
use apierror::validation::ValidationFailure;
use apierror::{ApiError, FieldPath, FieldViolation, Rule};
use common::{cart, price, ShopError, SoldOut, StoreError};
use serde_json::{json, Value};

/// Lists of errors covering every member a format writes.
fn cases() -> Vec<Vec<&'static dyn ApiError>> {
    let leak = |err: ShopError| -> &'static dyn ApiError { Box::leak(Box::new(err)) };
    vec![
        vec![&ShopError::UsedToken],
        vec![leak(cart("a\"b"))],
        vec![leak(price("items[0].price"))],
        vec![leak(price("/data/relationships/x"))],
        vec![&StoreError::Failed],
        vec![&ShopError::CardDeclined, leak(price("amount")), &SoldOut],
        vec![],
        vec![leak_failure(3)],
        vec![leak_failure(102)],
    ]
}

/// A validation failure of `n` violations, one of them at a path with odd names (more
/// than the most kept leaves some out).
fn leak_failure(n: usize) -> &'static dyn ApiError {
    let odd = FieldPath::new().key("meta").key("a/b~c[d\"e");
    let violations =
        std::iter::once(FieldViolation::new(odd, "regex", Rule::Regex)).chain((1..n).map(|i| {
            let path = FieldPath::new().key("items").index(i).key("sku");
            FieldViolation::new(path, "required", Rule::Required)
        }));
    Box::leak(Box::new(ValidationFailure::new(violations)))
}

/// Checks `format`'s schema and every case's body against it; returns the validator for
/// more checks.
fn check(format: impl WireFormat + Clone) -> jsonschema::Validator {
    let schema = format.schema().expect("a schema");
    jsonschema::meta::validate(&schema).unwrap_or_else(|e| panic!("{}: {e}", format.name()));
    let validator = jsonschema::validator_for(&schema).unwrap();
    for errors in cases() {
        for language in [None, Some("ja")] {
            let body = common::answer(format.clone(), &errors, language).3;
            let value: Value = serde_json::from_str(&body).unwrap();
            if let Err(e) = validator.validate(&value) {
                panic!("{} body {body} does not validate: {e}", format.name());
            }
        }
    }
    validator
}

#[test]
fn stripe() {
    let stripe = Stripe::new()
        .with_doc_base("https://docs.example.com/errors")
        .unwrap()
        .with_type_for("used_token", StripeType::IdempotencyError);
    check(Stripe::new());
    let validator = check(stripe);
    assert!(!validator.is_valid(&json!({"error": {"type": "card_error", "code": "c"}})));
    assert!(!validator
        .is_valid(&json!({"error": {"type": "teapot_error", "code": "c", "message": "m"}})));
}

#[test]
fn jsonapi() {
    check(JsonApi::new().with_pointer_prefix(""));
    let validator = check(JsonApi::new());
    let entry = json!({"status": "400", "code": "c", "title": "t", "detail": "d"});
    assert!(validator.is_valid(&json!({"errors": [entry]})));
    assert!(!validator.is_valid(&json!({"errors": []})));
    let mut numeric = entry.clone();
    numeric["status"] = json!(400);
    assert!(!validator.is_valid(&json!({"errors": [numeric]})));
    let mut pointer = entry.clone();
    pointer["source"] = json!({"pointer": "data/~2"});
    assert!(!validator.is_valid(&json!({"errors": [pointer]})));
    assert!(validator.is_valid(&json!({"errors": [entry], "meta": {"omitted": 2}})));
    assert!(!validator.is_valid(&json!({"errors": [entry], "meta": {"omitted": "2"}})));
    assert!(!validator.is_valid(&json!({"errors": [entry], "meta": {"omitted": 0}})));
}

#[test]
fn microsoft() {
    let validator = check(Microsoft::new());
    assert!(!validator.is_valid(&json!({"error": {"code": "X"}})));
    assert!(!validator
        .is_valid(&json!({"error": {"code": "X", "message": "m", "details": [{"code": "Y"}]}})));
}

#[test]
fn openapi_documents_hold_each_schema_whole() {
    use apierror::openapi;
    use apierror::{Format, Renderer};

    let formats: [&dyn WireFormat; 3] = [&Stripe::new(), &JsonApi::new(), &Microsoft::new()];
    for format in formats {
        // A schema OpenAPI cannot hold would come back as any object: it must not.
        let held = serde_json::to_value(openapi::schema_of(format)).unwrap();
        assert_eq!(held, format.schema().unwrap(), "{}", format.name());
    }

    let renderer = Renderer::new(Format::named("jsonapi"))
        .with_format(JsonApi::new())
        .unwrap();
    let responses = openapi::responses::<ShopError>(&renderer, Format::named("jsonapi"));
    let json = serde_json::to_value(&responses).unwrap();
    let content = &json["404"]["content"]["application/vnd.api+json"];
    assert_eq!(
        content["schema"]["$ref"],
        "#/components/schemas/JsonApiErrors"
    );
    assert_eq!(
        content["examples"]["CartNotFound"]["value"]["errors"][0]["code"],
        "cart_not_found"
    );
}
