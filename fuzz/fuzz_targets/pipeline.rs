#![no_main]
//! Fuzz target `pipeline`: see `directives::fuzz_targets::pipeline` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| directives::fuzz_targets::run("pipeline", data));
