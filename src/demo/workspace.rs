//! The built-in demo workspace: generated rows go through the same import pipeline as a user's
//! file, then our names, competitors and catalog are set as a firm owner would.

use super::{DemoOptions, DemoRow, HEADERS, cast, generate};
use crate::import::cell::Cell;
use crate::import::source::{BATCH_ROWS, ReadError, Row, SourceEvent};
use crate::store::{ImportObserver, ImportOptions, ImportReport, Role, Source, StoreError, Workspace};
use std::path::{Path, PathBuf};

/// How demo imports are named in the import history.
const DEMO_LABEL: &str = "demo data";

/// Where the built-in demo workspace lives (beside the user's own workspace).
pub fn demo_workspace_path() -> PathBuf {
    Workspace::default_path().with_file_name("demo.sqlite")
}

/// Generates the demo data into the workspace at `path` and configures it.
pub fn build_workspace(path: &Path, options: &DemoOptions, observer: &dyn ImportObserver) -> Result<ImportReport, StoreError> {
    let mut ws = Workspace::open(path)?;
    // Synthetic rows and settings must never mix into a user's own data.
    let foreign = ws.import_history()?.iter().any(|i| !i.file_name.starts_with(DEMO_LABEL));
    if foreign {
        return Err(StoreError::Invalid(format!("{} already holds imported data; choose another --db for the demo", path.display())));
    }
    let (tx, rx) = std::sync::mpsc::sync_channel::<Result<SourceEvent, ReadError>>(8);
    let opts = DemoOptions { rows: options.rows, seed: options.seed };
    let producer = std::thread::spawn(move || {
        let start = SourceEvent::SheetStart { name: "demo".into(), total_rows: Some(opts.rows as u64 + 1), hidden: false };
        if tx.send(Ok(start)).is_err() {
            return;
        }
        let header = Row { number: 1, cells: HEADERS.iter().map(|h| Cell::Text((*h).to_string())).collect() };
        let mut batch = vec![header];
        let mut number = 1u32;
        let mut open = true;
        generate(&opts, &mut |r| {
            if !open {
                return;
            }
            number += 1;
            batch.push(Row { number, cells: cells(r) });
            if batch.len() >= BATCH_ROWS {
                open = tx.send(Ok(SourceEvent::Rows(std::mem::take(&mut batch)))).is_ok();
            }
        });
        if open && (batch.is_empty() || tx.send(Ok(SourceEvent::Rows(batch))).is_ok()) {
            let _ = tx.send(Ok(SourceEvent::SheetEnd));
        }
    });
    let source = Source::Events {
        name: format!("{DEMO_LABEL} (seed {}, {} rows)", options.seed, options.rows),
        hash: format!("demo-{}-{}", options.seed, options.rows),
        events: Box::new(rx.into_iter()),
    };
    let report = ws.import_sources(vec![source], ImportOptions::default(), observer);
    if producer.join().is_err() {
        return Err(StoreError::Invalid("the demo generator failed; nothing usable was imported".into()));
    }
    let report = report?;
    let cast = cast();
    for name in &cast.our_names {
        ws.add_role(Role::Me, name)?;
    }
    for name in &cast.competitors {
        ws.add_role(Role::Competitor, name)?;
    }
    ws.add_catalog(&cast.catalog)?;
    Ok(report)
}

/// A demo row as the cells of a spreadsheet row, in [`HEADERS`] order.
fn cells(r: &DemoRow) -> Vec<Cell> {
    let date = r.date.and_hms_opt(0, 0, 0).map_or(Cell::Empty, Cell::DateTime);
    vec![
        date,
        Cell::Text(r.buyer.clone()),
        Cell::Text(r.supplier.clone()),
        Cell::Text(r.hs.clone()),
        Cell::Text(r.description.clone()),
        Cell::Number(r.quantity),
        Cell::Text(r.unit.to_string()),
        Cell::Number(r.weight_kg),
        Cell::Number(r.value_usd),
        Cell::Text(r.origin.to_string()),
        Cell::Text(r.destination.clone()),
        Cell::Text(r.port.clone()),
        Cell::Text(r.bill_of_lading.clone()),
    ]
}
