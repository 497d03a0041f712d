//! A customer's series seen from one month end: the window sums the rules are written in.

use crate::analysis::series::{CustomerSeries, MonthFigures, MonthGrid};
use crate::model::{Cents, Dataset};
use chrono::NaiveDate;

/// A customer as of the end of bucket `t`.
pub struct View<'a> {
    /// The series.
    pub s: &'a CustomerSeries,
    /// The as-of bucket.
    pub t: usize,
    /// The grid.
    pub grid: MonthGrid,
    /// Names, competitors, countries.
    pub data: &'a Dataset,
}

impl<'a> View<'a> {
    /// A view of `s` at bucket `t`.
    pub fn new(s: &'a CustomerSeries, t: usize, grid: MonthGrid, data: &'a Dataset) -> View<'a> {
        View { s, t, grid, data }
    }

    /// The months `back..back+len` before the as-of bucket (0 = the as-of month itself), oldest
    /// first; months before the grid's start are left out.
    pub fn window(&self, back: usize, len: usize) -> &'a [MonthFigures] {
        let end = self.t.saturating_sub(back) + 1;
        let end = if back > self.t { 0 } else { end };
        let start = end.saturating_sub(len);
        &self.s.months[start..end]
    }

    /// True when the grid holds all `back + len` months of the window.
    pub fn covers(&self, back: usize, len: usize) -> bool {
        self.t + 1 >= back + len
    }

    /// Our sales over a window.
    pub fn ours(&self, back: usize, len: usize) -> Cents {
        self.window(back, len).iter().map(|m| m.ours).sum()
    }

    /// Our sales of catalog codes over a window (the numerator of our share).
    pub fn ours_category(&self, back: usize, len: usize) -> Cents {
        self.window(back, len).iter().map(|m| m.ours_category).sum()
    }

    /// Category purchases over a window.
    pub fn category(&self, back: usize, len: usize) -> Cents {
        self.window(back, len).iter().map(|m| m.category).sum()
    }

    /// All purchases over a window.
    pub fn total(&self, back: usize, len: usize) -> Cents {
        self.window(back, len).iter().map(|m| m.total).sum()
    }

    /// The as-of date (the last day of bucket `t`).
    pub fn as_of(&self) -> NaiveDate {
        self.grid.end_of(self.t)
    }

    /// The first day of the window `back..back+len`.
    pub fn window_start(&self, back: usize, len: usize) -> NaiveDate {
        self.grid.start_of((self.t + 1).saturating_sub(back + len))
    }

    /// Months since the customer's first purchase of anything, counting the as-of month.
    pub fn history_months(&self) -> usize {
        self.s.months[..=self.t].iter().position(|m| m.total.0 != 0).map_or(0, |first| self.t + 1 - first)
    }

    /// The display name of a company.
    pub fn name(&self, id: crate::model::CompanyId) -> &'a str {
        self.data.name(id)
    }
}
