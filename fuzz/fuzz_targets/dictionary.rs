#![no_main]
//! Fuzz target `dictionary`: see `directives::fuzz_targets::dictionary` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| directives::fuzz_targets::run("dictionary", data));
