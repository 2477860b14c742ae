//! CLI tests as case files: each `tests/cmd/NAME.toml` names the arguments (and
//! `NAME.stdin` the input); `NAME.stdout` and `NAME.stderr` hold the expected output.
//!
//! On a mismatch the test prints a diff. `TRYCMD=overwrite cargo test --test cli` rewrites
//! the expected files from the actual output, for review with `git diff` before committing;
//! `TRYCMD=dump` writes them under `dump/` instead.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
