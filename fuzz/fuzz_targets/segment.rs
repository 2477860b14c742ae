#![no_main]
//! Fuzz target `segment`: see `directives::fuzz_targets::segment` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| directives::fuzz_targets::run("segment", data));
