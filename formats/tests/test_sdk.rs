//! The providers' own client libraries read what the formats send: stripe-python raises the
//! exception Stripe's API would have made it raise, azure-core reads the Microsoft error
//! (and `x-ms-error-code`), a JSON:API client parses our documents, and they validate
//! against the JSON:API schema.
//!
//! Each check renders its cases here, writes them (each response as the bytes an HTTP/1.1
//! server sends) to a file, and runs a script of `tests/sdk/` on it, which asserts what the
//! library made of each and prints it (`cargo test --test test_sdk -- --nocapture` shows
//! it). The libraries are pinned in `tests/sdk/requirements.txt` and `package.json`, and
//! installed into the target directory once (`pip install --target`, `npm ci`). Where they
//! cannot be installed (no Python, no npm, no registry), a check is skipped with a message
//! saying why; with `APIERROR_REQUIRE_SDKS` set, as CI sets it, it fails instead.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use apierror::format::{JsonApi, Microsoft, Stripe, StripeType, WireFormat};
use apierror::validation::ValidationFailure;
use apierror::{ApiError, FieldPath, FieldViolation, Format, RequestContext, Rule};
use common::{cart, price, ShopError, SoldOut, StoreError};
use serde_json::{json, Value};

/// Errors as Stripe's API reports them, one per exception stripe-python chooses.
#[derive(Debug, ApiError)]
enum PayError {
    #[status(400)]
    #[code("parameter_missing")]
    #[message("missing required param: {param}")]
    ParameterMissing {
        #[field]
        param: String,
    },
    #[status(400)]
    #[code("incorrect_cvc")]
    #[message("your card's security code is incorrect")]
    IncorrectCvc,
    #[status(400)]
    #[code("idempotency_key_in_use")]
    #[message("keys for idempotent requests can only be used with the same parameters")]
    KeyInUse,
    #[status(401)]
    #[code("api_key_invalid")]
    #[message("invalid API key provided")]
    Unauthorized,
    #[status(402)]
    #[code("card_declined")]
    #[message("your card was declined")]
    #[message(ja = "カードが拒否されました")]
    CardDeclined,
    #[status(403)]
    #[code("secret_key_required")]
    #[message("this request needs a secret key")]
    Forbidden,
    #[status(404)]
    #[code("resource_missing")]
    #[message("no such charge: \"{id}\"")]
    Missing { id: String },
    #[status(400)]
    #[code("invalid_params")]
    #[message("some parameters are invalid")]
    InvalidParams,
    #[status(422)]
    #[code("unprocessable")]
    #[message("the request could not be processed")]
    Unprocessable,
    #[status(429)]
    #[code("rate_limit")]
    #[message("too many requests")]
    RateLimited,
    #[status(503)]
    #[code("unavailable")]
    #[message("try again in {secs} s")]
    Unavailable { secs: u32 },
}

/// Codes in the guidelines' PascalCase.
#[derive(Debug, ApiError)]
#[api_error(rename_all = "PascalCase")]
enum TransferError {
    #[status(400)]
    #[message("amount exceeds the available balance")]
    InvalidTransfer {
        #[field]
        field: &'static str,
    },
}

/// Three violations of a validator: a length, a pattern at a path whose name holds every
/// character a notation escapes, a required field.
fn violations() -> Vec<FieldViolation> {
    let length = Rule::Length {
        min: Some(3),
        max: None,
        equal: None,
    };
    vec![
        FieldViolation::new(
            FieldPath::new().key("items").index(2).key("sku"),
            "length",
            length,
        ),
        FieldViolation::new(
            FieldPath::new().key("meta").key("a/b~c[d\"e"),
            "regex",
            Rule::Regex,
        ),
        FieldViolation::new(FieldPath::new().key("email"), "required", Rule::Required),
    ]
}

/// One response for a script: its name, the HTTP/1.1 bytes, what the library must read.
struct Case {
    name: &'static str,
    http: String,
    expect: Value,
}

/// The response to `errors` in `format` as an HTTP/1.1 server sends it.
fn http(
    format: impl WireFormat,
    errors: &[&dyn ApiError],
    accept_language: Option<&str>,
) -> String {
    let name = Format::named(format.name());
    let mut ctx = RequestContext::new();
    if let Some(preferences) = accept_language {
        ctx = ctx.with_accept_language(preferences).unwrap();
    }
    let res = common::renderer(format).response_all(name, errors, &ctx);
    let status = res.status();
    let mut text = format!(
        "HTTP/1.1 {} {}\r\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error")
    );
    for (name, value) in res.headers() {
        text += &format!("{name}: {}\r\n", value.to_str().unwrap());
    }
    let body = String::from_utf8(res.body().clone()).unwrap();
    text += &format!("content-length: {}\r\n\r\n{body}", body.len());
    text
}

/// Runs `program` on `cases` (written to a file named after `check`) with `envs`; panics
/// with its output where it fails.
fn run(
    check: &str,
    program: &str,
    script_and_args: &[&Path],
    envs: &[(&str, &Path)],
    cases: &[Case],
) {
    let file = tmp().join(format!("sdk-{check}-cases.json"));
    let cases_json: Vec<Value> = cases
        .iter()
        .map(|c| json!({"name": c.name, "http": c.http, "expect": c.expect}))
        .collect();
    std::fs::write(&file, serde_json::to_vec_pretty(&cases_json).unwrap()).unwrap();
    let (script, rest) = script_and_args.split_first().unwrap();
    let output = Command::new(program)
        .arg(script)
        .arg(&file)
        .args(rest)
        .envs(envs.iter().map(|(k, v)| (*k, v.as_os_str())))
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{check}:\n{stdout}{stderr}");
    assert!(
        output.status.success(),
        "{check} failed:\n{stdout}\n{stderr}"
    );
    for case in cases {
        assert!(
            stdout.contains(&format!("{}:", case.name)),
            "{check} did not report {}",
            case.name
        );
    }
}

fn sdk_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("sdk")
}

fn tmp() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

/// Skips a check whose libraries could not be installed, saying why; fails instead where
/// `APIERROR_REQUIRE_SDKS` is set.
fn skip(check: &str, why: &str) {
    if std::env::var_os("APIERROR_REQUIRE_SDKS").is_some() {
        panic!("{check}: {why} (APIERROR_REQUIRE_SDKS is set)");
    }
    eprintln!("skipped {check}: {why}; set APIERROR_REQUIRE_SDKS=1 to make this a failure");
}

/// Installs into `dir` with `install`, after `prepare` has laid out what it reads, unless
/// `dir` holds the `pins` it was installed from last time.
fn install(
    dir: &Path,
    pins: &str,
    prepare: impl FnOnce(&Path) -> std::io::Result<()>,
    install: &mut Command,
) -> Result<PathBuf, String> {
    let marker = dir.join(".installed-from");
    if std::fs::read_to_string(&marker).is_ok_and(|installed| installed == pins) {
        return Ok(dir.to_owned());
    }
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir)
        .and_then(|()| prepare(dir))
        .map_err(|e| e.to_string())?;
    let output = install
        .output()
        .map_err(|e| format!("cannot run {install:?}: {e}"))?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        let said = said.lines().filter(|l| !l.trim().is_empty()).take(3);
        return Err(format!(
            "{install:?} failed: {}",
            said.collect::<Vec<_>>().join(" / ")
        ));
    }
    std::fs::write(&marker, pins).map_err(|e| e.to_string())?;
    Ok(dir.to_owned())
}

/// A directory holding the pinned Python libraries, for `PYTHONPATH`.
fn python_libraries() -> &'static Result<PathBuf, String> {
    static DIR: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    DIR.get_or_init(|| {
        let requirements = sdk_dir().join("requirements.txt");
        let pins = std::fs::read_to_string(&requirements).map_err(|e| e.to_string())?;
        let dir = tmp().join("sdk-python");
        install(
            &dir,
            &pins,
            |_| Ok(()),
            Command::new("python3")
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                ])
                .args(["--no-warn-script-location", "--target"])
                .arg(&dir)
                .arg("-r")
                .arg(&requirements),
        )
    })
}

/// A directory holding the pinned npm packages in `node_modules`.
fn node_packages() -> &'static Result<PathBuf, String> {
    static DIR: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    DIR.get_or_init(|| {
        let lock = std::fs::read_to_string(sdk_dir().join("package-lock.json"))
            .map_err(|e| e.to_string())?;
        let dir = tmp().join("sdk-node");
        // `npm ci` reads the manifests from the directory it installs into.
        let copy = |dir: &Path| {
            for file in ["package.json", "package-lock.json"] {
                std::fs::copy(sdk_dir().join(file), dir.join(file))?;
            }
            Ok(())
        };
        install(
            &dir,
            &lock,
            copy,
            Command::new("npm")
                .args(["ci", "--silent", "--no-audit", "--no-fund", "--prefix"])
                .arg(&dir),
        )
    })
}

/// Runs a Python check script on `cases`, or skips it.
fn python_check(check: &str, script: &str, cases: &[Case]) {
    match python_libraries() {
        // No `__pycache__` beside the scripts: the package's files stay as committed.
        Ok(dir) => run(
            check,
            "python3",
            &[&sdk_dir().join(script)],
            &[
                ("PYTHONPATH", dir),
                ("PYTHONDONTWRITEBYTECODE", Path::new("1")),
            ],
            cases,
        ),
        Err(why) => skip(check, why),
    }
}

#[test]
fn stripe_python_raises_the_exception_stripe_would_make_it_raise() {
    let stripe = Stripe::new()
        .with_doc_base("https://docs.example.com/errors")
        .unwrap()
        .with_type_for("incorrect_cvc", StripeType::CardError)
        .with_type_for("idempotency_key_in_use", StripeType::IdempotencyError);
    let doc = |code: &str| format!("https://docs.example.com/errors/{code}");
    let case = |name,
                err: &dyn ApiError,
                class: &str,
                message: &str,
                kind: &str,
                param: Option<&str>| Case {
        name,
        http: http(stripe.clone(), &[err], None),
        expect: json!({"class": class, "code": err.code(), "message": message, "type": kind, "param": param, "doc_url": doc(err.code())}),
    };
    let missing = PayError::Missing {
        id: "ch_\"1\"".into(),
    };
    let param = PayError::ParameterMissing {
        param: "items[0].price".into(),
    };
    // A validation failure: the summary's code and type, the first violation's message
    // and param.
    let invalid = ValidationFailure::with_summary(PayError::InvalidParams, violations());
    let odd = ValidationFailure::new(violations().into_iter().skip(1));
    let mut cases = vec![
        case(
            "validation_400",
            &invalid,
            "InvalidRequestError",
            "must be at least 3 characters",
            "invalid_request_error",
            Some("items[2][sku]"),
        ),
        case(
            "validation_422",
            &odd,
            "APIError",
            "is invalid",
            "invalid_request_error",
            Some("meta[a/b~c%5Bd\"e]"),
        ),
        case(
            "missing_param",
            &param,
            "InvalidRequestError",
            "missing required param: items[0].price",
            "invalid_request_error",
            Some("items[0][price]"),
        ),
        // stripe-python chooses by status first: a card_error sent with 400 is an invalid
        // request to it, its `type` kept on the error object.
        case(
            "card_error_400",
            &PayError::IncorrectCvc,
            "InvalidRequestError",
            "your card's security code is incorrect",
            "card_error",
            None,
        ),
        case(
            "idempotency",
            &PayError::KeyInUse,
            "IdempotencyError",
            "keys for idempotent requests can only be used with the same parameters",
            "idempotency_error",
            None,
        ),
        case(
            "unauthorized",
            &PayError::Unauthorized,
            "AuthenticationError",
            "invalid API key provided",
            "invalid_request_error",
            None,
        ),
        case(
            "card_declined",
            &PayError::CardDeclined,
            "CardError",
            "your card was declined",
            "card_error",
            None,
        ),
        case(
            "forbidden",
            &PayError::Forbidden,
            "PermissionError",
            "this request needs a secret key",
            "invalid_request_error",
            None,
        ),
        case(
            "not_found",
            &missing,
            "InvalidRequestError",
            "no such charge: \"ch_\"1\"\"",
            "invalid_request_error",
            None,
        ),
        // A status Stripe never sends: the library's catch-all.
        case(
            "unprocessable_422",
            &PayError::Unprocessable,
            "APIError",
            "the request could not be processed",
            "invalid_request_error",
            None,
        ),
        case(
            "rate_limited",
            &PayError::RateLimited,
            "RateLimitError",
            "too many requests",
            "invalid_request_error",
            None,
        ),
        case(
            "unavailable_503",
            &PayError::Unavailable { secs: 30 },
            "APIError",
            "try again in 30 s",
            "api_error",
            None,
        ),
        case(
            "display_500",
            &StoreError::Failed,
            "APIError",
            "Internal Server Error",
            "api_error",
            None,
        ),
    ];
    cases.push(Case {
        name: "card_declined_ja",
        http: http(stripe.clone(), &[&PayError::CardDeclined], Some("ja")),
        expect: json!({"class": "CardError", "code": "card_declined", "message": "カードが拒否されました", "type": "card_error", "doc_url": doc("card_declined")}),
    });
    cases.push(Case {
        name: "no_doc_base",
        http: http(Stripe::new(), &[&PayError::CardDeclined], None),
        expect: json!({"class": "CardError", "code": "card_declined", "message": "your card was declined", "type": "card_error"}),
    });
    python_check("stripe-python", "stripe_check.py", &cases);
}

#[test]
fn azure_core_reads_the_microsoft_error() {
    let case = |name, errors: &[&dyn ApiError], class: &str, expect: Value| {
        let mut expect = expect;
        expect["class"] = json!(class);
        Case {
            name,
            http: http(Microsoft::new(), errors, Some("ja")),
            expect,
        }
    };
    let failure = ValidationFailure::new(violations());
    let cases = [
        case(
            "validation",
            &[&failure],
            "HttpResponseError",
            json!({
                "code": "validation_failed", "message": "リクエストに無効なフィールドがあります",
                "details": [
                    ["length", "3 文字以上にしてください", "items[2].sku"],
                    ["regex", "無効です", "meta[\"a/b~c[d\\\"e\"]"],
                    ["required", "必須です", "email"],
                ],
            }),
        ),
        case(
            "bad_request",
            &[&ShopError::UsedToken],
            "HttpResponseError",
            json!({"code": "used_token", "message": "token was already used"}),
        ),
        case(
            "not_found",
            &[&cart("a\"b")],
            "ResourceNotFoundError",
            json!({"code": "cart_not_found", "message": "カート「a\"b」が見つかりません"}),
        ),
        case(
            "conflict_ja",
            &[&SoldOut],
            "ResourceExistsError",
            json!({"code": "sold_out", "message": "在庫切れです"}),
        ),
        case(
            "target",
            &[&price("items[0].price")],
            "HttpResponseError",
            json!({"code": "invalid_price", "message": "price must be at least 1", "target": "items[0].price"}),
        ),
        case(
            "pascal_case",
            &[&TransferError::InvalidTransfer { field: "amount" }],
            "HttpResponseError",
            json!({"code": "InvalidTransfer", "message": "amount exceeds the available balance", "target": "amount"}),
        ),
        case(
            "several",
            &[&price("amount"), &ShopError::UsedToken, &cart("7")],
            "HttpResponseError",
            json!({
                "code": "invalid_price", "message": "price must be at least 1", "target": "amount",
                "details": [
                    ["invalid_price", "price must be at least 1", "amount"],
                    ["used_token", "token was already used", null],
                    ["cart_not_found", "cart \"7\" was not found", null],
                ],
            }),
        ),
        case(
            "display_500",
            &[&StoreError::Failed],
            "HttpResponseError",
            json!({"code": "store_failed", "message": "Internal Server Error"}),
        ),
    ];
    python_check("azure-core", "azure_check.py", &cases);
}

/// The JSON:API cases: each document and its entries, `[status, code, title, detail,
/// pointer]`.
fn jsonapi_cases() -> Vec<Case> {
    let case = |name, errors: &[&dyn ApiError], entries: Value| Case {
        name,
        http: http(JsonApi::new(), errors, Some("ja")),
        expect: json!({"errors": entries}),
    };
    let failure = ValidationFailure::new(violations());
    // More violations than a failure keeps: the count left out in the top-level `meta`.
    let many = ValidationFailure::new((0..102).map(|i| {
        FieldViolation::new(
            FieldPath::new().key("items").index(i).key("sku"),
            "required",
            Rule::Required,
        )
    }));
    let many_entries: Vec<Value> = (0..100)
        .map(|i| {
            json!([
                "422",
                "required",
                "無効なフィールド",
                "必須です",
                format!("/data/attributes/items/{i}/sku")
            ])
        })
        .collect();
    vec![
        case(
            "validation",
            &[&failure],
            json!([
                [
                    "422",
                    "length",
                    "無効なフィールド",
                    "3 文字以上にしてください",
                    "/data/attributes/items/2/sku"
                ],
                [
                    "422",
                    "regex",
                    "無効なフィールド",
                    "無効です",
                    "/data/attributes/meta/a~1b~0c[d\"e"
                ],
                [
                    "422",
                    "required",
                    "無効なフィールド",
                    "必須です",
                    "/data/attributes/email"
                ],
            ]),
        ),
        case("validation_omitted", &[&many], json!(many_entries)),
        case(
            "one",
            &[&ShopError::UsedToken],
            json!([[
                "400",
                "used_token",
                "Used Token",
                "token was already used",
                null
            ]]),
        ),
        case(
            "pointer",
            &[&price("items[0].price")],
            json!([[
                "422",
                "invalid_price",
                "Invalid Price",
                "price must be at least 1",
                "/data/attributes/items/0/price"
            ]]),
        ),
        case(
            "relationship",
            &[&price("/data/relationships/author")],
            json!([[
                "422",
                "invalid_price",
                "Invalid Price",
                "price must be at least 1",
                "/data/relationships/author"
            ]]),
        ),
        case(
            "translated",
            &[&cart("7")],
            json!([[
                "404",
                "cart_not_found",
                "カートが見つかりません",
                "カート「7」が見つかりません",
                null
            ]]),
        ),
        case(
            "several",
            &[
                &price("name"),
                &ShopError::Unavailable { secs: 1 },
                &SoldOut,
            ],
            json!([
                [
                    "422",
                    "invalid_price",
                    "Invalid Price",
                    "price must be at least 1",
                    "/data/attributes/name"
                ],
                [
                    "503",
                    "unavailable",
                    "Unavailable",
                    "try again in 1 s",
                    null
                ],
                ["409", "sold_out", "売り切れ", "在庫切れです", null],
            ]),
        ),
        case(
            "display_500",
            &[&StoreError::Failed],
            json!([[
                "500",
                "store_failed",
                "Failed",
                "Internal Server Error",
                null
            ]]),
        ),
    ]
}

#[test]
fn a_jsonapi_client_parses_the_documents() {
    python_check("jsonapi-pydantic", "jsonapi_check.py", &jsonapi_cases());
}

#[test]
fn the_documents_validate_against_the_jsonapi_schema() {
    match node_packages() {
        Ok(dir) => run(
            "jsonapi-validator",
            "node",
            &[&sdk_dir().join("jsonapi_schema_check.mjs"), dir],
            &[],
            &jsonapi_cases(),
        ),
        Err(why) => skip("jsonapi-validator", why),
    }
}
