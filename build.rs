//! Compiles jieba's word list (`dictionaries/zh/jieba-dict.txt`) into a character trie laid
//! out as flat arrays, so that the binary uses it in place: Chinese word boundaries cost no
//! start-up time, and finding every word that starts at a character costs one short scan per
//! character.
//!
//! The layout (`src/words.rs` reads it; all numbers little-endian `u32`):
//! - `jieba_edges.bin`: the trie's edges, three numbers each: the character, with the number
//!   of edges out of the node it leads to shifted left by 21; the index of the first of those
//!   edges; the frequency of the word ending there (`u32::MAX` when none does). The edges out
//!   of a node lie together, sorted by character; the root's come first. A walk reads one
//!   short run of edges per character and never a node.
//! - `jieba_root.bin`: for each character below U+10000, the index of the root's edge on it
//!   (`u32::MAX` when no word starts with it), so the first step of a walk is one load.

use std::env;
use std::fs;
use std::path::PathBuf;

/// The frequency stored for a node that ends no word.
const NO_WORD: u32 = u32::MAX;

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

    // Words in byte order are in character order, so a node's children arrive in order and
    // the child a word continues through, if it exists already, is the last one added.
    let mut children: Vec<Vec<(u32, u32)>> = vec![Vec::new()];
    let mut freqs: Vec<u32> = vec![NO_WORD];
    for (word, freq) in &entries {
        let mut node = 0usize;
        for c in word.chars() {
            let c = c as u32;
            node = match children[node].last() {
                Some(&(last, child)) if last == c => child as usize,
                _ => {
                    let id = u32::try_from(freqs.len()).expect("fewer than 2^32 nodes");
                    children[node].push((c, id));
                    children.push(Vec::new());
                    freqs.push(NO_WORD);
                    id as usize
                }
            };
        }
        let freq = u32::try_from(*freq).expect("a frequency below 2^32");
        assert!(freq != NO_WORD, "{word}: frequency {freq} is reserved");
        freqs[node] = freq;
    }

    // Where each node's edges start: blocks in depth-first order, so that a word's path
    // tends to lie close together.
    let mut block = vec![0u32; freqs.len()];
    let mut next = 0u32;
    let mut stack = vec![0usize];
    while let Some(node) = stack.pop() {
        block[node] = next;
        next += u32::try_from(children[node].len()).expect("fewer than 2^32 edges");
        stack.extend(
            children[node]
                .iter()
                .rev()
                .map(|&(_, child)| child as usize),
        );
    }
    let mut edges = vec![0u8; next as usize * 12];
    for (node, kids) in children.iter().enumerate() {
        for (k, &(c, child)) in kids.iter().enumerate() {
            let fan = u32::try_from(children[child as usize].len()).expect("a count");
            assert!(
                c < 1 << 21 && fan < 1 << 11,
                "{c:x}: {fan} edges do not fit"
            );
            let at = (block[node] as usize + k) * 12;
            edges[at..at + 4].copy_from_slice(&(c | fan << 21).to_le_bytes());
            edges[at + 4..at + 8].copy_from_slice(&block[child as usize].to_le_bytes());
            edges[at + 8..at + 12].copy_from_slice(&freqs[child as usize].to_le_bytes());
        }
    }
    let mut root = vec![0xFFu8; 0x1_0000 * 4];
    for (k, &(c, _)) in children[0].iter().enumerate() {
        if c < 0x1_0000 {
            let at = c as usize * 4;
            root[at..at + 4].copy_from_slice(&(k as u32).to_le_bytes());
        }
    }

    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    fs::write(out.join("jieba_edges.bin"), edges).expect("write the edges");
    fs::write(out.join("jieba_root.bin"), root).expect("write the root table");
    fs::write(
        out.join("jieba_total.rs"),
        format!(
            "/// The sum of the word list's frequencies.\npub const TOTAL: u64 = {total};\n\
             /// The number of words in the list.\npub const WORDS: usize = {};\n\
             /// The number of edges out of the root.\npub const ROOT_EDGES: usize = {};\n",
            entries.len(),
            children[0].len()
        ),
    )
    .expect("write the total");
}
