"""jsonapi-pydantic reads our JSON:API error documents: its top-level model (which checks
the specification's document rules, `data` and `errors` never together) parses each body
into its `Error` models, whose status, code, title, detail and source pointer must be ours.

Usage: python3 jsonapi_check.py CASES.json   (written by formats/tests/test_sdk.rs)"""

from importlib.metadata import version

import common
from jsonapi_pydantic.v1_0 import TopLevel


def main():
    checks = common.Checks()
    cases = common.cases()
    for case in cases:
        res = common.response(case)
        document = TopLevel.model_validate_json(res.read())
        errors = [
            [e.status, e.code, e.title, e.detail, e.source.pointer if e.source else None]
            for e in document.errors
        ]
        print(f"{case['name']}: {len(errors)} errors {errors!r} data={document.data!r}")
        checks.equal(case, "content-type", res.getheader("content-type"), "application/vnd.api+json")
        checks.equal(case, "errors", errors, case["expect"]["errors"])
        checks.equal(case, "data", document.data, None)
    print(f"jsonapi-pydantic {version('jsonapi-pydantic')}")
    checks.finish(len(cases))


main()
