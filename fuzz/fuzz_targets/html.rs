#![no_main]
//! Fuzz target `html`: see `directives::fuzz_targets::html` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| directives::fuzz_targets::run("html", data));
