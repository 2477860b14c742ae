//! Stage 1a: bytes to text.
//!
//! A byte-order mark decides (UTF-8, UTF-16LE/BE) and is dropped; otherwise valid UTF-8 is
//! taken as it is. Anything else is decoded as UTF-8 with U+FFFD for the bad bytes, and the
//! result says so (`replaced`). Other encodings (GB18030, Big5, ...) plug in here.

use crate::document::Encoding;

/// Decoded text and how it was decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// How it was decoded.
    pub encoding: Encoding,
}

/// Decodes `bytes`.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let (text, replaced) = utf8(rest);
        return Decoded {
            text,
            encoding: Encoding {
                name: "UTF-8".into(),
                chosen_by: "bom",
                replaced,
            },
        };
    }
    for (bom, name, le) in [
        (b"\xFF\xFE", "UTF-16LE", true),
        (b"\xFE\xFF", "UTF-16BE", false),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, replaced) = utf16(rest, le);
            return Decoded {
                text,
                encoding: Encoding {
                    name: name.into(),
                    chosen_by: "bom",
                    replaced,
                },
            };
        }
    }
    let (text, replaced) = utf8(bytes);
    Decoded {
        text,
        encoding: Encoding {
            name: "UTF-8".into(),
            chosen_by: "default",
            replaced,
        },
    }
}

fn utf8(bytes: &[u8]) -> (String, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), false),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
    }
}

fn utf16(bytes: &[u8], le: bool) -> (String, bool) {
    let units = bytes.chunks(2).map(|c| {
        let pair = [c[0], *c.get(1).unwrap_or(&0)];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut replaced = bytes.len() % 2 == 1;
    let text = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                replaced = true;
                '\u{FFFD}'
            })
        })
        .collect();
    (text, replaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_decide_and_are_dropped() {
        let d = decode("\u{feff}要加强".as_bytes());
        assert_eq!(d.text, "要加强");
        assert_eq!(d.encoding.chosen_by, "bom");
        let mut le = vec![0xFF, 0xFE];
        for u in "必须".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le);
        assert_eq!(d.text, "必须");
        assert_eq!(d.encoding.name, "UTF-16LE");
    }

    #[test]
    fn bad_bytes_are_replaced_and_reported() {
        let d = decode(b"must \xFF act");
        assert_eq!(d.text, "must \u{FFFD} act");
        assert!(d.encoding.replaced);
        let d = decode(b"\xFF\xFE\x00\xD8");
        assert!(d.encoding.replaced);
    }
}
