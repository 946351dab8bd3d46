//! Whole requests through an axum router, in process (`tower::ServiceExt::oneshot`, no
//! sockets): what a handler's error costs through the derive and the layer against a
//! hand-written `impl IntoResponse`, and what the layer adds to a success; and a request
//! whose JSON body has five invalid fields, through apierror's `Valid<Json<T>>` extractor
//! and the layer against axum's `Json`, validator and a hand-written serde_json body
//! (group `validation_error`).
//!
//! `cargo bench --bench server`; medians in
//! `target/criterion/server_{error,success}/<function>/new/estimates.json`. Before
//! measuring, `server` asserts that both functions of a group answer with the same status,
//! headers and body bytes. Requests are built as hyper builds them (see [`request`]).
//!
//! Instruction counts, stable where times are noisy (see [`Group`]):
//! `SERVER_BENCH_COUNT=server_error/apierror:2000 valgrind --tool=callgrind
//! --toggle-collect='*measured*' target/release/deps/server-<hash> --bench`.
//!
//! Ratios timed side by side, batch after batch, so that the machine's drift cancels out:
//! `SERVER_BENCH_PAIRED=1001x100 target/release/deps/server-<hash> --bench` (1,001 rounds of
//! 100 requests per function; the batch sets how many requests are in flight).

use std::convert::Infallible;
use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Instant;

use std::borrow::Cow;

use apierror::axum::{ApiErrorLayer, Valid};
use apierror::format::{JsonWriter, WireFormat};
use apierror::{ApiError, Format, Notation, Renderer};
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderName, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{BoxError, Json, Router};
use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkGroup, Criterion};
use serde::{Deserialize, Serialize};
use tower::{Layer, Service, ServiceExt};
use tower_http::request_id::PropagateRequestIdLayer;
use tower_http::trace::TraceLayer;
use validator::{Validate, ValidationError, ValidationErrors, ValidationErrorsKind};

const TRACE: &str = "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01";

#[derive(Debug, thiserror::Error, ApiError)]
enum ShopError {
    #[error("cart {0} was not found")]
    #[status(404)]
    #[code("cart_not_found")]
    CartNotFound(u64),
}

async fn apierror_handler() -> Result<&'static str, ShopError> {
    Err(ShopError::CartNotFound(black_box(7)))
}

/// What a server author writes without apierror: the same RFC 9457 body and headers.
#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'static str,
    status: u16,
    detail: String,
    instance: &'a str,
    code: &'static str,
    #[serde(rename = "traceId", skip_serializing_if = "Option::is_none")]
    trace_id: Option<&'a str>,
}

struct HandWritten<'a> {
    cart: u64,
    instance: &'a str,
    trace_id: Option<&'a str>,
}

impl IntoResponse for HandWritten<'_> {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&Problem {
            kind: "about:blank",
            title: "Not Found",
            status: 404,
            detail: format!("cart {} was not found", self.cart),
            instance: self.instance,
            code: "cart_not_found",
            trace_id: self.trace_id,
        })
        .expect("serializable");
        problem_response(body, StatusCode::NOT_FOUND)
    }
}

/// A hand-written problem response: `body` with `status` and the headers the layer sends.
fn problem_response(body: Vec<u8>, status: StatusCode) -> Response {
    let mut res = Response::new(Body::from(body));
    *res.status_mut() = status;
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static("en"));
    res
}

async fn hand_written_handler(req: Request) -> Response {
    let trace_id = req
        .headers()
        .get("traceparent")
        .and_then(|v| v.to_str().ok());
    HandWritten {
        cart: black_box(7),
        instance: req.uri().path(),
        trace_id,
    }
    .into_response()
}

/// The same RFC 9457 body written by a format of the user's, on the public `WireFormat`
/// trait and `JsonWriter` alone: what a server author's own envelope costs through the layer.
/// A validation failure adds its `errors`, from [`Body::entries`](apierror::format::Body::entries).
#[derive(Debug)]
struct UserProblem;

impl WireFormat for UserProblem {
    fn name(&self) -> &'static str {
        "user_problem"
    }

    fn media_type(&self) -> &'static str {
        "application/problem+json"
    }

    fn content_type(&self) -> &'static str {
        "application/problem+json"
    }

    fn write(&self, body: &apierror::format::Body<'_>, out: &mut Vec<u8>) {
        let err = body.first();
        let status = body.status();
        let mut w = JsonWriter::new(out);
        w.raw(r#"{"type":"about:blank","title":"#);
        w.string(status.canonical_reason().unwrap_or("Error"));
        w.raw(r#","status":"#);
        w.number(u64::from(status.as_u16()));
        w.raw(r#","detail":"#);
        w.message(err, body.message_language(err));
        let ctx = body.context();
        if let Some(instance) = ctx.instance() {
            w.raw(r#","instance":"#);
            w.string(instance);
        }
        w.raw(r#","code":"#);
        w.code(err);
        // A validation failure lists its violations, each with a pointer to its field.
        if body.is_summary() {
            w.raw(r#","errors":["#);
            for (i, entry) in body.entries().iter().enumerate() {
                w.raw(if i == 0 {
                    r#"{"code":"#
                } else {
                    r#",{"code":"#
                });
                w.code(entry);
                w.raw(r#","detail":"#);
                w.message(entry, body.message_language(entry));
                w.raw(r#","pointer":"#);
                if !w.field_in(entry, Notation::Pointer) {
                    w.raw(r#""""#);
                }
                w.raw("}");
            }
            w.raw("]");
        }
        if let Some(trace_id) = ctx.trace_id() {
            w.raw(r#","traceId":"#);
            w.string(trace_id);
        }
        w.raw("}");
    }
}

/// A line of [`NewOrder`].
#[derive(Debug, Deserialize, Validate)]
struct NewItem {
    #[validate(length(min = 3))]
    sku: String,
}

/// An order, which [`ORDER`] fills with five invalid fields: `count`, `currency`, `email`,
/// `items[2].sku` and `name`.
#[derive(Debug, Deserialize, Validate)]
struct NewOrder {
    #[validate(email)]
    email: String,
    #[validate(length(min = 2, max = 40))]
    name: String,
    #[validate(range(min = 1, max = 10))]
    count: u32,
    #[validate(length(equal = 3))]
    currency: String,
    #[validate(nested)]
    items: Vec<NewItem>,
}

/// The order through apierror's validated extractor: its failure is answered by the layer.
async fn apierror_order(Valid(Json(order)): Valid<Json<NewOrder>>) -> String {
    order.name
}

/// What a server author writes without apierror: axum's `Json`, validator, and a problem
/// body listing the invalid fields built from `ValidationErrors` with serde_json.
async fn hand_written_order(req: Request) -> Response {
    let instance = req.uri().path().to_owned();
    let trace_id = req
        .headers()
        .get("traceparent")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let Json(order) = match Json::<NewOrder>::from_request(req, &()).await {
        Ok(json) => json,
        Err(rejection) => return rejection.into_response(),
    };
    match order.validate() {
        Ok(()) => order.name.into_response(),
        Err(errors) => HandWrittenInvalid {
            errors,
            instance,
            trace_id,
        }
        .into_response(),
    }
}

/// The problem body of a validation failure, as `Problem` above, with its `errors`.
#[derive(Serialize)]
struct InvalidProblem<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'static str,
    status: u16,
    detail: &'static str,
    instance: &'a str,
    code: &'static str,
    errors: Vec<FieldError>,
    #[serde(rename = "traceId", skip_serializing_if = "Option::is_none")]
    trace_id: Option<&'a str>,
}

#[derive(Serialize)]
struct FieldError {
    code: Cow<'static, str>,
    detail: String,
    pointer: String,
}

struct HandWrittenInvalid {
    errors: ValidationErrors,
    instance: String,
    trace_id: Option<String>,
}

/// The errors under `pointer`, members in name order (validator keeps them in a hash map)
/// and list elements in index order.
fn field_errors(errors: &ValidationErrors, pointer: &str, out: &mut Vec<FieldError>) {
    let mut members: Vec<_> = errors.errors().iter().collect();
    members.sort_by(|a, b| a.0.cmp(b.0));
    for (name, kind) in members {
        let here = match &**name {
            "__all__" => pointer.to_owned(),
            name => format!("{pointer}/{name}"),
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    out.push(FieldError {
                        code: error.code.clone(),
                        detail: field_message(error),
                        pointer: here.clone(),
                    });
                }
            }
            ValidationErrorsKind::Struct(inner) => field_errors(inner, &here, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    field_errors(inner, &format!("{here}/{index}"), out);
                }
            }
        }
    }
}

/// The validator's message, or one made from the rule's limits.
fn field_message(error: &ValidationError) -> String {
    if let Some(message) = &error.message {
        return message.to_string();
    }
    let param = |name: &str| error.params.get(name);
    match &*error.code {
        "length" => match (param("equal"), param("min"), param("max")) {
            (Some(n), _, _) => format!("must be exactly {n} characters"),
            (None, Some(min), Some(max)) => format!("must be between {min} and {max} characters"),
            (None, Some(min), None) => format!("must be at least {min} characters"),
            (None, None, Some(max)) => format!("must be at most {max} characters"),
            _ => "has an invalid length".to_owned(),
        },
        "range" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => format!("must be between {min} and {max}"),
            (Some(min), None) => format!("must be at least {min}"),
            (None, Some(max)) => format!("must be at most {max}"),
            _ => "is out of range".to_owned(),
        },
        "email" => "must be a valid email address".to_owned(),
        _ => "is invalid".to_owned(),
    }
}

impl IntoResponse for HandWrittenInvalid {
    fn into_response(self) -> Response {
        let mut errors = Vec::new();
        field_errors(&self.errors, "", &mut errors);
        let body = serde_json::to_vec(&InvalidProblem {
            kind: "about:blank",
            title: "Unprocessable Entity",
            status: 422,
            detail: "the request has invalid fields",
            instance: &self.instance,
            code: "validation_failed",
            errors,
            trace_id: self.trace_id.as_deref(),
        })
        .expect("serializable");
        let mut res = problem_response(body, StatusCode::UNPROCESSABLE_ENTITY);
        let headers = res.headers_mut();
        // The default messages are in three languages: the body depends on the request's.
        headers.insert(header::VARY, HeaderValue::from_static("accept-language"));
        res
    }
}

async fn ok_handler() -> &'static str {
    "ok"
}

/// An Omise transfer object (its scalar members), as the Transfers example answers one.
#[derive(Serialize)]
struct Transfer {
    object: &'static str,
    id: &'static str,
    livemode: bool,
    location: &'static str,
    recipient: &'static str,
    amount: u64,
    currency: &'static str,
    fee: u64,
    fee_vat: u64,
    net: u64,
    paid: bool,
    sendable: bool,
    sent: bool,
    failure_code: Option<&'static str>,
    failure_message: Option<&'static str>,
    created_at: &'static str,
}

/// A success as an API answers one: a resource serialised with serde_json.
async fn transfer_handler() -> axum::Json<Transfer> {
    axum::Json(Transfer {
        object: "transfer",
        id: "trsf_test_50b9650fa7a7a4fc",
        livemode: false,
        location: "/transfers/trsf_test_50b9650fa7a7a4fc",
        recipient: "recp_test_5086xmr74vxs0ajpo78",
        amount: black_box(100_000),
        currency: "thb",
        fee: 3000,
        fee_vat: 210,
        net: 96_790,
        paid: false,
        sendable: true,
        sent: false,
        failure_code: None,
        failure_message: None,
        created_at: "2026-11-23T17:36:33Z",
    })
}

/// A request as hyper reads one: its head in one shared buffer, the URI and each header
/// value slices of it, so that cloning any of them counts a reference. (A request built
/// from `&str`s copies each value into a buffer of its own, which its first clone moves
/// into a shared allocation: a cost no server pays.)
fn request(path: &str) -> Request {
    let accept = "application/json, application/problem+json;q=0.9";
    let head = Bytes::from_owner(format!("{path}{accept}{TRACE}"));
    let (p, a) = (path.len(), path.len() + accept.len());
    let value = |range| HeaderValue::from_maybe_shared(head.slice(range)).expect("a value");
    let mut req = Request::new(Body::empty());
    *req.uri_mut() = Uri::from_maybe_shared(head.slice(..p)).expect("a path");
    req.headers_mut().insert(header::ACCEPT, value(p..a));
    req.headers_mut()
        .insert("traceparent", value(a..head.len()));
    req
}

/// Builds a request for a path: [`request`] (a `GET`), or [`order_request`] (a `POST` with
/// a JSON body).
type MakeRequest = fn(&str) -> Request;

/// The body of [`order_request`]: five invalid fields (see [`NewOrder`]).
const ORDER: &str = r#"{"email":"nobody","name":"x","count":0,"currency":"thbx","items":[{"sku":"abc"},{"sku":"defg"},{"sku":"x"}]}"#;

/// A `POST` of [`ORDER`] as hyper reads one: as [`request`], with its `Content-Type` a
/// slice of the same buffer and the body one shared buffer.
fn order_request(path: &str) -> Request {
    let json = "application/json";
    let accept = "application/json, application/problem+json;q=0.9";
    let head = Bytes::from_owner(format!("{path}{json}{accept}{TRACE}"));
    let (p, j, a) = (
        path.len(),
        path.len() + json.len(),
        path.len() + json.len() + accept.len(),
    );
    let value = |range| HeaderValue::from_maybe_shared(head.slice(range)).expect("a value");
    let mut req = Request::new(Body::from(Bytes::from_static(ORDER.as_bytes())));
    *req.method_mut() = axum::http::Method::POST;
    *req.uri_mut() = Uri::from_maybe_shared(head.slice(..p)).expect("a path");
    req.headers_mut().insert(header::CONTENT_TYPE, value(p..j));
    req.headers_mut().insert(header::ACCEPT, value(j..a));
    req.headers_mut()
        .insert("traceparent", value(a..head.len()));
    req
}

struct NoopWake;

impl Wake for NoopWake {
    fn wake(self: Arc<Self>) {}
}

/// Runs a future that never waits (a router over in-memory handlers) to its end. The
/// waker is made once: its allocation is no part of a request.
fn run<F: Future>(future: F) -> F::Output {
    static WAKER: OnceLock<Waker> = OnceLock::new();
    let waker = WAKER.get_or_init(|| Waker::from(Arc::new(NoopWake)));
    let mut cx = Context::from_waker(waker);
    match pin!(future).poll(&mut cx) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("an in-memory request waited"),
    }
}

/// What the bench sends requests to: a router, with or without a layer around it (which may
/// wrap the response's body).
trait App: Service<Request, Error = Infallible> + Clone {}

impl<S: Service<Request, Error = Infallible> + Clone> App for S {}

/// Status, headers and body of an answer.
type Answer = (u16, Vec<(String, Vec<u8>)>, Vec<u8>);

/// `app`'s answer to `path`, for the check before measuring.
fn answer<A, B>(app: &A, path: &str) -> Answer
where
    A: App<Response = axum::http::Response<B>>,
    B: HttpBody<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    answer_to(app, path, request)
}

/// `app`'s answer to the request `make` builds for `path`.
fn answer_to<A, B>(app: &A, path: &str, make: MakeRequest) -> Answer
where
    A: App<Response = axum::http::Response<B>>,
    B: HttpBody<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    let res = measured(app.clone(), make(path)).map(Body::new);
    let headers = res
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.as_bytes().to_vec()))
        .collect();
    let status = res.status().as_u16();
    let body = run(axum::body::to_bytes(res.into_body(), 1 << 16)).expect("body");
    (status, headers, body.to_vec())
}

/// One request through `app`: what is timed (and what callgrind counts, see [`function`]).
#[inline(never)]
fn measured<A: App>(app: A, req: Request) -> A::Response {
    match run(app.oneshot(req)) {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// A criterion group, or one of two plain runs chosen in the environment:
///
/// - `SERVER_BENCH_COUNT=<group>/<function>:<n>`: a loop running that function `n` times,
///   for `valgrind --tool=callgrind --toggle-collect='*measured*'`. The instructions it
///   counts, divided by `n`, compare the two functions of a group where times are noisy.
/// - `SERVER_BENCH_PAIRED=<rounds>x<batch>`: each round times a batch of `batch` requests
///   of every function of each group in turn, and each function's ratio to the group's
///   baseline is taken per round (see [`Paired::run`]). A drift of the machine's speed,
///   which moves criterion's medians from one run to the next, then moves both sides of
///   each ratio alike.
struct Group<'c> {
    name: &'static str,
    /// The function the others are compared with in a paired run.
    baseline: &'static str,
    criterion: BenchmarkGroup<'c, WallTime>,
    count: Option<(String, usize)>,
    paired: Option<Paired>,
}

/// The paired run of a group: a timer per function, each timing one batch of requests.
struct Paired {
    rounds: usize,
    batch: usize,
    timers: Vec<(String, Box<dyn FnMut() -> f64>)>,
}

/// Nanoseconds a request of `app` answering `path` takes, over a batch of `batch`. As
/// criterion's `iter_batched_ref` in [`Group::function`], the inputs are made before and
/// the answers dropped after the timing. The batch sets how much memory the requests in
/// flight hold: criterion's samples mix batches of a few to a few thousand.
fn batch_time(app: &impl App, path: &str, make: MakeRequest, batch: usize) -> f64 {
    let mut inputs: Vec<_> = (0..batch).map(|_| (app.clone(), make(path))).collect();
    let mut answers = Vec::with_capacity(batch);
    let start = Instant::now();
    // Drained, so that the buffer of the inputs is freed after the timing too (see
    // `Group::function`).
    for (app, req) in inputs.drain(..) {
        answers.push(measured(app, req));
    }
    let elapsed = start.elapsed();
    drop(black_box(answers));
    drop(inputs);
    elapsed.as_secs_f64() * 1e9 / batch as f64
}

impl Paired {
    /// Runs the rounds (the order of the functions turning each round, after one round
    /// that warms up) and prints each function's median time per request, and for each
    /// other function the quartiles of its per-round ratio to `baseline`.
    fn run(mut self, group: &str, baseline: &str) {
        let n = self.timers.len();
        let mut times = vec![Vec::with_capacity(self.rounds); n];
        for round in 0..=self.rounds {
            for k in 0..n {
                let i = (round + k) % n;
                let t = (self.timers[i].1)();
                if round > 0 {
                    times[i].push(t);
                }
            }
        }
        let names: Vec<&str> = self.timers.iter().map(|(name, _)| name.as_str()).collect();
        let base = names
            .iter()
            .position(|name| *name == baseline)
            .expect("the baseline is a function of the group");
        let quartiles = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            let at = |q: usize| v[(v.len() - 1) * q / 4];
            [at(1), at(2), at(3)]
        };
        let mut line = Vec::new();
        for (i, name) in names.iter().enumerate() {
            line.push(format!("{name} {:.1} ns", quartiles(times[i].clone())[1]));
        }
        for (i, name) in names.iter().enumerate().filter(|(i, _)| *i != base) {
            let ratios = times[i].iter().zip(&times[base]).map(|(a, b)| a / b);
            let [low, median, high] = quartiles(ratios.collect());
            line.push(format!(
                "{name}/{baseline} {median:.3} (quartiles {low:.3}-{high:.3})"
            ));
        }
        println!(
            "{group}, {} paired rounds of {} requests: {}",
            self.rounds,
            self.batch,
            line.join(", ")
        );
    }
}

impl<'c> Group<'c> {
    fn new(c: &'c mut Criterion, name: &'static str, baseline: &'static str) -> Self {
        let count = std::env::var("SERVER_BENCH_COUNT").ok().map(|spec| {
            let (id, n) = spec.split_once(':').expect("<group>/<function>:<n>");
            (id.to_owned(), n.parse().expect("a number of requests"))
        });
        let paired = std::env::var("SERVER_BENCH_PAIRED").ok().map(|spec| {
            let (rounds, batch) = spec.split_once('x').expect("<rounds>x<batch>");
            Paired {
                rounds: rounds.parse().expect("a number of rounds"),
                batch: batch.parse().expect("a number of requests"),
                timers: Vec::new(),
            }
        });
        let criterion = c.benchmark_group(name);
        Group {
            name,
            baseline,
            criterion,
            count,
            paired,
        }
    }

    /// Times `app` answering `path`: the request and a clone of the app are made outside
    /// the timing, as a server has them when it starts answering.
    fn function(&mut self, function: &str, app: &(impl App + 'static), path: &str) {
        self.function_with(function, app, path, request);
    }

    /// [`Group::function`] with the requests `make` builds.
    fn function_with(
        &mut self,
        function: &str,
        app: &(impl App + 'static),
        path: &str,
        make: MakeRequest,
    ) {
        match (&self.count, &mut self.paired) {
            (Some((id, n)), _) if *id == format!("{}/{function}", self.name) => {
                for _ in 0..*n {
                    drop(black_box(measured(app.clone(), make(path))));
                }
            }
            (Some(_), _) => {}
            (None, Some(paired)) => {
                let (app, path, batch) = (app.clone(), path.to_owned(), paired.batch);
                let timer = Box::new(move || batch_time(&app, &path, make, batch));
                paired.timers.push((function.to_owned(), timer));
            }
            (None, None) => {
                // `iter_batched_ref`, each input taken out of its place: `iter_batched`
                // frees the batch's buffer of inputs inside the timing, and freeing a
                // block that large makes glibc's allocator sort every small freed block.
                self.criterion.bench_function(function, |b| {
                    b.iter_batched_ref(
                        || Some((app.clone(), make(path))),
                        |input| {
                            let (app, req) = input.take().expect("each input is used once");
                            measured(app, req)
                        },
                        BatchSize::SmallInput,
                    )
                });
            }
        }
    }
}

impl Group<'_> {
    fn finish(self) {
        if let Some(paired) = self.paired {
            paired.run(self.name, self.baseline);
        }
        self.criterion.finish();
    }
}

fn server(c: &mut Criterion) {
    let cart = || Router::new().route("/carts/7", get(apierror_handler));
    let problem = || ApiErrorLayer::fixed_with(Renderer::default(), Format::Problem);
    // Around the whole router, as `axum::serve` takes it (`Router::layer` boxes every route
    // once more, which any layer costs: group `server_route_layer`).
    let apierror = problem().layer(cart());
    let hand_written = Router::new().route("/carts/7", get(hand_written_handler));
    let (status, headers, body) = answer(&apierror, "/carts/7");
    assert_eq!((status, &headers, &body), {
        let (s, h, b) = answer(&hand_written, "/carts/7");
        (s, &h.clone(), &b.clone())
    });
    assert!(body.ends_with(format!(r#""traceId":"{TRACE}"}}"#).as_bytes()));
    // The same body from a format of the user's (`UserProblem`), through the same layer.
    let user_renderer = Renderer::new(Format::named("user_problem"))
        .with_format(UserProblem)
        .expect("a name of its own");
    let user_format =
        ApiErrorLayer::fixed_with(user_renderer, Format::named("user_problem")).layer(cart());
    assert_eq!(
        answer(&user_format, "/carts/7"),
        (status, headers.clone(), body.clone())
    );
    let mut g = Group::new(c, "server_error", "hand_written");
    g.function("apierror", &apierror, "/carts/7");
    g.function("user_format", &user_format, "/carts/7");
    g.function("hand_written", &hand_written, "/carts/7");
    g.finish();

    let no_layer = Router::new().route("/ok", get(ok_handler));
    let negotiated = || ApiErrorLayer::negotiated(Renderer::default());
    let layer = negotiated().layer(no_layer.clone());
    assert_eq!(answer(&layer, "/ok"), answer(&no_layer, "/ok"));
    // What wrapping the router in any layer costs, for reference: tower's `MapResponse`
    // with a function that hands the response back (its future polls the router's in place).
    let noop = tower::util::MapResponseLayer::new(|res: Response| res).layer(no_layer.clone());
    assert_eq!(answer(&noop, "/ok"), answer(&no_layer, "/ok"));
    // Common middleware, for scale: tower-http's layer that keeps a request's header across
    // the call for its response (as this layer keeps what an error reads), and its tracing
    // layer as `TraceLayer::new_for_http` sets it up. Both add headers or wrap the body, so
    // only their status and body are compared.
    let request_id = PropagateRequestIdLayer::new(HeaderName::from_static("traceparent"))
        .layer(no_layer.clone());
    let trace = TraceLayer::new_for_http().layer(no_layer.clone());
    for (status, _, body) in [answer(&request_id, "/ok"), answer(&trace, "/ok")] {
        assert_eq!((status, &body[..]), (200, &b"ok"[..]));
    }
    let mut g = Group::new(c, "server_success", "no_layer");
    g.function("layer", &layer, "/ok");
    g.function("no_layer", &no_layer, "/ok");
    g.function("noop_layer", &noop, "/ok");
    g.function("tower_http_request_id", &request_id, "/ok");
    g.function("tower_http_trace", &trace, "/ok");
    g.finish();

    // The same with a success as an API answers one (a transfer object from serde_json),
    // for scale: what the layer adds is the same, the request costs more.
    let json_no_layer = Router::new().route("/transfers/1", get(transfer_handler));
    let json_layer = negotiated().layer(json_no_layer.clone());
    assert_eq!(
        answer(&json_layer, "/transfers/1"),
        answer(&json_no_layer, "/transfers/1")
    );
    let mut g = Group::new(c, "server_success_json", "no_layer");
    g.function("layer", &json_layer, "/transfers/1");
    g.function("no_layer", &json_no_layer, "/transfers/1");
    g.finish();

    // The same through `Router::layer`, and what axum's boxing of the routes costs by
    // itself (tower's `Identity` layer, which does nothing).
    let error = cart().layer(problem());
    assert_eq!(answer(&error, "/carts/7"), (status, headers, body));
    let success = no_layer.clone().layer(negotiated());
    let identity = no_layer.clone().layer(tower::layer::util::Identity::new());
    let mut g = Group::new(c, "server_route_layer", "identity");
    g.function("error", &error, "/carts/7");
    g.function("success", &success, "/ok");
    g.function("identity", &identity, "/ok");
    g.finish();
}

/// A validation failure of five fields ([`ORDER`]) through the layer: apierror's `Valid`
/// extractor against axum's `Json`, validator and a hand-written serde_json body.
fn validation(c: &mut Criterion) {
    let apierror_routes = || Router::new().route("/orders", post(apierror_order));
    let hand_written = Router::new().route("/orders", post(hand_written_order));
    let expected = answer_to(&hand_written, "/orders", order_request);
    assert_eq!(expected.0, 422);
    assert!(String::from_utf8_lossy(&expected.2).contains(
        r#""errors":[{"code":"range","detail":"must be between 1 and 10","pointer":"/count"},{"code":"length","detail":"must be exactly 3 characters","pointer":"/currency"},{"code":"email","detail":"must be a valid email address","pointer":"/email"},{"code":"length","detail":"must be at least 3 characters","pointer":"/items/2/sku"},{"code":"length","detail":"must be between 2 and 40 characters","pointer":"/name"}],"traceId""#
    ));
    // Through a format of the user's, which lists the violations on the public trait.
    let user_renderer = Renderer::new(Format::named("user_problem"))
        .with_format(UserProblem)
        .expect("a name of its own");
    let user_format = ApiErrorLayer::fixed_with(user_renderer, Format::named("user_problem"))
        .layer(apierror_routes());
    assert_eq!(answer_to(&user_format, "/orders", order_request), expected);
    // Through the built-in problem format.
    let builtin = ApiErrorLayer::fixed(Format::Problem).layer(apierror_routes());
    assert_eq!(answer_to(&builtin, "/orders", order_request), expected);
    let mut g = Group::new(c, "validation_error", "hand_written");
    g.function_with("apierror", &builtin, "/orders", order_request);
    g.function_with("user_format", &user_format, "/orders", order_request);
    g.function_with("hand_written", &hand_written, "/orders", order_request);
    g.finish();
}

criterion_group!(benches, server, validation);
criterion_main!(benches);
