//! Compiles jieba's word list (`dictionaries/zh/jieba-dict.txt`) into an FST map from word to
//! frequency, so that the binary loads it without rebuilding anything: Chinese word
//! boundaries cost no start-up time.

use std::env;
use std::fs;
use std::path::PathBuf;

fn main() {
    let source = "dictionaries/zh/jieba-dict.txt";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = fs::read_to_string(source).expect("read the jieba word list");
    let mut entries: Vec<(&str, u64)> = Vec::with_capacity(350_000);
    let mut total: u64 = 0;
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split_ascii_whitespace();
        let word = fields.next().expect("a word");
        let freq: u64 = fields
            .next()
            .unwrap_or("0")
            .parse()
            .unwrap_or_else(|e| panic!("{source}:{}: bad frequency: {e}", n + 1));
        total += freq;
        entries.push((word, freq));
    }
    entries.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    // A word given twice keeps its last frequency, as jieba's loader does.
    entries.dedup_by(|later, earlier| {
        if later.0 == earlier.0 {
            earlier.1 = later.1;
            true
        } else {
            false
        }
    });
    let mut builder = fst::MapBuilder::memory();
    for (word, freq) in &entries {
        builder.insert(word, *freq).expect("sorted, unique keys");
    }
    let bytes = builder.into_inner().expect("an FST");
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    fs::write(out.join("jieba_first.bin"), first_char_table(&bytes)).expect("write the table");
    fs::write(out.join("jieba.fst"), bytes).expect("write the FST");
    fs::write(
        out.join("jieba_total.rs"),
        format!("/// The sum of the word list's frequencies.\npub const TOTAL: u64 = {total};\n"),
    )
    .expect("write the total");
}

/// The first characters most Chinese words start with: U+4E00 to U+9FFF.
const FIRST: std::ops::RangeInclusive<u32> = 0x4E00..=0x9FFF;

/// Where the FST stands after each character of [`FIRST`]: for each, little-endian, the
/// node's address and the output so far (u64::MAX and 0 when no word starts with it). A walk
/// from a character then skips its first three transitions, the costliest of a word lookup.
fn first_char_table(bytes: &[u8]) -> Vec<u8> {
    let fst = fst::raw::Fst::new(bytes.to_vec()).expect("the FST just built");
    let mut table = Vec::with_capacity(FIRST.clone().count() * 16);
    for cp in FIRST {
        let c = char::from_u32(cp).expect("a BMP character");
        let mut buf = [0u8; 4];
        let mut node = fst.root();
        let mut out = fst::raw::Output::zero();
        let mut found = true;
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            match node.find_input(b) {
                Some(i) => {
                    let t = node.transition(i);
                    out = out.cat(t.out);
                    node = fst.node(t.addr);
                }
                None => {
                    found = false;
                    break;
                }
            }
        }
        let (addr, value) = if found {
            (node.addr() as u64, out.value())
        } else {
            (u64::MAX, 0)
        };
        table.extend_from_slice(&addr.to_le_bytes());
        table.extend_from_slice(&value.to_le_bytes());
    }
    table
}
