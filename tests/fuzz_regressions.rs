//! Replays the saved fuzz inputs under `tests/fuzz/<target>/` through the same checks the
//! fuzz targets run (`directives::fuzz_targets`), on the stable toolchain. Inputs that once
//! crashed a target are kept here, with some seeds, so the bug cannot come back unnoticed.

use directives::fuzz_targets::{run, TARGETS};

#[test]
fn saved_fuzz_inputs_pass_every_check() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz");
    for target in TARGETS {
        let dir = root.join(target);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{}: no saved inputs", dir.display());
        for file in files {
            let data = std::fs::read(&file).unwrap();
            let result = std::panic::catch_unwind(|| run(target, &data));
            assert!(
                result.is_ok(),
                "fuzz target {target} fails on {}",
                file.display()
            );
        }
    }
}
