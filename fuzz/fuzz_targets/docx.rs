#![no_main]
//! Fuzz target `docx`: see `directives::fuzz_targets::docx` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| directives::fuzz_targets::run("docx", data));
