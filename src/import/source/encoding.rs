//! Text encodings of CSV files: UTF-8 (with or without BOM), GB18030/GBK as Excel saves CSV on
//! Chinese Windows, UTF-16 ("Unicode text"), and whatever else chardetng recognises.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Decodes a file's bytes to text, returning the text and the encoding's name.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    let encoding = detect(bytes);
    // `decode` also strips a BOM of the detected encoding.
    let (text, used, _had_errors) = encoding.decode(bytes);
    (text.into_owned(), used.name())
}

/// Picks the encoding: a BOM decides; UTF-16 without a BOM shows itself by zero bytes in every other
/// position; then valid UTF-8 is UTF-8; otherwise chardetng guesses from the content.
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    // Before UTF-8: ASCII-range UTF-16 is also valid UTF-8, full of NUL characters.
    if let Some(utf16) = utf16_without_bom(bytes) {
        return utf16;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let sample = &bytes[..bytes.len().min(1 << 20)];
    detector.feed(sample, sample.len() == bytes.len());
    // No top-level-domain hint; UTF-8 was already ruled out above.
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // GB18030 is the superset of GBK that Excel actually writes.
    if guess == encoding_rs::GBK { encoding_rs::GB18030 } else { guess }
}

fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zeros_odd = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let zeros_even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    // ASCII-heavy UTF-16 text has a zero in nearly every pair, always on the same side.
    if zeros_odd * 10 > pairs * 6 && zeros_even * 10 < pairs {
        Some(UTF_16LE)
    } else if zeros_even * 10 > pairs * 6 && zeros_odd * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_encodings_excel_writes() {
        let text = "日期,进口商,出口商,HS编码,金额(USD)\n2023-01-05,宁波海星五金有限公司,ACME,731815,\"1,234.50\"\n";
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(decode(&gb), (text.to_string(), "gb18030"));
        assert_eq!(decode(text.as_bytes()).0, text);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom).0, text);
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16).0, text);
        let no_bom: Vec<u8> = "Date\tImporter\tValue\n2023-01-05\tACME\t12\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&no_bom).1, "UTF-16LE");
    }
}
