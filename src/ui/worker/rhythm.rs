//! The worker's side of the review rhythm: the digest after each snapshot and against a date the
//! user picks, the quarterly review's reports with progress and cancel, and the snapshot re-read
//! after an owner, a review mark or the team changed.

use super::{Event, Failure, Job, State};
use crate::store::Workspace;
use std::sync::Arc;
use std::sync::atomic::Ordering;

impl State {
    /// Adds what changed since last month to the snapshot just sent, and sends it again: it takes
    /// as long again as the tiers, so the figures are shown first.
    pub(super) fn add_digest(&mut self, ws: &Workspace) -> anyhow::Result<()> {
        let (Some(engine), Some(snap)) = (&self.engine, &self.snapshot) else { return Ok(()) };
        let started = std::time::Instant::now();
        let Some(digest) = crate::app::snapshot::digest(ws, &engine.data, snap, None)? else { return Ok(()) };
        log::info!("digest since {} in {:.2} s", digest.since, started.elapsed().as_secs_f64());
        let mut next = (**snap).clone();
        next.digest = Some(Arc::new(digest));
        next.generation += 1;
        let next = Arc::new(next);
        self.snapshot = Some(next.clone());
        self.out.send(Event::Snapshot(next));
        Ok(())
    }

    /// What changed between `since` and the snapshot's date.
    pub(super) fn digest(&mut self, since: chrono::NaiveDate) -> anyhow::Result<()> {
        let (Some(ws), Some(engine), Some(snap)) = (&self.ws, &self.engine, &self.snapshot) else { return Ok(()) };
        let Some(as_of) = snap.as_of else { return Ok(()) };
        if since >= as_of {
            let (since, as_of) = (since.to_string(), as_of.to_string());
            return Err(Failure(crate::msg!("chg.since_after", since = since, as_of = as_of)).into());
        }
        self.out.progress(Job::Compute, None, "changes");
        if let Some(digest) = crate::app::snapshot::digest(ws, &engine.data, snap, Some(since))? {
            self.out.send(Event::Digest(Arc::new(digest)));
        }
        Ok(())
    }

    /// Makes the quarterly review's reports, with progress; a cancel leaves nothing written.
    pub(super) fn review_reports(&mut self, lang: crate::model::Lang, dir: &std::path::Path) -> anyhow::Result<()> {
        let Some(ws) = &mut self.ws else { return Err(Failure(crate::msg!("error.no_workspace")).into()) };
        self.out.progress(Job::Report, Some(0.0), "review");
        let (out, cancel) = (&self.out, &self.cancel);
        let today = chrono::Local::now().date_naive();
        let result = crate::report::review::write(ws, lang, dir, today, &mut |done, total| {
            out.progress(Job::Report, Some(done as f32 / total.max(1) as f32), "review");
            !cancel.load(Ordering::SeqCst)
        });
        self.cancel.store(false, Ordering::SeqCst);
        match result {
            Ok(files) => {
                log::info!("review: {} reports written to {}", files.each.len(), dir.display());
                self.out.send(Event::ReviewWritten(Arc::new(files)));
                self.refresh_people()
            }
            Err(crate::report::ReportError::Cancelled) => {
                self.out.send(Event::Cancelled(Job::Report));
                Ok(())
            }
            Err(e) => Err(Failure(e.message()).into()),
        }
    }

    /// Re-reads owners, review marks and the team into a copy of the snapshot and sends it.
    pub(super) fn refresh_people(&mut self) -> anyhow::Result<()> {
        let (Some(ws), Some(snap)) = (&self.ws, &self.snapshot) else { return Ok(()) };
        let mut snapshot = crate::app::snapshot::with_people(ws, snap)?;
        snapshot.generation = snap.generation + 1;
        let snapshot = Arc::new(snapshot);
        self.snapshot = Some(snapshot.clone());
        self.out.send(Event::Snapshot(snapshot));
        Ok(())
    }
}
