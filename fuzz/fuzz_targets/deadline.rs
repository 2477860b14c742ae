#![no_main]
//! Fuzz target `deadline`: see `directives::fuzz_targets::deadline` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| directives::fuzz_targets::run("deadline", data));
