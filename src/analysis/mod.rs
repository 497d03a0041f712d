//! Analyses: pure functions over plain data ([`crate::model::Dataset`]). No I/O, no SQLite, no GUI
//! types, so every rule can be tested on small hand-made data.

pub mod backtest;
pub mod crosssell;
pub mod customers;
pub mod groups;
pub mod health;
pub mod market;
pub mod market_position;
pub mod mix;
pub mod next_order;
pub mod playbook;
pub mod portfolio;
pub mod profile;
pub mod series;
pub mod supply_risk;
pub mod team;
pub mod tiers;
pub mod trajectory;
pub mod window;
