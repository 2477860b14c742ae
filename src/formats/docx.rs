//! Word (.docx) documents to text: the paragraphs and tables of `word/document.xml`.
//!
//! The archive is read with a size limit on the decompressed part, so a zip bomb is an error
//! for that input, not an exhausted machine.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

/// The text of a .docx file: one paragraph a line, table cells separated by tabs.
pub fn to_text(bytes: &[u8], max_bytes: u64) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable .docx: {e}"))?;
    let mut part = zip
        .by_name("word/document.xml")
        .map_err(|_| "not a Word document: no word/document.xml".to_string())?;
    if part.size() > max_bytes {
        return Err(format!(
            "word/document.xml expands to {} bytes, over the limit of {max_bytes} (--max-bytes)",
            part.size()
        ));
    }
    let mut xml = Vec::new();
    (&mut part)
        .take(max_bytes + 1)
        .read_to_end(&mut xml)
        .map_err(|e| format!("cannot read word/document.xml: {e}"))?;
    if xml.len() as u64 > max_bytes {
        return Err(format!(
            "word/document.xml expands past the limit of {max_bytes} bytes (--max-bytes)"
        ));
    }
    let xml = String::from_utf8(xml).map_err(|_| "word/document.xml is not UTF-8".to_string())?;
    paragraphs(&xml)
}

fn paragraphs(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::with_capacity(xml.len() / 4);
    let mut in_text = false;
    let mut skip = 0usize; // inside deleted text, field instructions, fallbacks
    let mut cell_depth = 0usize;
    let end_line = |out: &mut String| {
        let t = out.trim_end_matches([' ', '\t']).len();
        out.truncate(t);
        out.push('\n');
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"w:t" => in_text = true,
                b"w:delText" | b"w:instrText" | b"mc:Fallback" => skip += 1,
                b"w:tc" => cell_depth += 1,
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"w:tab" if skip == 0 => out.push('\t'),
                b"w:br" | b"w:cr" if skip == 0 => end_line(&mut out),
                _ => {}
            },
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:delText" | b"w:instrText" | b"mc:Fallback" => skip = skip.saturating_sub(1),
                b"w:p" => {
                    if cell_depth > 0 {
                        if !out.ends_with(['\n', '\t', ' ']) {
                            out.push(' ');
                        }
                    } else {
                        end_line(&mut out);
                    }
                }
                b"w:tc" => {
                    cell_depth = cell_depth.saturating_sub(1);
                    let t = out.trim_end_matches(' ').len();
                    out.truncate(t);
                    out.push('\t');
                }
                b"w:tr" => end_line(&mut out),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text && skip == 0 => {
                let text = t.unescape().map_err(|e| format!("bad XML text: {e}"))?;
                out.push_str(&text);
            }
            Ok(Event::Eof) => break,
            Err(e) => {
                return Err(format!(
                    "bad XML in word/document.xml at byte {}: {e}",
                    reader.buffer_position()
                ))
            }
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal .docx holding `body` as the inside of `<w:body>`.
    pub(crate) fn docx(body: &str) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default();
            z.start_file("[Content_Types].xml", opts).unwrap();
            z.write_all(b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>").unwrap();
            z.start_file("word/document.xml", opts).unwrap();
            write!(z, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>").unwrap();
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    #[test]
    fn paragraphs_and_tables() {
        let body = "<w:p><w:r><w:t>各单位要</w:t></w:r><w:r><w:t xml:space=\"preserve\">加强值守。</w:t></w:r></w:p>\
<w:p><w:r><w:delText>删去</w:delText><w:t>严禁擅离岗位。</w:t></w:r></w:p>\
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>牵头单位</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>市应急局</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        assert_eq!(
            to_text(&docx(body), 1 << 20).unwrap(),
            "各单位要加强值守。\n严禁擅离岗位。\n牵头单位\t市应急局\n"
        );
    }

    #[test]
    fn a_part_over_the_limit_is_an_error() {
        let body = format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "要".repeat(10_000));
        let e = to_text(&docx(&body), 1000).unwrap_err();
        assert!(e.contains("limit"), "{e}");
    }
}
