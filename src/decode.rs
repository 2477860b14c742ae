//! Stage 1a: bytes to text.
//!
//! The encoding is chosen in this order, and the result says how (`chosen_by`):
//! 1. `bom`: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), which is dropped;
//! 2. `forced`: the user's `--encoding`;
//! 3. `declared`: the document's own declaration (an HTML `<meta charset>`);
//! 4. `detected`: valid UTF-8 is UTF-8; text whose 16-bit units read as plausible UTF-16
//!    (line breaks and spaces as whole units, few impossible characters) is UTF-16; anything
//!    else is guessed by `chardetng` (GB18030, Big5, Shift_JIS, windows-1252, ...).
//!
//! GBK is always decoded as GB18030, its superset: real "GBK" files hold GB18030 characters.
//! Bytes that are not valid in the chosen encoding become U+FFFD and `replaced` is set.

use encoding_rs::{Encoding as Enc, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

use crate::document::Encoding;

/// Decoded text and how it was decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// How it was decoded.
    pub encoding: Encoding,
}

/// Decodes `bytes` by detection (no forced or declared encoding).
pub fn decode(bytes: &[u8]) -> Decoded {
    decode_with(bytes, None, None)
}

/// As [`decode_with`], taking the bytes: UTF-8 text without a byte-order mark becomes the
/// text without a copy (a 200 MB file costs 200 MB, not 400).
pub fn decode_owned(
    bytes: Vec<u8>,
    forced: Option<&'static Enc>,
    declared: Option<&'static Enc>,
) -> Decoded {
    // Only where decode_with would read the bytes as UTF-8 in the first place.
    let chosen_by = match (forced, declared) {
        (Some(f), _) if f == UTF_8 => "forced",
        (None, Some(d)) if d == UTF_8 => "declared",
        (None, None) => "detected",
        _ => return decode_with(&bytes, forced, declared),
    };
    if Enc::for_bom(&bytes).is_some() {
        return decode_with(&bytes, forced, declared);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            encoding: Encoding {
                name: UTF_8.name().to_string(),
                chosen_by,
                replaced: false,
            },
        },
        Err(e) => decode_with(e.as_bytes(), forced, declared),
    }
}

/// Looks up an encoding by any of its WHATWG labels (`gbk`, `gb2312`, `big5`, `utf-16le`).
pub fn encoding_for_label(label: &str) -> Option<&'static Enc> {
    Enc::for_label(label.trim().as_bytes())
}

/// Decodes `bytes`, honouring a forced encoding, then a declared one.
pub fn decode_with(
    bytes: &[u8],
    forced: Option<&'static Enc>,
    declared: Option<&'static Enc>,
) -> Decoded {
    if let Some((enc, bom_len)) = Enc::for_bom(bytes) {
        return with(enc, &bytes[bom_len..], "bom");
    }
    if let Some(enc) = forced {
        return with(enc, bytes, "forced");
    }
    if let Some(enc) = declared {
        return with(enc, bytes, "declared");
    }
    if std::str::from_utf8(bytes).is_ok() || mostly_utf8(bytes) {
        return with(UTF_8, bytes, "detected");
    }
    if let Some(enc) = utf16_guess(bytes) {
        return with(enc, bytes, "detected");
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    with(
        detector.guess(None, chardetng::Utf8Detection::Deny),
        bytes,
        "detected",
    )
}

fn with(enc: &'static Enc, bytes: &[u8], chosen_by: &'static str) -> Decoded {
    let enc = if enc == GBK { GB18030 } else { enc };
    let (text, replaced) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: Encoding {
            name: enc.name().to_string(),
            chosen_by,
            replaced,
        },
    }
}

/// True when `bytes` are UTF-8 apart from a few broken sequences: a file cut off in the
/// middle of a character, or a stray byte in a long text. Legacy encodings of Chinese break
/// UTF-8 at almost every character, and Latin ones at every accented letter, so neither
/// passes: at least 16 well-formed multi-byte characters are needed per broken sequence,
/// and no more than one broken sequence per 1,000 bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let allowed = 1 + bytes.len() / 1000;
    let (mut broken, mut multibyte) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        let (valid, next) = match std::str::from_utf8(rest) {
            Ok(_) => (rest, None),
            Err(e) => {
                let skip = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                (
                    &rest[..e.valid_up_to()],
                    Some(&rest[e.valid_up_to() + skip..]),
                )
            }
        };
        multibyte += valid.iter().filter(|&&b| b >= 0xC0).count();
        let Some(next) = next else {
            return broken > 0 && multibyte >= 16 * broken;
        };
        broken += 1;
        if broken > allowed {
            return false;
        }
        rest = next;
    }
}

/// True when `bytes` are UTF-16 text, with or without a byte-order mark.
pub fn is_utf16(bytes: &[u8]) -> bool {
    matches!(Enc::for_bom(bytes), Some((enc, _)) if enc == UTF_16LE || enc == UTF_16BE)
        || utf16_guess(bytes).is_some()
}

/// UTF-16 without a byte-order mark: the byte order whose code units look like text.
fn utf16_guess(bytes: &[u8]) -> Option<&'static Enc> {
    if bytes.len() < 4 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(1 << 16) & !1];
    let score = |le: bool| {
        let (mut plausible, mut spaces, mut total) = (0usize, 0usize, 0usize);
        for pair in sample.chunks_exact(2) {
            let u = if le {
                u16::from_le_bytes([pair[0], pair[1]])
            } else {
                u16::from_be_bytes([pair[0], pair[1]])
            };
            total += 1;
            if matches!(u, 0x09 | 0x0A | 0x0D | 0x20) {
                spaces += 1;
            }
            if matches!(u, 0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0xA0..=0x24F | 0x2000..=0x206F | 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
            {
                plausible += 1;
            }
        }
        (plausible * 100 / total.max(1), spaces * 400 >= total)
    };
    let (le, le_spaced) = score(true);
    let (be, be_spaced) = score(false);
    if le >= 95 && le_spaced && le >= be {
        Some(UTF_16LE)
    } else if be >= 95 && be_spaced {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTICE: &str =
        "關於加強汛期安全管理的通知\n各單位必須嚴格執行值班制度。\n嚴禁在河道內違規採砂。\n";
    const NOTICE_SIMPLIFIED: &str =
        "关于加强汛期安全管理的通知\n各单位必须严格执行值班制度。\n严禁在河道内违规采砂。\n";

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
    fn gb18030_big5_and_bomless_utf16_are_detected() {
        let (gb, _, _) = GB18030.encode(NOTICE_SIMPLIFIED);
        let d = decode(&gb);
        assert_eq!(d.text, NOTICE_SIMPLIFIED);
        assert_eq!(
            (d.encoding.name.as_str(), d.encoding.chosen_by),
            ("gb18030", "detected")
        );
        let (big5, _, _) = encoding_rs::BIG5.encode(NOTICE);
        let d = decode(&big5);
        assert_eq!(d.text, NOTICE);
        assert_eq!(d.encoding.name, "Big5");
        for le in [true, false] {
            let bytes: Vec<u8> = NOTICE
                .encode_utf16()
                .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect();
            let d = decode(&bytes);
            assert_eq!(d.text, NOTICE, "le={le}");
            assert_eq!(d.encoding.name, if le { "UTF-16LE" } else { "UTF-16BE" });
        }
    }

    #[test]
    fn forced_and_declared_encodings_win_over_detection() {
        let (gb, _, _) = GB18030.encode(NOTICE_SIMPLIFIED);
        let d = decode_with(&gb, encoding_for_label("gbk"), None);
        assert_eq!(d.text, NOTICE_SIMPLIFIED);
        assert_eq!(d.encoding.chosen_by, "forced");
        let d = decode_with(&gb, None, encoding_for_label("gb2312"));
        assert_eq!(d.encoding.chosen_by, "declared");
        assert_eq!(d.text, NOTICE_SIMPLIFIED);
    }

    #[test]
    fn utf8_cut_off_mid_character_stays_utf8() {
        // A download cut short (or `head -c`) ends in half a character; the rest of the file
        // is still UTF-8 and must not be read as windows-1252.
        let text = "各地区各部门必须严格落实安全生产责任制。".repeat(4);
        let bytes = &text.as_bytes()[..text.len() - 1];
        let d = decode(bytes);
        assert_eq!(d.encoding.name, "UTF-8");
        assert!(d.encoding.replaced);
        assert!(d.text.starts_with("各地区各部门必须"));
        assert!(d.text.ends_with('\u{FFFD}'));
        // A stray byte in a long text, likewise.
        let mut bytes = text.clone().into_bytes();
        bytes.insert(30, 0xFF);
        assert_eq!(decode(&bytes).encoding.name, "UTF-8");
    }

    #[test]
    fn legacy_encodings_are_not_mistaken_for_broken_utf8() {
        assert!(!mostly_utf8(&GB18030.encode(NOTICE_SIMPLIFIED).0));
        assert!(!mostly_utf8(&encoding_rs::BIG5.encode(NOTICE).0));
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("Café, crème brûlée, naïve façade");
        assert!(!mostly_utf8(&latin));
        assert!(
            !mostly_utf8(NOTICE.as_bytes()),
            "valid UTF-8 has no broken sequence"
        );
    }

    #[test]
    fn bad_bytes_are_replaced_and_reported() {
        let d = decode_with(b"must \xFF act", Some(UTF_8), None);
        assert_eq!(d.text, "must \u{FFFD} act");
        assert!(d.encoding.replaced);
        let d = decode(b"\xFF\xFE\x00\xD8");
        assert!(d.encoding.replaced);
    }
}
