//! How a named customer is described: size, our share, rivals, product mix, other purchases.
//!
//! The customers themselves are listed in `roster.rs`; the time patterns of each story kind live
//! in `story.rs`.

use super::StoryKind::{self, Steady};

/// Product mix over bolts, nuts, washers and screws (weights of `CATALOG`).
pub(crate) type Mix = [f64; 4];
/// A general merchant's mix.
pub(crate) const FULL: Mix = [0.4, 0.25, 0.15, 0.2];
/// Mostly bolts and nuts (structural and project buyers).
pub(crate) const BOLTS_NUTS: Mix = [0.55, 0.35, 0.1, 0.0];
/// Mostly screws (building and decking trades).
pub(crate) const SCREWS_HEAVY: Mix = [0.2, 0.1, 0.1, 0.6];

/// Regular purchases of a good outside our catalog from another supplier.
pub(crate) struct Extra {
    /// Index into `PRODUCTS`.
    pub product: usize,
    /// Index into `SUPPLIERS`.
    pub supplier: usize,
    /// USD a year at the start of the span.
    pub per_year: f64,
}

/// A named customer of the demo data.
pub(crate) struct Customer {
    /// Spellings in the buyer column; the first is canonical, the second used now and then.
    pub names: &'static [&'static str],
    /// Country in English capitals.
    pub country: &'static str,
    /// The one port its goods arrive at.
    pub port: &'static str,
    /// The pattern planted.
    pub kind: StoryKind,
    /// One sentence saying what is planted.
    pub note: &'static str,
    /// Yearly spend on our catalog codes from all suppliers, USD.
    pub wallet: f64,
    /// Our usual share of that spend.
    pub share: f64,
    /// Suppliers of the rest of that spend, splitting it evenly.
    pub rivals: &'static [usize],
    /// Product mix of its catalog purchases.
    pub mix: Mix,
    /// What else it buys, from others.
    pub extras: &'static [Extra],
    /// Calendar months its lots arrive in (lumpy customers only).
    pub lots: &'static [u32],
}

impl Customer {
    /// A customer with an empty plan, to be filled by the builder methods below.
    pub(crate) const fn new(names: &'static [&'static str], country: &'static str, port: &'static str) -> Self {
        Customer { names, country, port, kind: Steady, note: "", wallet: 0.0, share: 1.0, rivals: &[], mix: FULL, extras: &[], lots: &[] }
    }

    /// Sets the story kind and its note.
    pub(crate) const fn story(mut self, kind: StoryKind, note: &'static str) -> Self {
        self.kind = kind;
        self.note = note;
        self
    }

    /// Sets the yearly catalog spend, our share of it and who supplies the rest.
    pub(crate) const fn wallet(mut self, usd: f64, share: f64, rivals: &'static [usize]) -> Self {
        self.wallet = usd;
        self.share = share;
        self.rivals = rivals;
        self
    }

    /// Sets the product mix.
    pub(crate) const fn mix(mut self, mix: Mix) -> Self {
        self.mix = mix;
        self
    }

    /// Sets the purchases outside our catalog.
    pub(crate) const fn extras(mut self, extras: &'static [Extra]) -> Self {
        self.extras = extras;
        self
    }

    /// Sets the calendar months of a lumpy customer's lots.
    pub(crate) const fn lots(mut self, months: &'static [u32]) -> Self {
        self.lots = months;
        self
    }
}

/// Shorthand for an `Extra`.
pub(crate) const fn x(product: usize, supplier: usize, per_year: f64) -> Extra {
    Extra { product, supplier, per_year }
}
