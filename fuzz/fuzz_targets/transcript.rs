#![no_main]
//! Fuzz target `transcript`: see `directives::fuzz_targets::transcript` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| directives::fuzz_targets::run("transcript", data));
