// Every JSON:API error document we send validates against the JSON:API JSON Schema that
// the jsonapi-validator package ships (jsonapi.org's schema: error objects with no member
// beside id, links, status, code, title, detail, source and meta), with the package's own
// validator.
//
// Usage: node jsonapi_schema_check.mjs CASES.json PACKAGES   (written by
// formats/tests/test_sdk.rs; PACKAGES is where `npm ci` installed package.json's packages)

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(join(process.argv[3], "package.json"));
const { Validator } = require("jsonapi-validator");
const { version } = require("jsonapi-validator/package.json");

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
const validator = new Validator();
let failed = 0;
for (const c of cases) {
  // The body is what follows the blank line ending the headers.
  const body = c.http.slice(c.http.indexOf("\r\n\r\n") + 4);
  try {
    validator.validate(JSON.parse(body));
    console.log(`${c.name}: valid`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${c.name}: ${e.message} ${JSON.stringify(e.errors)}`);
  }
}
// The schema refuses what breaks it: a numeric status.
const broken = { errors: [{ status: 400, code: "x" }] };
if (validator.isValid(broken)) {
  failed += 1;
  console.log("FAIL the schema accepts a numeric status");
}
console.log(`jsonapi-validator ${version}`);
console.log(`${cases.length} cases checked, ${failed} failed`);
process.exit(failed ? 1 : 0);
