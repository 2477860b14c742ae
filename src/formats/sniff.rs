//! What kind of bytes an input is: binary (skipped), a zip (.docx), HTML, or text.

use encoding_rs::Encoding as Enc;

/// Why a binary input is skipped, from its first bytes, or `None` for text.
///
/// UTF-16 text (with or without a byte-order mark) has NUL bytes too; the caller rules it
/// out first with [`crate::decode::is_utf16`].
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "legacy Office document (.doc, .xls); save it as .docx",
        ),
        (b"PK\x03\x04", "zip archive"),
        (b"PK\x05\x06", "zip archive"),
        (b"\x1F\x8B", "gzip archive"),
        (b"\xFD7zXZ\x00", "xz archive"),
        (b"7z\xBC\xAF\x27\x1C", "7-zip archive"),
        (b"Rar!\x1A\x07", "RAR archive"),
        (b"\x7FELF", "executable"),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
        (b"OggS", "Ogg media"),
        (b"{\\rtf", "RTF document"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("WebP image");
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("MP4 media");
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Some("binary data (NUL bytes)");
    }
    None
}

/// True for a zip archive holding `word/document.xml`: a Word document.
pub fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .is_ok_and(|z| z.index_for_name("word/document.xml").is_some())
}

/// True when the bytes open like an HTML page.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = text.trim_start();
    t.starts_with("<!doctype html")
        || t.starts_with("<html")
        || (t.starts_with("<?xml") && t.contains("<html"))
        || (t.starts_with("<!--") && t.contains("<html"))
}

/// The encoding an HTML page declares in a `<meta>` tag within its first 4 KiB.
pub fn html_charset(bytes: &[u8]) -> Option<&'static Enc> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(k) = rest.find("<meta") {
        let tag_end = rest[k..].find('>').map_or(rest.len(), |e| k + e);
        let tag = &rest[k..tag_end];
        if let Some(c) = tag.find("charset") {
            let value = tag[c + "charset".len()..]
                .trim_start()
                .strip_prefix('=')
                .map(|v| v.trim_start().trim_start_matches(['"', '\'']))
                .unwrap_or("");
            let label: String = value
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if let Some(enc) = Enc::for_label(label.as_bytes()) {
                return Some(enc);
            }
        }
        rest = &rest[tag_end..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binaries_are_named() {
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\n...."), Some("PNG image"));
        assert_eq!(binary_kind(b"%PDF-1.7\n"), Some("PDF document"));
        assert_eq!(
            binary_kind(b"text\x00more"),
            Some("binary data (NUL bytes)")
        );
        assert_eq!(binary_kind("各单位要加强值守。".as_bytes()), None);
    }

    #[test]
    fn html_and_its_charset_are_recognized() {
        let page = b"<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>";
        assert!(looks_like_html(page));
        assert_eq!(html_charset(page).map(|e| e.name()), Some("GBK"));
        assert_eq!(
            html_charset(b"<meta charset='big5'>").map(|e| e.name()),
            Some("Big5")
        );
        assert!(!looks_like_html(b"plain text <html> later"));
    }
}
