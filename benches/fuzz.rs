//! Mutation fuzzing of the import path: seed files (a CSV, a workbook written in code, the real
//! provider samples when present) are damaged at random — bytes flipped, spans deleted, duplicated
//! or cut short, zip parts corrupted — and imported into a fresh workspace each. Counted: panics
//! that escaped, imports whose rows do not add up, refusals, imports, and the time per input.
//!
//! `cargo bench --bench fuzz` (`CR_FUZZ_RUNS=5000`, `CR_FUZZ_SEED=7`). A panic or broken accounting
//! prints the input's path (kept under target/fuzz-failures) and fails the run.

use customs_radar::store::{ImportOptions, ImportReport, SilentObserver, Workspace};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() {
    let runs: usize = std::env::var("CR_FUZZ_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(2000);
    let seed: u64 = std::env::var("CR_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(7);
    let seeds = seed_files();
    let failures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
    std::fs::create_dir_all(&failures).expect("failures dir");
    let scratch = tempfile::tempdir().expect("tmp");
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let (mut panics, mut unbalanced, mut refused, mut imported, mut rows) = (0usize, 0usize, 0usize, 0usize, 0u64);
    let mut slowest = 0.0f64;
    // Quiet: a caught panic is counted, not printed.
    std::panic::set_hook(Box::new(|_| {}));
    let started = Instant::now();
    for run in 0..runs {
        let (name, bytes) = &seeds[rng.random_range(0..seeds.len())];
        // Inside a workbook, damage the XML itself half the time (bytes of a packed part mostly
        // just break its checksum).
        let damaged = if name.ends_with(".xlsx") && rng.random_bool(0.5) { mutate_part(bytes, &mut rng) } else { mutate(bytes, &mut rng) };
        let path = scratch.path().join(format!("input-{run}-{name}"));
        std::fs::write(&path, &damaged).expect("write input");
        let db = scratch.path().join(format!("ws-{run}.sqlite"));
        let t = Instant::now();
        let outcome = std::panic::catch_unwind(|| import(&db, &path));
        slowest = slowest.max(t.elapsed().as_secs_f64());
        match outcome {
            Err(_) => {
                panics += 1;
                keep(&failures, &path, "panic");
            }
            Ok(Err(_)) => refused += 1,
            Ok(Ok(report)) => {
                rows += report.rows_read;
                if !balanced(&report) {
                    unbalanced += 1;
                    keep(&failures, &path, "unbalanced");
                }
                if report.files.iter().any(|f| f.status == "refused") {
                    refused += 1;
                } else {
                    imported += 1;
                }
            }
        }
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        let _ = std::fs::remove_file(&path);
    }
    let secs = started.elapsed().as_secs_f64();
    let _ = std::panic::take_hook();
    println!(
        "fuzzed {runs} inputs from {} seed files (seed {seed}) in {secs:.1} s ({:.1} ms each, slowest {:.2} s)",
        seeds.len(),
        1000.0 * secs / runs as f64,
        slowest
    );
    println!("imported {imported} · refused {refused} · rows read {rows} · panics {panics} · rows not accounted for {unbalanced}");
    assert!(panics == 0 && unbalanced == 0, "failing inputs kept in {}", failures.display());
}

/// Imports one file into a fresh workspace.
fn import(db: &Path, path: &Path) -> Result<ImportReport, customs_radar::store::StoreError> {
    let mut ws = Workspace::open(db)?;
    ws.import_files(&[path.to_path_buf()], ImportOptions::default(), &SilentObserver)
}

/// Rows read equal imported + duplicates + rejected, for the import, each file and each sheet.
fn balanced(r: &ImportReport) -> bool {
    r.rows_read == r.imported + r.duplicates + r.rejected.len() as u64
        && r.files.iter().all(|f| {
            f.rows_read == f.imported + f.duplicates + f.rejected
                && f.sheets.iter().all(|s| s.rows_read == s.imported + s.duplicates + s.rejected)
        })
}

fn keep(dir: &Path, input: &Path, why: &str) {
    let name = input.file_name().and_then(|n| n.to_str()).unwrap_or("input");
    let _ = std::fs::copy(input, dir.join(format!("{why}-{name}")));
}

/// The seed files: a CSV, a small workbook, and the real provider samples when they are beside us.
fn seed_files() -> Vec<(String, Vec<u8>)> {
    let mut csv = String::from("Date,Importer,Exporter,HS Code,Value USD,Weight KG,Description\n");
    for i in 0..60 {
        csv.push_str(&format!(
            "2024-{:02}-{:02},\"BUYER {} LTD\",NINGBO BOLT CO,731815,{}.50,{},\"bolts, \"\"M8\"\"\"\n",
            1 + i % 12,
            1 + i % 28,
            i % 9,
            1000 + i * 37,
            400 + i * 11
        ));
    }
    let mut seeds = vec![("seed.csv".to_string(), csv.into_bytes())];
    let book = tempfile::NamedTempFile::new().expect("tmp");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet();
    for (c, h) in ["Date", "Importer", "Exporter", "HS Code", "Value USD", "Weight KG"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    for r in 1..80u32 {
        sheet.write_string(r, 0, format!("2024-03-{:02}", 1 + r % 28)).expect("cell");
        sheet.write_string(r, 1, format!("BUYER {} LTD", r % 7)).expect("cell");
        sheet.write_string(r, 2, "NINGBO BOLT CO").expect("cell");
        sheet.write_string(r, 3, "731815").expect("cell");
        sheet.write_number(r, 4, 1000.0 + f64::from(r) * 13.5).expect("cell");
        sheet.write_number(r, 5, 400.0 + f64::from(r)).expect("cell");
    }
    wb.save(book.path()).expect("save");
    seeds.push(("seed.xlsx".into(), std::fs::read(book.path()).expect("read")));
    let samples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/real-samples");
    if let Ok(dir) = std::fs::read_dir(&samples) {
        let mut files: Vec<PathBuf> =
            dir.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "xlsx")).collect();
        files.sort();
        for f in files.into_iter().filter(|f| std::fs::metadata(f).is_ok_and(|m| m.len() < 400_000)).take(8) {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("sample.xlsx").replace(' ', "_");
            seeds.push((name, std::fs::read(&f).expect("sample")));
        }
    }
    seeds
}

/// The package with one of its parts damaged, repacked.
fn mutate_part(bytes: &[u8], rng: &mut ChaCha8Rng) -> Vec<u8> {
    use std::io::{Read, Write};
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else { return mutate(bytes, rng) };
    let victim = rng.random_range(0..zip.len().max(1));
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let Ok(mut part) = zip.by_index(i) else { continue };
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let mut data = Vec::new();
        if part.read_to_end(&mut data).is_err() {
            continue;
        }
        let data = if i == victim { mutate(&data, rng) } else { data };
        if out.start_file(name, options).is_ok() {
            let _ = out.write_all(&data);
        }
    }
    out.finish().map(|c| c.into_inner()).unwrap_or_else(|_| bytes.to_vec())
}

/// One to four random damages.
fn mutate(bytes: &[u8], rng: &mut ChaCha8Rng) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for _ in 0..rng.random_range(1..=4) {
        if out.is_empty() {
            break;
        }
        let at = rng.random_range(0..out.len());
        match rng.random_range(0..7) {
            0 => out[at] ^= 1 << rng.random_range(0..8),
            1 => out[at] = rng.random(),
            2 => {
                let end = (at + rng.random_range(1..64)).min(out.len());
                out.drain(at..end);
            }
            3 => {
                let end = (at + rng.random_range(1..64)).min(out.len());
                let copy: Vec<u8> = out[at..end].to_vec();
                out.splice(at..at, copy);
            }
            4 => out.truncate(at),
            5 => {
                let junk: Vec<u8> = (0..rng.random_range(1..32)).map(|_| rng.random()).collect();
                out.splice(at..at, junk);
            }
            _ => {
                // Characters that matter to the formats: quotes, separators, tags, digits.
                let special = [b'"', b',', b';', b'\n', b'<', b'>', b'0', b'9', b'.', b'-'];
                out[at] = special[rng.random_range(0..special.len())];
            }
        }
    }
    out
}
