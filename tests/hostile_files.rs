mod common;

// Broken and hostile input files, imported through the CLI in a child process under a memory cap
// (`ulimit -v`) and a time cap: the importer must never panic, abort or hang, must account for
// every row, and must say what is wrong in words.

use common::{V, xlsx};
use serde_json::Value;
use std::ffi::OsString;
use std::io::{Cursor, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

const BIN: &str = env!("CARGO_BIN_EXE_customs-radar");
const HEADERS: [&str; 6] = ["Date", "Importer", "Exporter", "HS Code", "Value USD", "Weight KG"];
const LIMIT: Duration = Duration::from_secs(60);

// ---------------------------------------------------------------------------------------------
// Running the binary under caps
// ---------------------------------------------------------------------------------------------

/// What a capped run did.
struct Run {
    code: Option<i32>,
    signal: Option<i32>,
    timed_out: bool,
    secs: f64,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn describe(&self) -> String {
        let out = String::from_utf8_lossy(&self.stdout);
        let out: String = out.chars().take(3000).collect();
        let err: String = self.stderr.chars().take(3000).collect();
        format!(
            "code {:?}, signal {:?}, timed out {}, {:.1}s\n--- stdout (first 3000 chars) ---\n{}\n--- stderr (first 3000 chars) ---\n{}",
            self.code, self.signal, self.timed_out, self.secs, out, err
        )
    }
}

/// Runs `customs-radar --db DB ARGS…` with about 1.5 GB of address space, killed after `limit`.
fn capped(db: &Path, args: &[OsString], limit: Duration) -> Run {
    // The address-space cap needs a Unix shell; elsewhere (Windows runners) only the time cap holds.
    let mut command = if cfg!(unix) {
        let mut c = Command::new("sh");
        c.arg("-c").arg(r#"ulimit -v 1500000; exec "$0" "$@""#).arg(BIN);
        c
    } else {
        Command::new(BIN)
    };
    let mut child = command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("CUSTOMS_RADAR_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn customs-radar");
    let mut so = child.stdout.take().expect("stdout");
    let mut se = child.stderr.take().expect("stderr");
    let t_out = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = so.read_to_end(&mut b);
        b
    });
    let t_err = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = se.read_to_end(&mut b);
        b
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(s) = child.try_wait().expect("try_wait") {
            break s;
        }
        if start.elapsed() > limit {
            timed_out = true;
            let _ = child.kill();
            break child.wait().expect("wait");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let secs = start.elapsed().as_secs_f64();
    let stdout = t_out.join().expect("stdout reader");
    let stderr = String::from_utf8_lossy(&t_err.join().expect("stderr reader")).into_owned();
    Run { code: status.code(), signal: status.signal(), timed_out, secs, stdout, stderr }
}

/// `customs-radar --db DB import FILE --json` under the caps, checked for "no crash": it finished by
/// itself with 0 or 1, no panic, one JSON object on stdout, every row accounted for.
fn import(db: &Path, file: &Path) -> (Run, Value) {
    import_within(db, file, LIMIT)
}

fn import_within(db: &Path, file: &Path, limit: Duration) -> (Run, Value) {
    let args = vec![OsString::from("import"), file.as_os_str().to_owned(), OsString::from("--json")];
    let run = capped(db, &args, limit);
    assert!(!run.timed_out, "the import did not finish within {limit:?}: {}", run.describe());
    assert!(run.signal.is_none(), "the import was killed by a signal (abort/OOM?): {}", run.describe());
    assert!(run.code != Some(101), "the import panicked: {}", run.describe());
    // A panic caught inside the importer still counts: the debug build's overflow checks are what
    // panicked, and the release build (no overflow checks) takes another path on the same input.
    assert!(!run.stderr.contains("panicked"), "the import panicked (caught or not): {}", run.describe());
    assert!(
        !run.stderr.contains("memory allocation") && !run.stderr.contains("capacity overflow"),
        "the import ran out of memory: {}",
        run.describe()
    );
    assert!(matches!(run.code, Some(0) | Some(1)), "exit code must be 0 (imported) or 1 (refused): {}", run.describe());
    let v: Value = match serde_json::from_slice(&run.stdout) {
        Ok(v) => v,
        Err(e) => panic!("stdout is not one JSON object ({e}): {}", run.describe()),
    };
    assert!(v.is_object(), "stdout is not a JSON object: {}", run.describe());
    eprintln!("{}", summary(&run, &v));
    assert_accounted(&v);
    (run, v)
}

/// One line per file and rejected row, for the test's captured output.
fn summary(run: &Run, v: &Value) -> String {
    let mut out = format!(
        "exit {:?} in {:.1}s: read {:?} imported {:?} duplicates {:?}\n",
        run.code,
        run.secs,
        v.get("rows_read"),
        v.get("imported"),
        v.get("duplicates")
    );
    for f in v.get("files").and_then(Value::as_array).into_iter().flatten() {
        let reason: String = f.get("reason").and_then(Value::as_str).unwrap_or("").chars().take(400).collect();
        out.push_str(&format!("  file {:?} {:?}: {reason:?}\n", f.get("file"), f.get("status")));
    }
    for r in v.get("rejected").and_then(Value::as_array).into_iter().flatten().take(10) {
        let reason: String = reason_of(r).chars().take(300).collect();
        out.push_str(&format!("  rejected row {:?} column {:?}: {reason:?}\n", r.get("row"), r.get("column")));
    }
    out
}

fn n(v: &Value, key: &str) -> u64 {
    v.get(key).and_then(Value::as_u64).unwrap_or_else(|| panic!("no number '{key}' in {v}"))
}

fn arr<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v.get(key).and_then(Value::as_array).unwrap_or_else(|| panic!("no array '{key}' in {v}"))
}

fn short(v: &Value) -> String {
    let s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.chars().take(6000).collect()
}

/// Rows read = imported + duplicates + rejected, for the import, each file and each sheet.
fn assert_accounted(v: &Value) {
    let rejected = arr(v, "rejected").len() as u64;
    assert_eq!(n(v, "rows_read"), n(v, "imported") + n(v, "duplicates") + rejected, "every row read is accounted for: {}", short(v));
    let mut files_read = 0;
    for f in arr(v, "files") {
        assert_eq!(n(f, "rows_read"), n(f, "imported") + n(f, "duplicates") + n(f, "rejected"), "file accounted: {}", short(v));
        let mut sheets_read = 0;
        for s in arr(f, "sheets") {
            assert_eq!(n(s, "rows_read"), n(s, "imported") + n(s, "duplicates") + n(s, "rejected"), "sheet accounted: {}", short(v));
            sheets_read += n(s, "rows_read");
        }
        assert_eq!(n(f, "rows_read"), sheets_read, "a file's sheets add up: {}", short(v));
        files_read += n(f, "rows_read");
    }
    assert_eq!(n(v, "rows_read"), files_read, "the files add up: {}", short(v));
}

/// Every message in an import's JSON: file and sheet reasons, notes, warnings, rejected rows' reasons.
fn messages(v: &Value) -> Vec<String> {
    fn walk(v: &Value, key: Option<&str>, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    walk(x, Some(k), out);
                }
            }
            Value::Array(a) => {
                for x in a {
                    walk(x, key, out);
                }
            }
            Value::String(s) => {
                if matches!(key, Some("reason" | "notes" | "warnings" | "unsure" | "message" | "note" | "warning")) {
                    out.push(s.clone());
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, None, &mut out);
    out
}

fn says(text: &str, words: &[&str]) -> bool {
    let t = text.to_lowercase();
    words.iter().any(|w| t.contains(&w.to_lowercase()))
}

/// The first file's refusal reason (`files[0].reason`), or "" when there is none.
fn file_reason(v: &Value) -> String {
    arr(v, "files").first().and_then(|f| f.get("reason")).and_then(Value::as_str).unwrap_or("").to_string()
}

fn file_status(v: &Value) -> String {
    arr(v, "files").first().and_then(|f| f.get("status")).and_then(Value::as_str).unwrap_or("").to_string()
}

/// The rejected row at spreadsheet row `row` (1-based, header included), if any.
fn rejected_row(v: &Value, row: u64) -> Option<&Value> {
    arr(v, "rejected").iter().find(|r| r.get("row").and_then(Value::as_u64) == Some(row))
}

fn reason_of(r: &Value) -> String {
    r.get("reason").and_then(Value::as_str).unwrap_or("").to_string()
}

/// A refused file: exit 1, status refused, a reason with one of `words`, and an empty workspace.
fn assert_refused(run: &Run, v: &Value, db: &Path, words: &[&str]) {
    assert_eq!(run.code, Some(1), "a refused file exits with 1: {}", short(v));
    assert_eq!(file_status(v), "refused", "{}", short(v));
    // The words must be in the reason itself, not in the file's name or folder.
    let mut reason = file_reason(v);
    for f in arr(v, "files") {
        for key in ["path", "file"] {
            if let Some(p) = f.get(key).and_then(Value::as_str).filter(|p| !p.is_empty()) {
                reason = reason.replace(p, "FILE");
            }
        }
    }
    assert!(says(&reason, words), "the refusal should say what is wrong (one of {words:?}): {reason:?}");
    assert_no_shipments(db);
}

/// The customers in a workspace: every name and alias, with the shipment count.
fn customers(db: &Path) -> (Vec<String>, u64, usize) {
    let out = common::cli::run(db, &["customers", "--json"]);
    assert!(out.status.success(), "customers --json failed: {}", String::from_utf8_lossy(&out.stderr));
    let size = out.stdout.len();
    let v: Value = serde_json::from_slice(&out.stdout).expect("customers --json prints one JSON object");
    let mut names = Vec::new();
    let mut shipments = 0;
    for c in arr(&v, "customers") {
        if let Some(s) = c.get("customer").and_then(Value::as_str) {
            names.push(s.to_string());
        }
        for a in c.get("aliases").and_then(Value::as_array).into_iter().flatten() {
            if let Some(s) = a.as_str() {
                names.push(s.to_string());
            }
        }
        shipments += c.get("shipments").and_then(Value::as_u64).unwrap_or(0);
    }
    (names, shipments, size)
}

fn assert_no_shipments(db: &Path) {
    if !db.exists() || std::fs::metadata(db).map(|m| m.len() == 0).unwrap_or(true) {
        return;
    }
    let (names, shipments, _) = customers(db);
    assert!(names.is_empty() && shipments == 0, "a refused file left shipments in the workspace: {names:?}");
}

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

struct Row {
    date: (u16, u8, u8),
    buyer: String,
    supplier: &'static str,
    value: f64,
    weight: f64,
}

/// Data row `i` (0-based): fasteners 731815 at $2–4/kg.
fn row(i: usize) -> Row {
    const BUYERS: [&str; 8] = [
        "Acme Bolts LLC",
        "Beta Hardware Inc",
        "Gamma Industrial Supply",
        "Delta Fastener Corp",
        "Epsilon Building Products",
        "Zeta Tools GmbH",
        "Eta Construction Supply",
        "Theta Anchors Ltd",
    ];
    const SUPPLIERS: [&str; 3] = ["Ningbo Fasteners Co Ltd", "Jiaxing Screw Works", "Haiyan Bolt Manufacturing"];
    let weight = 400.0 + (i as f64 * 37.0) % 900.0;
    let price = 2.0 + (i % 7) as f64 * 0.3;
    Row {
        date: (2024, 1 + (i % 12) as u8, 1 + (i % 27) as u8),
        buyer: BUYERS[i % BUYERS.len()].to_string(),
        supplier: SUPPLIERS[i % SUPPLIERS.len()],
        value: (weight * price * 100.0).round() / 100.0,
        weight,
    }
}

fn xlsx_rows(rows: &[Row]) -> Vec<Vec<V>> {
    let mut out = vec![HEADERS.iter().map(|h| V::T(h)).collect::<Vec<_>>()];
    for r in rows {
        out.push(vec![
            V::D(r.date.0, r.date.1, r.date.2),
            V::S(r.buyer.clone()),
            V::T(r.supplier),
            V::N(731815.0),
            V::N(r.value),
            V::N(r.weight),
        ]);
    }
    out
}

/// An .xlsx (sheet "Shipments") with `n` rows whose buyers are all distinct ("Buyer 1 LLC"…).
fn plain_xlsx(path: &Path, count: usize) -> Vec<Row> {
    let rows: Vec<Row> = (0..count).map(|i| Row { buyer: format!("{} {}", row(i).buyer, i + 1), ..row(i) }).collect();
    xlsx(path, &[("Shipments", xlsx_rows(&rows))]);
    rows
}

fn csv_line(r: &Row) -> String {
    format!("{:04}-{:02}-{:02},{},{},731815,{:.2},{:.1}\n", r.date.0, r.date.1, r.date.2, r.buyer, r.supplier, r.value, r.weight)
}

fn csv_header() -> String {
    format!("{}\n", HEADERS.join(","))
}

/// Every part of a zip package, in order.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut a = zip::ZipArchive::new(Cursor::new(bytes)).expect("read zip");
    let mut out = Vec::new();
    for i in 0..a.len() {
        let mut f = a.by_index(i).expect("zip entry");
        let mut b = Vec::new();
        f.read_to_end(&mut b).expect("read zip entry");
        out.push((f.name().expect("entry name").to_string(), b));
    }
    out
}

/// A zip package of the given parts: the first one stored when `first_stored` (the ODS mimetype),
/// the others deflated.
fn zip_parts(parts: &[(String, Vec<u8>)], first_stored: bool) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (i, (name, data)) in parts.iter().enumerate() {
        let method = if i == 0 && first_stored { CompressionMethod::Stored } else { CompressionMethod::Deflated };
        w.start_file(name.as_str(), SimpleFileOptions::default().compression_method(method)).expect("start zip entry");
        w.write_all(data).expect("write zip entry");
    }
    w.finish().expect("finish zip").into_inner()
}

/// Rewrites one part of an xlsx package with `f`.
fn patch_part(path: &Path, part: &str, f: impl FnOnce(String) -> String) {
    let mut parts = unzip(&std::fs::read(path).expect("read xlsx"));
    let p = parts.iter_mut().find(|(n, _)| n == part).unwrap_or_else(|| panic!("no part {part}"));
    let before = String::from_utf8(std::mem::take(&mut p.1)).expect("utf-8 part");
    let after = f(before.clone());
    assert_ne!(before, after, "the patch of {part} changed nothing");
    p.1 = after.into_bytes();
    std::fs::write(path, zip_parts(&parts, false)).expect("write xlsx");
}

/// The XML of the cell with reference `r` in a sheet (from `<c r="…"` to its `</c>`).
fn cell_span(xml: &str, r: &str) -> (usize, usize) {
    let start = xml.find(&format!(r#"<c r="{r}""#)).unwrap_or_else(|| panic!("no cell {r} in {xml}"));
    let end = start + xml[start..].find("</c>").expect("cell end") + "</c>".len();
    (start, end)
}

/// Replaces the `<v>` content of cell `r`.
fn set_cell_v(xml: String, r: &str, v: &str) -> String {
    let (s, e) = cell_span(&xml, r);
    let cell = &xml[s..e];
    let vs = cell.find("<v>").expect("<v>") + 3;
    let ve = cell.find("</v>").expect("</v>");
    format!("{}{}{}{}{}", &xml[..s], &cell[..vs], v, &cell[ve..], &xml[e..])
}

/// Moves cell `from` to the end of its row under the reference `to`.
fn move_cell_to_row_end(xml: String, from: &str, to: &str) -> String {
    let (s, e) = cell_span(&xml, from);
    let cell = xml[s..e].replacen(&format!(r#"r="{from}""#,), &format!(r#"r="{to}""#), 1);
    let rest = format!("{}{}", &xml[..s], &xml[e..]);
    let row_end = s + rest[s..].find("</row>").expect("row end");
    format!("{}{}{}", &rest[..row_end], cell, &rest[row_end..])
}

/// A tiny deterministic generator for the garbage file.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

// ---------------------------------------------------------------------------------------------
// Fixture sanity: the harness and the hand-made packages are sound
// ---------------------------------------------------------------------------------------------

#[test]
fn fixture_sane_plain_xlsx_imports_under_the_caps() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("plain.xlsx");
    let rows = plain_xlsx(&file, 4);
    // A no-op rewrite through the zip helpers must still import.
    patch_part(&file, "xl/worksheets/sheet1.xml", |x| x.replace("<sheetData>", "<sheetData> "));
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    assert_eq!(run.code, Some(0), "{}", short(&v));
    assert_eq!(n(&v, "imported"), 4, "{}", short(&v));
    let (names, shipments, _) = customers(&db);
    assert_eq!(shipments, 4);
    for r in &rows {
        assert!(names.contains(&r.buyer), "{} in {names:?}", r.buyer);
    }
}

#[test]
fn fixture_sane_xlsx_uses_shared_strings_with_date_first() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("plain.xlsx");
    plain_xlsx(&file, 4);
    let parts = unzip(&std::fs::read(&file).expect("read"));
    let sst = String::from_utf8(parts.iter().find(|(n, _)| n == "xl/sharedStrings.xml").expect("sst").1.clone()).expect("utf-8");
    assert!(sst.contains("<si><t>Date</t></si>"), "{sst}");
    assert!(sst.find("Date") < sst.find("Importer"), "Date is shared string 0: {sst}");
    let sheet = String::from_utf8(parts.iter().find(|(n, _)| n == "xl/worksheets/sheet1.xml").expect("sheet").1.clone()).expect("utf-8");
    let (s, e) = cell_span(&sheet, "B3");
    assert!(sheet[s..e].contains(r#"t="s""#), "{}", &sheet[s..e]);
}

#[test]
fn fixture_sane_plain_ods_imports() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("plain.ods");
    std::fs::write(&file, ods(None)).expect("write");
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    assert_eq!(run.code, Some(0), "{}", short(&v));
    assert_eq!(n(&v, "imported"), 3, "{}", short(&v));
}

#[test]
fn fixture_sane_plain_csv_imports() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("plain.csv");
    let mut text = csv_header();
    for i in 0..20 {
        text.push_str(&csv_line(&row(i)));
    }
    std::fs::write(&file, text).expect("write");
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    assert_eq!(run.code, Some(0), "{}", short(&v));
    assert_eq!(n(&v, "imported") + n(&v, "duplicates"), 20, "{}", short(&v));
}

// ---------------------------------------------------------------------------------------------
// 1. Huge column references
// ---------------------------------------------------------------------------------------------

fn huge_column(col: &str) {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("customs-q1.xlsx");
    let rows = plain_xlsx(&file, 4);
    // Row 3's buyer cell moves to the end of its row, in column `col`.
    patch_part(&file, "xl/worksheets/sheet1.xml", |x| move_cell_to_row_end(x, "B3", &format!("{col}3")));
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    let words = ["column", "cell", "reference", "importer", "buyer", "damaged", "corrupt", "invalid", "empty", "missing", "range"];
    if run.code == Some(1) {
        assert_refused(&run, &v, &db, &words);
        return;
    }
    let r = rejected_row(&v, 3).unwrap_or_else(|| panic!("row 3 (its buyer cell is at {col}3) must be rejected: {}", short(&v)));
    assert!(says(&reason_of(r), &words), "the reason should say what is wrong: {r}");
    let (names, _, _) = customers(&db);
    assert!(!names.contains(&rows[1].buyer), "row 3's buyer was imported: {names:?}");
    for i in [0, 2, 3] {
        assert!(names.contains(&rows[i].buyer), "the good row {} was not imported: {names:?}", i + 2);
    }
}

#[test]
fn t01a_cell_reference_with_column_zzzzzzz() {
    huge_column("ZZZZZZZ");
}

#[test]
fn t01b_cell_reference_with_column_zzzzz() {
    huge_column("ZZZZZ");
}

// ---------------------------------------------------------------------------------------------
// 2. A shared-string table declaring four billion strings
// ---------------------------------------------------------------------------------------------

#[test]
fn t02_shared_strings_declares_four_billion() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("customs-q1.xlsx");
    let rows = plain_xlsx(&file, 4);
    patch_part(&file, "xl/sharedStrings.xml", |x| {
        let s = x.find("<sst ").expect("<sst");
        let e = s + x[s..].find('>').expect(">");
        let tag = &x[s..e];
        let count = regex_attr(tag, "count");
        let unique = regex_attr(tag, "uniqueCount");
        let new_tag = tag.replacen(&format!(r#" count="{count}""#), r#" count="4000000000""#, 1).replacen(
            &format!(r#" uniqueCount="{unique}""#),
            r#" uniqueCount="4000000000""#,
            1,
        );
        format!("{}{}{}", &x[..s], new_tag, &x[e..])
    });
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    if run.code == Some(1) {
        assert_refused(&run, &v, &db, &["damaged", "corrupt", "invalid", "shared", "string", "count"]);
        return;
    }
    assert_eq!(n(&v, "imported"), 4, "the four real rows import: {}", short(&v));
    let (names, _, _) = customers(&db);
    for r in &rows {
        assert!(names.contains(&r.buyer), "{} in {names:?}", r.buyer);
    }
}

fn regex_attr(tag: &str, name: &str) -> String {
    let key = format!(r#" {name}=""#);
    let s = tag.find(&key).unwrap_or_else(|| panic!("no {name} in {tag}")) + key.len();
    let e = s + tag[s..].find('"').expect("quote");
    tag[s..e].to_string()
}

// ---------------------------------------------------------------------------------------------
// 3. Shared-string indexes that are not indexes
// ---------------------------------------------------------------------------------------------

fn bad_sst_index(index: &str) {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("customs-q1.xlsx");
    let rows = plain_xlsx(&file, 4);
    patch_part(&file, "xl/worksheets/sheet1.xml", |x| set_cell_v(x, "B3", index));
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    let words = ["string", "cell", "importer", "buyer", "damaged", "corrupt", "invalid", "index", "empty", "missing"];
    let (names, _, _) = customers(&db);
    for h in HEADERS {
        assert!(!names.iter().any(|n| n == h), "a buyer was imported as the header text {h:?}: {names:?}");
    }
    if run.code == Some(1) {
        assert_refused(&run, &v, &db, &words);
        return;
    }
    let r = rejected_row(&v, 3).unwrap_or_else(|| panic!("row 3 (shared string {index:?}) must be rejected: {}", short(&v)));
    assert!(says(&reason_of(r), &words), "the reason should say what is wrong: {r}");
    for i in [0, 2, 3] {
        assert!(names.contains(&rows[i].buyer), "the good row {} was not imported: {names:?}", i + 2);
    }
    assert_eq!(n(&v, "imported"), 3, "{}", short(&v));
}

#[test]
fn t03a_shared_string_index_minus_one() {
    bad_sst_index("-1");
}

#[test]
fn t03b_shared_string_index_abc() {
    bad_sst_index("abc");
}

// ---------------------------------------------------------------------------------------------
// 4. An unclosed quote in a CSV
// ---------------------------------------------------------------------------------------------

#[test]
fn t04_csv_unclosed_quote() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("customs-q1.csv");
    let rows: Vec<Row> = (0..20).map(|i| Row { buyer: format!("{} {}", row(i).buyer, i + 1), ..row(i) }).collect();
    let mut text = csv_header();
    for (i, r) in rows.iter().enumerate() {
        if i == 1 {
            // Line 3: the buyer field opens a quote and never closes it.
            text.push_str(&csv_line(r).replacen(&r.buyer, &format!("\"{}", r.buyer), 1));
        } else {
            text.push_str(&csv_line(r));
        }
    }
    std::fs::write(&file, text).expect("write");
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    assert_eq!(run.code, Some(0), "the good rows before the broken one import: {}", short(&v));
    let (names, _, _) = customers(&db);
    assert!(names.contains(&rows[0].buyer), "line 2 (before the quote) imported: {names:?}");
    for name in &names {
        assert!(!name.contains('\n') && !name.contains('\r') && !name.contains(','), "a glued row was imported as a buyer: {name:?}");
        assert!(name.len() < 100, "a glued row was imported as a buyer: {name:?}");
        assert!(!says(name, &["Ningbo", "Jiaxing", "Haiyan", "731815"]), "a glued row was imported as a buyer: {name:?}");
    }
    let rejected = arr(&v, "rejected");
    assert!(!rejected.is_empty(), "the broken line is rejected: {}", short(&v));
    assert!(rejected.iter().any(|r| says(&reason_of(r), &["quote"])), "a rejected row's reason names the quote: {}", short(&v));
    // The 18 lines after the broken one are not lost in silence: either each is read (imported or
    // rejected), or a reason says the quote swallowed the rest of the file.
    let swallowed = rejected.iter().any(|r| says(&reason_of(r), &["end of the file", "end of file", "rest of the file", "line 21"]));
    assert!(n(&v, "rows_read") == 20 || swallowed, "20 lines, {} rows read: {}", n(&v, "rows_read"), short(&v));
}

// ---------------------------------------------------------------------------------------------
// 5. A decimal comma among decimal points
// ---------------------------------------------------------------------------------------------

#[test]
fn t05_csv_decimal_comma_among_points() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("customs-q1.csv");
    let values = ["1234.50", "99.90", "\"1.000,50\"", "2500.00", "875.25", "1530.40"];
    let mut text = csv_header();
    for (i, val) in values.iter().enumerate() {
        let r = row(i);
        text.push_str(&format!("2024-03-{:02},{},{},731815,{},{:.1}\n", i + 4, r.buyer, r.supplier, val, 400.0 + i as f64 * 25.0));
    }
    std::fs::write(&file, text).expect("write");
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    assert_eq!(run.code, Some(0), "{}", short(&v));
    let r = rejected_row(&v, 4).unwrap_or_else(|| panic!("line 4 (\"1.000,50\") must be rejected: {}", short(&v)));
    assert!(reason_of(r).contains("1.000,50"), "the reason quotes the value: {r}");
    let (names, _, _) = customers(&db);
    assert!(!names.contains(&row(2).buyer), "the row with 1.000,50 was imported: {names:?}");
    assert_eq!(n(&v, "imported"), 5, "{}", short(&v));
}

// ---------------------------------------------------------------------------------------------
// 6. A 2 MB buyer name
// ---------------------------------------------------------------------------------------------

#[test]
fn t06_csv_two_megabyte_buyer_name() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("customs-q1.csv");
    let long = "Acme Bolts ".repeat(2 * 1024 * 1024 / 11 + 1);
    let mut text = csv_header();
    for i in 0..6 {
        let mut r = Row { buyer: format!("{} {}", row(i).buyer, i + 1), ..row(i) };
        if i == 2 {
            r.buyer = long.clone();
        }
        text.push_str(&csv_line(&r));
    }
    std::fs::write(&file, text).expect("write");
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    assert!(run.stdout.len() < 100_000, "the import's report stays small ({} bytes)", run.stdout.len());
    assert_eq!(run.code, Some(0), "{}", short(&v));
    let r = rejected_row(&v, 4).unwrap_or_else(|| panic!("line 4 (2 MB buyer) must be rejected: {}", short(&v)));
    assert!(says(&reason_of(r), &["long"]), "the reason says the name is too long: {r}");
    assert!(reason_of(r).len() < 2000, "the reason does not quote the whole name ({} chars)", reason_of(r).len());
    assert_eq!(n(&v, "imported"), 5, "the other rows import: {}", short(&v));
    let (_, _, size) = customers(&db);
    assert!(size < 1_000_000, "customers --json printed {size} bytes");
}

// ---------------------------------------------------------------------------------------------
// 7. A value column of spreadsheet error cells
// ---------------------------------------------------------------------------------------------

#[test]
fn t07_value_column_of_error_cells() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("customs-q1.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet();
    sheet.set_name("Shipments").expect("name");
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("write");
    }
    for i in 0..8u32 {
        let r = row(i as usize);
        let x = i + 1;
        let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(r.date.0, r.date.1, r.date.2).expect("date");
        sheet.write_datetime_with_format(x, 0, &dt, &date).expect("write");
        sheet.write_string(x, 1, &r.buyer).expect("write");
        sheet.write_string(x, 2, r.supplier).expect("write");
        sheet.write_number(x, 3, 731815.0).expect("write");
        let f = if i % 2 == 0 {
            rust_xlsxwriter::Formula::new(format!("=F{}/0", x + 1)).set_result("#DIV/0!")
        } else {
            rust_xlsxwriter::Formula::new("=#REF!*2").set_result("#REF!")
        };
        sheet.write_formula(x, 4, f).expect("write");
        sheet.write_number(x, 5, r.weight).expect("write");
    }
    book.save(&file).expect("save");
    let parts = unzip(&std::fs::read(&file).expect("read"));
    let xml = String::from_utf8(parts.iter().find(|(n, _)| n == "xl/worksheets/sheet1.xml").expect("sheet").1.clone()).expect("utf-8");
    assert!(xml.contains(r#"t="e""#) && xml.contains("<v>#DIV/0!</v>"), "fixture: real error cells: {xml}");

    let db = d.path().join("ws.sqlite");
    let (_run, v) = import(&db, &file);
    let names_column = |s: &str| s.contains("Value USD");
    let in_messages = messages(&v).iter().any(|m| names_column(m) && says(m, &["error"]));
    let in_rejected = arr(&v, "rejected")
        .iter()
        .any(|r| r.get("column").and_then(Value::as_str).map(names_column).unwrap_or(false) && says(&reason_of(r), &["error"]));
    assert!(in_messages || in_rejected, "a message names 'Value USD' and says its cells are spreadsheet errors: {}", short(&v));
}

// ---------------------------------------------------------------------------------------------
// 8. Workbooks with nothing in them
// ---------------------------------------------------------------------------------------------

#[test]
fn t08a_three_empty_sheets() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("customs-q1.xlsx");
    xlsx(&file, &[("Summary", vec![]), ("Notes", vec![]), ("Archive 2023", vec![])]);
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    assert_refused(&run, &v, &db, &["empty", "no data", "nothing", "no rows"]);
    let reason = file_reason(&v);
    for s in ["Summary", "Notes", "Archive 2023"] {
        assert!(reason.contains(s), "the refusal names sheet {s:?}: {reason:?}");
    }
}

#[test]
fn t08b_empty_sheets_and_a_chartsheet() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("customs-q1.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Summary").expect("name");
    book.add_worksheet().set_name("Notes").expect("name");
    let mut chart = rust_xlsxwriter::Chart::new(rust_xlsxwriter::ChartType::Column);
    chart.add_series().set_values("Summary!$A$1:$A$3");
    let cs = book.add_chartsheet();
    cs.set_name("Chart of sales").expect("name");
    cs.insert_chart(0, 0, &chart).expect("chart");
    book.save(&file).expect("save");
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    assert_refused(&run, &v, &db, &["empty", "no data", "nothing", "no rows", "chart"]);
    let reason = file_reason(&v);
    for s in ["Summary", "Notes", "Chart of sales"] {
        assert!(reason.contains(s), "the refusal names sheet {s:?}: {reason:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// 9. Binary garbage named .csv
// ---------------------------------------------------------------------------------------------

#[test]
fn t09_binary_garbage_named_csv() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("shipments.csv");
    let mut g = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut bytes: Vec<u8> = (0..50 * 1024).map(|_| (g.next() >> 24) as u8).collect();
    for i in (0..bytes.len()).step_by(97) {
        bytes[i] = 0;
    }
    std::fs::write(&file, &bytes).expect("write");
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    assert_eq!(run.code, Some(1), "binary garbage is refused: {}", short(&v));
    assert_eq!(file_status(&v), "refused", "{}", short(&v));
    assert_no_shipments(&db);
    let f = &arr(&v, "files")[0];
    let mut reasons = vec![file_reason(&v)];
    for s in arr(f, "sheets") {
        reasons.extend(s.get("reason").and_then(Value::as_str).map(String::from));
    }
    assert!(!reasons[0].is_empty(), "a reason is given");
    for r in &reasons {
        assert!(!r.chars().any(|c| c.is_control() || c == '\u{FFFD}'), "the reason quotes raw binary: {r:?}");
        assert!(r.chars().count() < 500, "the reason is {} chars: {r:?}", r.chars().count());
    }
}

// ---------------------------------------------------------------------------------------------
// 10. A 309-digit value
// ---------------------------------------------------------------------------------------------

#[test]
fn t10_309_digit_value() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("customs-q1.csv");
    let nines = "9".repeat(309);
    let mut text = csv_header();
    for i in 0..5 {
        let r = row(i);
        let line = csv_line(&r);
        if i == 1 {
            text.push_str(&line.replacen(&format!("{:.2}", r.value), &nines, 1));
        } else {
            text.push_str(&line);
        }
    }
    assert!(text.contains(&nines));
    std::fs::write(&file, text).expect("write");
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    assert_eq!(run.code, Some(0), "{}", short(&v));
    let r = rejected_row(&v, 3).unwrap_or_else(|| panic!("line 3 (309 nines) must be rejected: {}", short(&v)));
    let reason = reason_of(r);
    assert!(!reason.contains(&nines), "the reason prints the 309-digit number in full: {reason:?}");
    assert!(reason.chars().count() < 300, "the reason is {} chars: {reason:?}", reason.chars().count());
    assert_eq!(n(&v, "imported") + n(&v, "duplicates"), 4, "{}", short(&v));
}

// ---------------------------------------------------------------------------------------------
// 11. An impossible ISO date
// ---------------------------------------------------------------------------------------------

#[test]
fn t11_impossible_iso_date() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("customs-q1.csv");
    let mut text = csv_header();
    for i in 0..6 {
        let r = Row { buyer: format!("{} {}", row(i).buyer, i + 1), ..row(i) };
        let line = csv_line(&r);
        if i == 3 {
            let date = format!("{:04}-{:02}-{:02}", r.date.0, r.date.1, r.date.2);
            text.push_str(&line.replacen(&date, "2024-13-45", 1));
        } else {
            text.push_str(&line);
        }
    }
    std::fs::write(&file, text).expect("write");
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    assert_eq!(run.code, Some(0), "{}", short(&v));
    let r = rejected_row(&v, 5).unwrap_or_else(|| panic!("line 5 (2024-13-45) must be rejected: {}", short(&v)));
    let reason = reason_of(r);
    assert!(reason.contains("2024-13-45"), "the reason quotes the date: {reason:?}");
    assert!(!says(&reason, &["day/month/year", "month/day/year"]), "an ISO column does not read dates as day/month/year: {reason:?}");
    assert_eq!(n(&v, "imported"), 5, "{}", short(&v));
}

// ---------------------------------------------------------------------------------------------
// 12. A truncated xlsx
// ---------------------------------------------------------------------------------------------

#[test]
fn t12_truncated_xlsx() {
    let d = tempfile::tempdir().expect("tmp");
    let full = d.path().join("full.xlsx");
    plain_xlsx(&full, 50);
    let bytes = std::fs::read(&full).expect("read");
    let file = d.path().join("customs-q1.xlsx");
    std::fs::write(&file, &bytes[..bytes.len() / 2]).expect("write");
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    assert_refused(&run, &v, &db, &["damaged", "incomplete", "corrupt", "truncated"]);
}

// ---------------------------------------------------------------------------------------------
// 13. A zip bomb: 300 MB of spaces in sheetData
// ---------------------------------------------------------------------------------------------

// The zip bomb is built by hand so that it takes milliseconds: a raw deflate stream whose middle
// block repeats "258 bytes at distance 1" with one-bit codes, its CRC-32 computed by raising the
// per-byte CRC step to a power, and a minimal zip writer (stored parts around it).

fn crc_table() -> [u32; 256] {
    let mut t = [0u32; 256];
    for (i, e) in t.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *e = c;
    }
    t
}

/// The CRC-32 register after `bytes`, from register `state` (not inverted).
fn crc_update(state: u32, bytes: &[u8]) -> u32 {
    let t = crc_table();
    bytes.iter().fold(state, |s, &b| (s >> 8) ^ t[((s ^ b as u32) & 0xFF) as usize])
}

fn crc32(bytes: &[u8]) -> u32 {
    !crc_update(0xFFFF_FFFF, bytes)
}

/// An affine map of the CRC register over GF(2): the images of the 32 unit vectors, and a constant.
#[derive(Clone, Copy)]
struct Affine {
    cols: [u32; 32],
    c: u32,
}

impl Affine {
    fn linear(&self, s: u32) -> u32 {
        (0..32).filter(|i| s >> i & 1 != 0).fold(0, |acc, i| acc ^ self.cols[i])
    }

    fn apply(&self, s: u32) -> u32 {
        self.linear(s) ^ self.c
    }

    /// `self` after `first`.
    fn after(&self, first: &Affine) -> Affine {
        let mut cols = [0u32; 32];
        for (i, col) in cols.iter_mut().enumerate() {
            *col = self.linear(first.cols[i]);
        }
        Affine { cols, c: self.apply(first.c) }
    }
}

/// The CRC-32 register after `count` copies of `pattern`, from register `state`.
fn crc_update_repeated(state: u32, pattern: &[u8], count: u64) -> u32 {
    let t = crc_table();
    let mut cols = [0u32; 32];
    for (i, col) in cols.iter_mut().enumerate() {
        let s = 1u32 << i;
        *col = (s >> 8) ^ t[(s & 0xFF) as usize];
    }
    let mut identity = [0u32; 32];
    for (i, col) in identity.iter_mut().enumerate() {
        *col = 1 << i;
    }
    let identity = Affine { cols: identity, c: 0 };
    // One pass over the pattern: the byte steps one after the other.
    let step = pattern.iter().fold(identity, |acc, &byte| Affine { cols, c: t[byte as usize] }.after(&acc));
    let (mut result, mut base, mut k) = (identity, step, count);
    while k > 0 {
        if k & 1 == 1 {
            result = base.after(&result);
        }
        base = base.after(&base);
        k >>= 1;
    }
    result.apply(state)
}

/// Deflate's bit order: values least significant bit first.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u64, count: u32) {
        self.acc |= value << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    fn align(&mut self) {
        if self.n > 0 {
            self.put(0, 8 - self.n);
        }
    }

    fn stored(&mut self, last: bool, data: &[u8]) {
        assert!(data.len() <= 65535);
        self.put(last as u64, 1);
        self.put(0, 2);
        self.align();
        self.out.extend_from_slice(&(data.len() as u16).to_le_bytes());
        self.out.extend_from_slice(&(!(data.len() as u16)).to_le_bytes());
        self.out.extend_from_slice(data);
    }
}

/// A raw deflate stream of `head`, `pattern`, then 258 × `repeats` more bytes repeating the pattern
/// (a multiple of its length), then `tail`.
fn deflate_repeat(head: &[u8], pattern: &[u8], repeats: u64, tail: &[u8]) -> Vec<u8> {
    let d = pattern.len() as u64;
    assert!((1..=8).contains(&d) && (258 * repeats).is_multiple_of(d));
    // Distance codes: 0..=3 are distances 1..=4; 4 is 5–6 and 5 is 7–8, with one extra bit.
    let (dist_code, extra) = match d {
        1..=4 => (d - 1, None),
        5 | 6 => (4, Some(d - 5)),
        _ => (5, Some(d - 7)),
    };
    let mut b = Bits { out: Vec::new(), acc: 0, n: 0 };
    let mut first = head.to_vec();
    first.extend_from_slice(pattern);
    for chunk in first.chunks(65535) {
        b.stored(false, chunk);
    }
    // A dynamic block: literal/length codes 256 (end) and 285 (length 258) of one bit each, two
    // distance codes of one bit each (0 and the pattern's, or 0 and 1).
    let dist_codes = (dist_code + 1).max(2);
    b.put(0, 1);
    b.put(2, 2);
    b.put(29, 5); // HLIT: 286 codes
    b.put(dist_codes - 1, 5); // HDIST
    b.put(14, 4); // HCLEN: 18 code-length codes
    // Code-length code lengths in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1: only 18
    // (a run of zeros, 1 bit), 0 and 1 (2 bits each) are used; canonical codes: 18 → 0, 0 → 10,
    // 1 → 11 (written first bit first).
    for sym in [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1] {
        b.put(
            match sym {
                18 => 1,
                0 | 1 => 2,
                _ => 0,
            },
            3,
        );
    }
    let zeros = |b: &mut Bits, k: u64| {
        b.put(0, 1);
        b.put(k - 11, 7);
    };
    let zero = |b: &mut Bits| b.put(0b01, 2);
    let one = |b: &mut Bits| b.put(0b11, 2);
    zeros(&mut b, 138); // literals 0..137
    zeros(&mut b, 118); // literals 138..255
    one(&mut b); // 256: length 1
    zeros(&mut b, 28); // 257..284
    one(&mut b); // 285: length 1
    one(&mut b); // distance code 0: length 1
    for _ in 1..dist_codes - 1 {
        zero(&mut b);
    }
    one(&mut b); // the last distance code: length 1
    // Canonical codes: 256 → 0, 285 → 1; distance code 0 → 0, the other → 1.
    let dist_bit = if dist_code == 0 { 0 } else { 1 };
    for _ in 0..repeats {
        b.put(1, 1); // 285: length 258
        b.put(dist_bit, 1);
        if let Some(e) = extra {
            b.put(e, 1);
        }
    }
    b.put(0, 1); // end of block
    let chunks: Vec<&[u8]> = tail.chunks(65535).collect();
    if chunks.is_empty() {
        b.stored(true, &[]);
    }
    for (i, chunk) in chunks.iter().enumerate() {
        b.stored(i + 1 == chunks.len(), chunk);
    }
    b.align();
    b.out
}

/// One part of a hand-made zip: name, method (0 stored, 8 deflated), CRC, sizes, data as written.
struct Part {
    name: String,
    method: u16,
    crc: u32,
    size: u32,
    data: Vec<u8>,
}

fn stored_part(name: &str, data: &[u8]) -> Part {
    Part { name: name.to_string(), method: 0, crc: crc32(data), size: data.len() as u32, data: data.to_vec() }
}

fn write_zip(parts: &[Part]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for p in parts {
        let offset = out.len() as u32;
        let fields = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes()); // version needed
            v.extend_from_slice(&0u16.to_le_bytes()); // flags
            v.extend_from_slice(&p.method.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // time
            v.extend_from_slice(&0x21u16.to_le_bytes()); // date: 1980-01-01
            v.extend_from_slice(&p.crc.to_le_bytes());
            v.extend_from_slice(&(p.data.len() as u32).to_le_bytes());
            v.extend_from_slice(&p.size.to_le_bytes());
            v.extend_from_slice(&(p.name.len() as u16).to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // extra
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        fields(&mut out);
        out.extend_from_slice(p.name.as_bytes());
        out.extend_from_slice(&p.data);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // version made by
        fields(&mut central);
        central.extend_from_slice(&0u16.to_le_bytes()); // comment
        central.extend_from_slice(&0u16.to_le_bytes()); // disk
        central.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(p.name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// The xlsx at `base` with `pattern` repeated right after `<sheetData>` in sheet1.xml, in all
/// `pattern.len()` + 258 × `repeats` bytes; the package bytes and the number of bytes inserted.
fn bomb_xlsx(base: &Path, pattern: &[u8], repeats: u64) -> (Vec<u8>, u64) {
    let mut parts = Vec::new();
    let inserted = pattern.len() as u64 + 258 * repeats;
    for (name, data) in unzip(&std::fs::read(base).expect("read base")) {
        if name == "xl/worksheets/sheet1.xml" {
            let at = data.windows(11).position(|w| w == b"<sheetData>").expect("sheetData") + 11;
            let (head, tail) = data.split_at(at);
            let mut state = crc_update(0xFFFF_FFFF, head);
            state = crc_update_repeated(state, pattern, inserted / pattern.len() as u64);
            state = crc_update(state, tail);
            let size = head.len() as u64 + inserted + tail.len() as u64;
            let size = u32::try_from(size).expect("under 4 GB");
            parts.push(Part { name, method: 8, crc: !state, size, data: deflate_repeat(head, pattern, repeats, tail) });
        } else {
            parts.push(stored_part(&name, &data));
        }
    }
    (write_zip(&parts), inserted)
}

#[test]
fn fixture_sane_handmade_bomb_round_trips() {
    // The repeated-pattern CRC agrees with the byte-by-byte one.
    for pattern in [&b" "[..], b"<!---->", b"<row/>", b"ab", b"abcdefgh"] {
        for k in [0u64, 1, 2, 7, 258, 1000, 9_999] {
            let direct = crc_update(0x1234_5678, &pattern.repeat(k as usize));
            assert_eq!(crc_update_repeated(0x1234_5678, pattern, k), direct, "{k} × {pattern:?}");
        }
    }
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    // Small bombs read back through the zip crate (which checks the CRC) and import.
    let d = tempfile::tempdir().expect("tmp");
    let base = d.path().join("base.xlsx");
    plain_xlsx(&base, 3);
    let original = unzip(&std::fs::read(&base).expect("read"));
    for (pattern, repeats) in
        [(&b" "[..], 1000), (b"<!---->", 700), (b"<a/>", 1000), (b"ab", 10), (b"abcd", 2), (b"<row/>", 3), (b"abcdefgh", 4)]
    {
        let (bytes, inserted) = bomb_xlsx(&base, pattern, repeats);
        let read = unzip(&bytes);
        assert_eq!(original.len(), read.len());
        for ((n1, d1), (n2, d2)) in original.iter().zip(&read) {
            assert_eq!(n1, n2);
            if n1 == "xl/worksheets/sheet1.xml" {
                let filler = pattern.repeat(inserted as usize / pattern.len());
                let expected = String::from_utf8(d1.clone()).expect("utf-8").replacen(
                    "<sheetData>",
                    &format!("<sheetData>{}", String::from_utf8(filler).expect("utf-8")),
                    1,
                );
                assert!(*d2 == expected.into_bytes(), "the sheet inflates to the head, the filler and the tail ({pattern:?})");
            } else {
                assert_eq!(d1, d2, "{n1}");
            }
        }
        if pattern == b" " || pattern == b"<a/>" {
            let file = d.path().join("small-bomb.xlsx");
            std::fs::write(&file, &bytes).expect("write");
            let db = d.path().join(format!("ws{}.sqlite", pattern.len()));
            let (run, v) = import(&db, &file);
            assert_eq!(run.code, Some(0), "{}", short(&v));
            assert_eq!(n(&v, "imported"), 3, "{}", short(&v));
        }
    }
}

#[test]
fn t13_zip_bomb_of_spaces() {
    let d = tempfile::tempdir().expect("tmp");
    let base = d.path().join("base.xlsx");
    plain_xlsx(&base, 3);
    let file = d.path().join("customs-q1.xlsx");
    let t = Instant::now();
    // 1 + 258 × 1,220,000 spaces: about 315 MB.
    let (bytes, spaces) = bomb_xlsx(&base, b" ", 1_220_000);
    std::fs::write(&file, &bytes).expect("write");
    let size = bytes.len();
    eprintln!("bomb: {spaces} spaces, {size} bytes on disk, built in {:.2}s", t.elapsed().as_secs_f64());
    assert!(spaces > 300 * 1024 * 1024, "fixture: {spaces} spaces");
    assert!(size < 1_000_000, "fixture: the bomb is small on disk ({size} bytes)");

    assert_bomb_handled(&d.path().join("ws.sqlite"), &file);
}

/// A bomb is refused for its size or packing, or its three real rows are imported.
fn assert_bomb_handled(db: &Path, file: &Path) {
    let (run, v) = import(db, file);
    if run.code == Some(1) {
        assert_refused(&run, &v, db, &["large", "big", "size", "damaged", "compress", "bomb", "limit"]);
    } else {
        assert_eq!(n(&v, "imported"), 3, "{}", short(&v));
    }
}

/// Not in the issue's list: 600 MB of empty unknown elements (`<a/>`, which deflate packs at two
/// bits per 258 bytes) instead of one run of spaces, so that a guard on the length of one text run
/// is not enough: parsing it all takes minutes, so the bomb must be caught by its size or its
/// compression ratio (about 1000:1 here; real sheets compress 5–20:1).
#[test]
fn t13b_zip_bomb_of_empty_elements() {
    let d = tempfile::tempdir().expect("tmp");
    let base = d.path().join("base.xlsx");
    plain_xlsx(&base, 3);
    let file = d.path().join("customs-q1.xlsx");
    let (bytes, inserted) = bomb_xlsx(&base, b"<a/>", 2_438_490);
    std::fs::write(&file, &bytes).expect("write");
    eprintln!("bomb: {inserted} bytes of <a/>, {} bytes on disk", bytes.len());
    assert!(inserted > 600 * 1000 * 1000 && bytes.len() < 1_000_000, "fixture");

    assert_bomb_handled(&d.path().join("ws.sqlite"), &file);
}

// ---------------------------------------------------------------------------------------------
// 14. A named pipe
// ---------------------------------------------------------------------------------------------

#[test]
fn t14_named_pipe_is_refused_at_once() {
    let d = tempfile::tempdir().expect("tmp");
    let fifo = d.path().join("shipments.csv");
    let st = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(st.success(), "mkfifo");
    let db = d.path().join("ws.sqlite");
    let (run, v) = import_within(&db, &fifo, Duration::from_secs(5));
    assert_refused(&run, &v, &db, &["pipe", "fifo", "regular file", "not a file", "special", "device"]);
}

// ---------------------------------------------------------------------------------------------
// 15. A closed stdout (`customers | head -1`)
// ---------------------------------------------------------------------------------------------

#[test]
fn t15_customers_into_a_closed_pipe() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("many.csv");
    let mut text = csv_header();
    for i in 0..800 {
        let r = row(i);
        text.push_str(&format!(
            "2024-{:02}-{:02},Worldwide Industrial Fasteners and Hardware Distribution Company No {:03} LLC,{},731815,{:.2},{:.1}\n",
            r.date.1,
            r.date.2,
            i + 1,
            r.supplier,
            r.value,
            r.weight
        ));
    }
    std::fs::write(&file, text).expect("write");
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    assert_eq!(run.code, Some(0), "{}", short(&v));
    assert_eq!(n(&v, "imported"), 800, "{}", short(&v));

    for args in [&["customers"][..], &["customers", "--json"][..]] {
        // Fixture: the output is larger than a pipe's buffer, so closing the pipe early matters.
        let full = common::cli::run(&db, args);
        assert!(full.status.success());
        assert!(full.stdout.len() > 128 * 1024, "fixture: {args:?} prints {} bytes, not more than a pipe holds", full.stdout.len());

        let mut child = Command::new(BIN)
            .env_remove("CUSTOMS_RADAR_DB")
            .arg("--db")
            .arg(&db)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut so = child.stdout.take().expect("stdout");
        let mut se = child.stderr.take().expect("stderr");
        let t_err = std::thread::spawn(move || {
            let mut b = Vec::new();
            let _ = se.read_to_end(&mut b);
            b
        });
        let mut first = [0u8; 64];
        let _ = so.read(&mut first).expect("read");
        drop(so);
        let start = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().expect("try_wait") {
                break s;
            }
            if start.elapsed() > Duration::from_secs(30) {
                let _ = child.kill();
                panic!("{args:?} kept running after its stdout closed");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let stderr = String::from_utf8_lossy(&t_err.join().expect("stderr")).into_owned();
        assert_ne!(status.code(), Some(101), "{args:?} panicked on a closed pipe: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?} panicked on a closed pipe: {stderr}");
    }
}

// ---------------------------------------------------------------------------------------------
// 16. Two imports into one workspace at once
// ---------------------------------------------------------------------------------------------

#[test]
fn t16_two_imports_at_once() {
    let d = tempfile::tempdir().expect("tmp");
    let db = d.path().join("ws.sqlite");
    // The workspace exists with one shipment.
    let seed = d.path().join("seed.csv");
    std::fs::write(&seed, format!("{}{}", csv_header(), csv_line(&row(0)))).expect("write");
    let (run, v) = import(&db, &seed);
    assert_eq!(run.code, Some(0), "{}", short(&v));
    let (_, base, _) = customers(&db);
    assert_eq!(base, 1);

    let mut files = Vec::new();
    for tag in ["North", "South"] {
        let f = d.path().join(format!("{tag}.csv"));
        let mut text = csv_header();
        for i in 0..1500 {
            let r = row(i);
            text.push_str(&format!(
                "2024-{:02}-{:02},{tag} Buyer {:04} Inc,{},731815,{:.2},{:.1}\n",
                r.date.1,
                r.date.2,
                i % 400,
                r.supplier,
                r.value + i as f64,
                r.weight
            ));
        }
        std::fs::write(&f, text).expect("write");
        files.push(f);
    }
    let handles: Vec<_> = files
        .iter()
        .map(|f| {
            let (db, f) = (db.clone(), f.clone());
            std::thread::spawn(move || {
                let args = vec![OsString::from("import"), f.into_os_string(), OsString::from("--json")];
                capped(&db, &args, LIMIT)
            })
        })
        .collect();
    let runs: Vec<Run> = handles.into_iter().map(|h| h.join().expect("thread")).collect();
    let mut imported = 0;
    for run in &runs {
        assert!(!run.timed_out && run.signal.is_none(), "both imports finish: {}", run.describe());
        assert!(run.code != Some(101) && !run.stderr.contains("panicked"), "no panic: {}", run.describe());
        assert!(matches!(run.code, Some(0) | Some(1)), "{}", run.describe());
        let json: Option<Value> = serde_json::from_slice(&run.stdout).ok();
        match &json {
            Some(v) => eprintln!("{}", summary(run, v)),
            None => eprintln!("no JSON: {}", run.describe()),
        }
        if let Some(v) = &json {
            assert_accounted(v);
            imported += n(v, "imported");
        }
        let failed = run.code != Some(0) || json.as_ref().map(|v| file_status(v) != "imported").unwrap_or(true);
        if failed {
            let msg = match &json {
                Some(v) => format!("{} {}", messages(v).join(" | "), run.stderr),
                None => run.stderr.clone(),
            };
            assert!(says(&msg, &["another import", "busy", "locked", "in use"]), "the message says another import is writing: {msg:?}");
            assert!(!says(&msg, &["error code 5"]), "the message shows SQLite's error code: {msg:?}");
            let low = msg.to_lowercase();
            for w in ["another import", "busy", "locked"] {
                assert!(low.matches(w).count() <= 1, "the message repeats {w:?}: {msg:?}");
            }
        }
    }
    let (_, shipments, _) = customers(&db);
    assert_eq!(shipments, base + imported, "the workspace holds what the imports reported");
}

// ---------------------------------------------------------------------------------------------
// 17. An ODS row repeated a billion times
// ---------------------------------------------------------------------------------------------

/// An .ods with a header and three shipments; the last row carries `table:number-rows-repeated`
/// when `repeat` is given.
fn ods(repeat: Option<u64>) -> Vec<u8> {
    let cell_s = |s: &str| format!(r#"<table:table-cell office:value-type="string"><text:p>{s}</text:p></table:table-cell>"#);
    let cell_n =
        |x: f64| format!(r#"<table:table-cell office:value-type="float" office:value="{x}"><text:p>{x}</text:p></table:table-cell>"#);
    let cell_d =
        |s: &str| format!(r#"<table:table-cell office:value-type="date" office:date-value="{s}"><text:p>{s}</text:p></table:table-cell>"#);
    let mut body = String::from("<table:table-row>");
    for h in HEADERS {
        body.push_str(&cell_s(h));
    }
    body.push_str("</table:table-row>");
    for i in 0..3 {
        let r = row(i);
        let attr = match (i, repeat) {
            (2, Some(k)) => format!(r#" table:number-rows-repeated="{k}""#),
            _ => String::new(),
        };
        body.push_str(&format!("<table:table-row{attr}>"));
        body.push_str(&cell_d(&format!("{:04}-{:02}-{:02}", r.date.0, r.date.1, r.date.2)));
        body.push_str(&cell_s(&r.buyer));
        body.push_str(&cell_s(r.supplier));
        body.push_str(&cell_n(731815.0));
        body.push_str(&cell_n(r.value));
        body.push_str(&cell_n(r.weight));
        body.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Shipments"><table:table-column table:number-columns-repeated="6"/>{body}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;
    zip_parts(
        &[
            ("mimetype".to_string(), b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
            ("content.xml".to_string(), content.into_bytes()),
            ("META-INF/manifest.xml".to_string(), manifest.as_bytes().to_vec()),
        ],
        true,
    )
}

#[test]
fn t17_ods_row_repeated_a_billion_times() {
    let d = tempfile::tempdir().expect("tmp");
    let file = d.path().join("customs-q1.ods");
    std::fs::write(&file, ods(Some(1_000_000_000))).expect("write");
    let db = d.path().join("ws.sqlite");
    let (run, v) = import(&db, &file);
    if run.code == Some(1) {
        assert_refused(&run, &v, &db, &["repeat", "rows", "large", "limit", "too many"]);
        return;
    }
    assert!(n(&v, "imported") <= 10, "a repeated row was imported as copies: {}", short(&v));
    let (_, shipments, _) = customers(&db);
    assert!(shipments <= 10, "{shipments} shipments in the workspace");
    if n(&v, "rows_read") < 1_000_000_002 {
        assert!(messages(&v).iter().any(|m| says(m, &["repeat"])), "the repeated rows were cut short without a note: {}", short(&v));
    }
}
