//! Import progress as worker events, and the cancel flag polled between batches.

use super::{Event, Job, Outbox, Progress};
use crate::store::{ImportObserver, ImportProgress};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Turns import progress into events and polls the cancel flag.
pub(super) struct Observer<'a> {
    out: &'a Outbox,
    cancel: Arc<AtomicBool>,
    job: Job,
    started: Instant,
}

impl<'a> Observer<'a> {
    pub(super) fn new(out: &'a Outbox, cancel: Arc<AtomicBool>, job: Job) -> Observer<'a> {
        Observer { out, cancel, job, started: Instant::now() }
    }
}

impl ImportObserver for Observer<'_> {
    fn progress(&self, p: &ImportProgress) {
        let in_file = p.rows_total.filter(|t| *t > 0).map(|t| (p.rows_done as f32 / t as f32).min(1.0));
        let fraction = in_file.map(|f| (p.file_index as f32 + f) / p.files.max(1) as f32);
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        self.out.send(Event::Progress(Progress {
            job: self.job,
            fraction,
            detail: if p.sheet.is_empty() { p.file.clone() } else { format!("{} · {}", p.file, p.sheet) },
            rows: p.rows_all,
            rows_per_sec: p.rows_all as f64 / seconds,
        }));
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::SeqCst)
    }
}
