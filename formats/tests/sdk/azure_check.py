"""azure-core reads our Microsoft responses: each is wrapped as azure-core wraps an
http.client response (`RestHttpClientTransportResponse`), then raised as the pipeline's
callers raise it (`map_error`, else `HttpResponseError(response=...)`), whose `error` is
the library's `ODataV4Format` reading of `error.code`, `message`, `target` and `details`.
The `x-ms-error-code` header must equal that code.

Usage: python3 azure_check.py CASES.json   (written by formats/tests/test_sdk.rs)"""

import azure.core
import common
from azure.core.exceptions import (
    HttpResponseError,
    ResourceExistsError,
    ResourceNotFoundError,
    map_error,
)
from azure.core.rest import HttpRequest
from azure.core.rest._http_response_impl import RestHttpClientTransportResponse

# What generated Azure clients pass to map_error.
ERROR_MAP = {404: ResourceNotFoundError, 409: ResourceExistsError}


def raised(res):
    """The exception an Azure client raises for `res`."""
    try:
        map_error(res.status_code, res, ERROR_MAP)
        raise HttpResponseError(response=res)
    except HttpResponseError as err:
        return err


def main():
    checks = common.Checks()
    cases = common.cases()
    for case in cases:
        request = HttpRequest("GET", "http://127.0.0.1/transfers/1")
        res = RestHttpClientTransportResponse(request=request, internal_response=common.response(case))
        res.read()
        err = raised(res)
        expect = case["expect"]
        odata = err.error
        details = [(d.code, d.message, d.target) for d in odata.details]
        print(
            f"{case['name']}: {type(err).__name__} status_code={err.status_code} code={odata.code!r} "
            f"message={odata.message!r} target={odata.target!r} details={details!r} "
            f"x-ms-error-code={res.headers.get('x-ms-error-code')!r}"
        )
        checks.equal(case, "class", type(err).__name__, expect["class"])
        checks.equal(case, "status_code", err.status_code, res.status_code)
        checks.equal(case, "error.code", odata.code, expect["code"])
        checks.equal(case, "error.message", odata.message, expect["message"])
        checks.equal(case, "error.target", odata.target, expect.get("target"))
        checks.equal(case, "details", [list(d) for d in details], expect.get("details", []))
        checks.equal(case, "x-ms-error-code", res.headers.get("x-ms-error-code"), expect["code"])
        # The exception's text is the library's rendering of the same reading.
        checks.equal(case, "str has the code", f"({expect['code']})" in str(err), True)
    print(f"azure-core {azure.core.__version__}")
    checks.finish(len(cases))


main()
