//! Every dictionary entry carries an example sentence; `directives dict check` runs them
//! (`directives::dictcheck::check_examples`), and so does this test for the built-in files.
//! A failure names the file and line of the entry.

use directives::dictcheck::{check_examples, check_file};
use directives::dictionary::Dictionary;

#[test]
fn every_builtin_entry_passes_its_example() {
    let problems = check_examples(&Dictionary::builtin(), None).unwrap();
    let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        list.is_empty(),
        "{} entries fail their example:\n{}",
        list.len(),
        list.join("\n")
    );
}

#[test]
fn every_builtin_file_is_clean() {
    for (name, text) in directives::dictionary::BUILTIN_FILES {
        let (problems, _) = check_file(&format!("builtin:{name}"), text, &Dictionary::empty());
        assert!(problems.is_empty(), "{problems:?}");
    }
}

#[test]
fn a_broken_example_or_a_dead_entry_is_reported() {
    let name = "mine.tsv";
    let text = "# kind: triggers\n# lang: en\nphrase\tmodality\tstrength\texample\nbe sure to\tobligation\t2\tPlease lock the doors.\nBe Sure To\tobligation\t2\tBe sure to lock it.\nneed not\tobligation\t2\tYou need not come.\n";
    let (problems, _) = check_file(name, text, &Dictionary::builtin());
    assert!(
        problems.iter().any(|p| p.origin == "mine.tsv:5"
            && p.message.contains("same text as the entry at mine.tsv:4")),
        "{problems:?}"
    );
    let mut dict = Dictionary::builtin();
    dict.add_file(name, text).unwrap();
    let problems = check_examples(&dict, Some(name)).unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p.origin == "mine.tsv:4" && p.message.contains("gives no task")),
        "{problems:?}"
    );
}
