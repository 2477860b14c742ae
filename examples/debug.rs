use directives::{Document, Extractor};
fn main() {
    let text = std::env::args().nth(1).unwrap();
    let e = Extractor::with_defaults().unwrap();
    let doc = Document::from_text("x", text.clone());
    let ex = e.extract(&doc);
    for (i, s) in ex.sentences.iter().enumerate() {
        let p = &ex.places[i];
        println!(
            "{i}: {:?} mode={:?} gov={:?} title={} heading={} marker={:?}",
            s.span.of(&text),
            p.mode,
            p.governed_by,
            p.section_title,
            p.heading,
            p.marker
        );
    }
    for h in &ex.hits {
        println!(
            "hit s{} {:?} {:?} {:?}",
            h.sentence,
            h.entry,
            h.span.of(&text),
            h.dropped
        );
    }
    for t in &ex.tasks {
        println!(
            "task {:?} {:?} actor={:?}",
            t.trigger.of(&text),
            t.rule,
            t.actor.map(|a| a.of(&text))
        );
    }
}
