//! Checks an .xlsx/.xlsb package before calamine opens it: a few bytes of hostile XML can make a
//! reader allocate a hundred gigabytes (`uniqueCount="4000000000"` sizes a vector up front) or
//! buffer gigabytes of one text run. What Excel itself cannot write is refused, with a reason:
//! - a part larger than [`MAX_PART_BYTES`] once unpacked, or all parts beyond [`MAX_TOTAL_BYTES`];
//! - a shared-string table announcing more strings than its bytes can hold;
//! - in a part packed suspiciously tightly (a zip bomb), a run of text longer than any cell holds.
//!
//! Together with the row assembler's limits (Excel's 1,048,576 rows × 16,384 columns) this bounds
//! what one file can make the import hold beyond its rows: about the largest part's longest line.

use super::ReadError;
use crate::msg;
use std::io::Read;
use std::path::Path;

/// The largest part read (a sheet of Excel's maximum 1,048,576 rows is well below it).
pub const MAX_PART_BYTES: u64 = 2 << 30;

/// All parts together.
pub const MAX_TOTAL_BYTES: u64 = 6 << 30;

/// Longest run of text between two tags: Excel holds at most 32,767 characters in a cell.
const MAX_TEXT_RUN: usize = 1 << 20;

/// Parts packed tighter than this are read through once for runs of text before calamine sees them
/// (ordinary sheets pack 5–15×; a run of spaces packs a thousand times).
const SUSPICIOUS_RATIO: u64 = 40;

/// A part larger than this and packed tighter than [`BOMB_RATIO`] is refused outright.
const BOMB_BYTES: u64 = 128 << 20;
const BOMB_RATIO: u64 = 100;

/// The fewest bytes a shared string takes in the table (`<si><t/></si>`).
const MIN_SHARED_STRING_BYTES: u64 = 12;

/// Refuses a package that would make the reader allocate without bound; `Ok` for anything else
/// (including files that are not zip packages: calamine reports those itself).
pub fn check(path: &Path) -> Result<(), ReadError> {
    let refuse = |reason: crate::text::Message| ReadError::Workbook { path: path.to_path_buf(), detail: reason };
    let Ok(file) = std::fs::File::open(path) else { return Ok(()) };
    let Ok(mut zip) = zip::ZipArchive::new(std::io::BufReader::new(file)) else { return Ok(()) };
    let mut total = 0u64;
    for i in 0..zip.len() {
        let Ok(mut part) = zip.by_index(i) else { continue };
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let (size, packed) = (part.size(), part.compressed_size().max(1));
        total = total.saturating_add(size);
        if size > MAX_PART_BYTES {
            return Err(refuse(msg!("import.read.part_too_large", part = &name, size = size >> 20, limit = MAX_PART_BYTES >> 20)));
        }
        if total > MAX_TOTAL_BYTES {
            return Err(refuse(msg!("import.read.too_large", limit = MAX_TOTAL_BYTES >> 20)));
        }
        // Ordinary parts pack 5–15 times; hundreds of megabytes packed hundreds of times are a bomb
        // whatever they are made of (spaces, empty elements, comments).
        if size > BOMB_BYTES && size / packed > BOMB_RATIO {
            return Err(refuse(msg!("import.read.zip_bomb", part = &name, ratio = size / packed, size = size >> 20)));
        }
        let shared = name.eq_ignore_ascii_case("xl/sharedStrings.xml");
        let mut head = Vec::new();
        if shared {
            (&mut part)
                .take(64 << 10)
                .read_to_end(&mut head)
                .map_err(|e| refuse(msg!("import.read.unpack_failed", part = &name, detail = e.to_string())))?;
            if let Some(count) = declared_count(&head)
                && count > size / MIN_SHARED_STRING_BYTES + 16
            {
                return Err(refuse(msg!("import.read.forged_strings", count = count.to_string(), size = size)));
            }
        }
        let is_xml = name.ends_with(".xml") || name.ends_with(".bin");
        if is_xml && size / packed > SUSPICIOUS_RATIO && longest_text_run(&head, &mut part) > MAX_TEXT_RUN {
            return Err(refuse(msg!("import.read.long_text", part = &name, limit = MAX_TEXT_RUN)));
        }
    }
    Ok(())
}

/// The `uniqueCount` (else `count`) attribute of the shared-string table's opening tag.
fn declared_count(head: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(head);
    let tag_end = text.find("<sst").and_then(|start| text[start..].find('>').map(|end| start + end))?;
    let tag = &text[..tag_end];
    ["uniqueCount=\"", "count=\""].iter().find_map(|attr| {
        let at = tag.find(attr)? + attr.len();
        tag[at..].split('"').next()?.trim().parse().ok()
    })
}

/// The longest run of bytes without a `<` in `head` followed by the rest of `rest`, read in chunks.
fn longest_text_run(head: &[u8], rest: &mut dyn Read) -> usize {
    let (mut longest, mut run) = (0usize, 0usize);
    // The first piece of a chunk continues the run the last chunk ended with; the last piece (empty
    // when the chunk ends on a `<`) is carried into the next.
    let scan = |bytes: &[u8], longest: &mut usize, run: &mut usize| {
        for (i, piece) in bytes.split(|b| *b == b'<').enumerate() {
            *run = if i == 0 { *run + piece.len() } else { piece.len() };
            *longest = (*longest).max(*run);
        }
    };
    scan(head, &mut longest, &mut run);
    let mut buf = vec![0u8; 1 << 20];
    while let Ok(n) = rest.read(&mut buf) {
        if n == 0 || longest > MAX_TEXT_RUN {
            break;
        }
        scan(&buf[..n], &mut longest, &mut run);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn package(parts: &[(&str, &[u8])]) -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().expect("temp");
        let mut zip = zip::ZipWriter::new(file.reopen().expect("reopen"));
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in parts {
            zip.start_file(*name, options).expect("part");
            zip.write_all(bytes).expect("write");
        }
        zip.finish().expect("finish");
        file
    }

    #[test]
    fn a_forged_string_count_is_refused() {
        let sst = br#"<?xml version="1.0"?><sst xmlns="x" count="4000000000" uniqueCount="4000000000"><si><t>Date</t></si></sst>"#;
        let file = package(&[("xl/sharedStrings.xml", sst)]);
        let err = check(file.path()).expect_err("refused");
        assert!(err.to_string().contains("4000000000 strings"), "{err}");
        let honest = br#"<sst count="1" uniqueCount="1"><si><t>Date</t></si></sst>"#;
        assert!(check(package(&[("xl/sharedStrings.xml", honest)]).path()).is_ok());
    }

    #[test]
    fn a_run_of_text_longer_than_any_cell_is_refused_and_ordinary_sheets_pass() {
        let mut bomb = b"<worksheet><sheetData>".to_vec();
        bomb.extend(std::iter::repeat_n(b' ', 3 << 20));
        bomb.extend(b"</sheetData></worksheet>");
        let err = check(package(&[("xl/worksheets/sheet1.xml", &bomb)]).path()).expect_err("refused");
        assert!(err.to_string().contains("run of text"), "{err}");
        let rows: String = (0..20_000).map(|i| format!("<row r=\"{i}\"><c r=\"A{i}\"><v>{i}</v></c></row>")).collect();
        let sheet = format!("<worksheet><sheetData>{rows}</sheetData></worksheet>");
        assert!(check(package(&[("xl/worksheets/sheet1.xml", sheet.as_bytes())]).path()).is_ok());
    }

    #[test]
    fn runs_are_measured_across_chunks() {
        let mut text = vec![b'a'; (1 << 20) - 5];
        text.push(b'<');
        text.extend(vec![b'b'; 500_000]);
        text.push(b'<');
        assert_eq!(longest_text_run(&[], &mut text.as_slice()), (1 << 20) - 5);
        let mut crossing = vec![b'<'; (1 << 20) - 5];
        crossing.extend(vec![b'b'; 500_000]);
        assert_eq!(longest_text_run(b"<", &mut crossing.as_slice()), 500_000, "a run continues into the next chunk");
    }
}
