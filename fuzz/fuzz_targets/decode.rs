#![no_main]
//! Fuzz target `decode`: see `directives::fuzz_targets::decode` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| directives::fuzz_targets::run("decode", data));
