//! The application layer, below the window, the command line and the briefings: one view of a
//! workspace — its as-of date, our company, the settings in use, every result of the analyses
//! ([`snapshot::Snapshot`]) and one customer's detail ([`detail::CustomerDetail`]) — the changes a
//! user makes ([`change::Change`]) and what a failure says to the user ([`failure`]). Nothing here draws.

pub mod alerts;
pub mod change;
pub mod detail;
pub mod diagnostics;
pub mod digest;
pub mod failure;
pub mod review;
pub mod snapshot;
pub mod team;
pub mod view;
