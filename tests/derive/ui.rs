//! Compile-fail cases: each file in tests/ui/ makes one mistake and its .stderr holds the
//! exact error the derive reports.

#[test]
fn each_mistake_gets_the_error_in_its_stderr_file() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
