//! A workspace as one question sees it: its data and the as-of date (the one asked for, else the
//! latest shipment), with our company known where the question needs it. Said once here for the
//! window, the command line and the briefings.

use crate::analysis::window::latest_date;
use crate::model::Dataset;
use crate::store::{StoreError, Workspace};
use crate::text::Message;
use chrono::NaiveDate;

/// Why a workspace cannot answer yet.
#[derive(Debug, thiserror::Error)]
pub enum ViewError {
    /// No shipment has been imported.
    #[error("the workspace holds no shipments yet: import files first")]
    NoData,
    /// Our own company is not named, so nothing is "ours".
    #[error("tell the app which supplier is you first: customs-radar me add \"YOUR COMPANY\"")]
    NoMe,
    /// The workspace could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ViewError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> Message {
        match self {
            ViewError::NoData => crate::msg!("error.view.no_data"),
            ViewError::NoMe => crate::msg!("error.view.no_me"),
            ViewError::Store(e) => e.message(),
        }
    }
}

/// The date results are computed at: the one asked for, else the latest shipment's.
pub fn as_of(data: &Dataset, asked: Option<NaiveDate>) -> Option<NaiveDate> {
    asked.or_else(|| latest_date(data))
}

/// The workspace's data at one date.
#[derive(Debug)]
pub struct View {
    /// Everything analysis needs.
    pub data: Dataset,
    /// Shipments after it are not seen.
    pub as_of: NaiveDate,
}

impl View {
    /// The data at `asked` (else the latest shipment); fails on an empty workspace.
    pub fn load(ws: &Workspace, asked: Option<NaiveDate>) -> Result<View, ViewError> {
        let data = ws.load_dataset()?;
        let as_of = as_of(&data, asked).ok_or(ViewError::NoData)?;
        Ok(View { data, as_of })
    }

    /// As [`View::load`], for questions about our customers: fails while our company is unknown.
    pub fn ours(ws: &Workspace, asked: Option<NaiveDate>) -> Result<View, ViewError> {
        let view = View::load(ws, asked)?;
        if view.data.me.is_empty() {
            return Err(ViewError::NoMe);
        }
        Ok(view)
    }
}
