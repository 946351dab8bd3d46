"""stripe-python reads our Stripe responses: each goes through the library's own response
handling (`_APIRequestor._interpret_response`, which decodes the body and raises the
exception `handle_error_response` chooses), and the exception must be the expected class
with our code, message, param, type and doc_url.

Usage: python3 stripe_check.py CASES.json   (written by formats/tests/test_sdk.rs)"""

import common
import stripe
from stripe._api_requestor import _APIRequestor


def main():
    checks = common.Checks()
    cases = common.cases()
    requestor = _APIRequestor._global_instance()
    for case in cases:
        res = common.response(case)
        body = res.read()
        headers = {k.lower(): v for k, v in res.getheaders()}
        expect = case["expect"]
        try:
            requestor._interpret_response(body, res.status, headers, "V1")
        except stripe.StripeError as err:
            print(
                f"{case['name']}: {type(err).__name__} http_status={err.http_status} "
                f"code={err.error.code!r} type={err.error.type!r} message={err.user_message!r} "
                f"param={err.error.param!r} doc_url={err.error.doc_url!r}"
            )
            checks.equal(case, "class", type(err).__name__, expect["class"])
            checks.equal(case, "http_status", err.http_status, res.status)
            checks.equal(case, "user_message", err.user_message, expect["message"])
            checks.equal(case, "error.code", err.error.code, expect["code"])
            checks.equal(case, "error.type", err.error.type, expect["type"])
            checks.equal(case, "error.param", err.error.param, expect.get("param"))
            checks.equal(case, "error.doc_url", err.error.doc_url, expect.get("doc_url"))
            # The classes that take code and param as arguments carry them too.
            if isinstance(err, (stripe.InvalidRequestError, stripe.CardError)):
                checks.equal(case, "code", err.code, expect["code"])
                checks.equal(case, "param", err.param, expect.get("param"))
        else:
            checks.failures.append(f"{case['name']}: no exception raised")
    print(f"stripe {stripe.VERSION}")
    checks.finish(len(cases))


main()
