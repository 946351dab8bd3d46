"""What the SDK checks share: the cases the Rust test wrote, and each case's HTTP response
parsed from its wire bytes by Python's own HTTP/1.1 parser, as a client library gets it."""

import http.client
import io
import json
import sys


class _Socket:
    """A socket that holds one response's bytes: what `http.client.HTTPResponse` reads."""

    def __init__(self, raw: bytes):
        self._file = io.BytesIO(raw)

    def makefile(self, *_args, **_kwargs):
        return self._file


def cases():
    """The cases of the file named on the command line: name, raw HTTP response, expectations."""
    with open(sys.argv[1], encoding="utf-8") as f:
        return json.load(f)


def response(case) -> http.client.HTTPResponse:
    """The case's response, status line, headers and body parsed from its bytes."""
    parsed = http.client.HTTPResponse(_Socket(case["http"].encode("utf-8")))
    parsed.begin()
    return parsed


class Checks:
    """Collects failed expectations, so that one run reports every case."""

    def __init__(self):
        self.failures = []

    def equal(self, case, what, got, expected):
        if got != expected:
            self.failures.append(f"{case['name']}: {what} is {got!r}, expected {expected!r}")

    def finish(self, checked):
        for failure in self.failures:
            print("FAIL", failure)
        print(f"{checked} cases checked, {len(self.failures)} failed")
        sys.exit(1 if self.failures else 0)
