//! Customs Radar (海关客户雷达): watch an export firm's customers through customs data, offline.
//!
//! Data flows one way: [`import`] reads files into typed records, [`store`] keeps them in a SQLite
//! workspace, [`analysis`] computes over plain data, [`preferences`] reads the analysis settings a workspace
//! keeps, and the front ends ([`cli`], [`ui`], PDF briefings in [`report`]) present results.
//! See ARCHITECTURE.md.

pub mod analysis;
pub mod app;
pub mod assets;
pub mod cli;
pub mod demo;
pub mod export;
pub mod import;
pub mod model;
pub mod palette;
pub mod preferences;
pub mod report;
pub mod store;
pub mod synth;
pub mod text;
pub mod ui;
