//! The pipeline's result: one [`Task`] per directive, citing its sentence.

use std::sync::Arc;

use crate::dictionary::Modality;
use crate::document::{Lang, Span};
use xxhash_rust::xxh3::xxh3_128;

/// Where a task's trigger came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// A dictionary trigger (index into [`crate::Dictionary::triggers`]).
    Trigger(usize),
    /// A command verb in a task or goal section, under a lead-in, or after a semicolon.
    Implied {
        /// Why the sentence directs: `section` (a task or goal section), `lead-in` or
        /// `clause` (a clause going on after a semicolon with the directive before it).
        via: &'static str,
    },
}

/// A stable task identifier: 128 bits derived from the document text, the cited sentence,
/// the trigger and the rule, never from a path, a time or a thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskId(pub u128);

impl TaskId {
    /// Derives the id.
    pub fn derive(doc_hash: u64, sentence: Span, trigger: Span, rule: &str) -> TaskId {
        let mut buf = Vec::with_capacity(40 + rule.len());
        buf.extend_from_slice(b"directives-task-v1\0");
        buf.extend_from_slice(&doc_hash.to_le_bytes());
        for n in [sentence.start, sentence.end, trigger.start, trigger.end] {
            buf.extend_from_slice(&(n as u64).to_le_bytes());
        }
        buf.extend_from_slice(rule.as_bytes());
        TaskId(xxh3_128(&buf))
    }

    /// The short form used as `id`: 16 hex digits.
    pub fn short(&self) -> String {
        format!("{:016x}", (self.0 >> 64) as u64)
    }

    /// An RFC 9562 version-8 UUID carrying the same bits, for trackers that need one.
    pub fn uuid(&self) -> String {
        let mut v = self.0;
        v &= !(0xF000u128 << 64);
        v |= 0x8000u128 << 64; // version 8
        v &= !(0xC000_0000_0000_0000u128);
        v |= 0x8000_0000_0000_0000u128; // RFC variant
        let h = format!("{v:032x}");
        format!(
            "{}-{}-{}-{}-{}",
            &h[0..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..32]
        )
    }
}

/// A deadline of a task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// The time-limit words.
    pub span: Span,
    /// The pattern's kind (`by`, `within`, `from`, `immediate`, `recurring`, `period`).
    pub kind: String,
    /// The deadline rule (index into [`crate::Dictionary::deadlines`]).
    pub rule: usize,
    /// The words in ISO 8601, where the text fixes them.
    pub normalized: crate::dates::Normalized,
}

/// One directive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    /// Stable id.
    pub id: TaskId,
    /// The index of the cited sentence in the extraction's sentences.
    pub sentence: usize,
    /// The language of the sentence.
    pub lang: Lang,
    /// What it asks for.
    pub modality: Modality,
    /// 3 binding, 2 expected, 1 advisory.
    pub strength: u8,
    /// The trigger words.
    pub trigger: Span,
    /// Where the trigger came from.
    pub rule: Rule,
    /// The party bound to act, as written; `None` when the sentence names none.
    pub actor: Option<Span>,
    /// How the actor was found, or why there is none (for `explain`).
    pub actor_how: &'static str,
    /// What must be done: the words the trigger governs.
    pub action: Span,
    /// Who issued it; `None` when the text never says.
    pub speaker: Option<Arc<str>>,
    /// The time limit, if any.
    pub deadline: Option<Box<Deadline>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_distinct() {
        let a = TaskId::derive(7, Span::new(0, 10), Span::new(2, 4), "en/triggers/must");
        let b = TaskId::derive(7, Span::new(0, 10), Span::new(2, 4), "en/triggers/must");
        let c = TaskId::derive(7, Span::new(0, 10), Span::new(5, 7), "en/triggers/must");
        assert_eq!(a, b);
        assert_ne!(a, c);
        // The value is fixed by the algorithm: a change here changes every user's ids.
        assert_eq!(a.short().len(), 16);
        let u = a.uuid();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "8");
        assert!(matches!(&u[19..20], "8" | "9" | "a" | "b"));
    }
}
