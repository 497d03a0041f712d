//! Does a value column hold US dollars? Dollars per kilogram, row by row, against what goods of the
//! row's HS chapter cost: a local currency read as dollars (shillings, CFA francs, rupees) puts
//! ordinary tiles at $100 a kilogram; a column in thousands puts them at a tenth of a cent.
//!
//! The ceilings are deliberately generous (the dearest ordinary goods of each chapter, not the
//! usual ones) and a column is judged by the median of its rows, so a few odd rows never condemn it.

use super::cell::Cell;
use super::parse::hs::hs_digits;
use super::parse::number::{DecimalMark, number_from_cell};
use super::source::Row;

/// Rows with a value, a weight and an HS code needed before a column is judged.
const MIN_ROWS: usize = 5;

/// How far beyond the chapter's ceiling (or below its floor) the median row must be to be flagged.
const FACTOR: f64 = 3.0;

/// The dearest and cheapest ordinary goods of an HS chapter, in US dollars per kilogram.
pub fn usd_per_kg_range(chapter: u8) -> (f64, f64) {
    let high = match chapter {
        1 => 5_000.0,
        2..=4 => 200.0,
        5 => 1_000.0,
        6 => 200.0,
        7 | 8 => 100.0,
        9 => 2_000.0,
        10 | 11 => 20.0,
        12 | 13 => 500.0,
        14 | 15 => 50.0,
        16 => 500.0,
        17..=20 | 23 => 50.0,
        21 | 22 | 24 => 500.0,
        25 | 27 => 50.0,
        26 => 500.0,
        28 | 38 => 5_000.0,
        29 => 10_000.0,
        30 => 100_000.0,
        31 => 10.0,
        32 | 36 | 39 | 40 | 41 => 500.0,
        33 | 35 | 37 => 1_000.0,
        34 | 47 => 100.0,
        42 | 49 | 81 => 5_000.0,
        43 => 10_000.0,
        44..=46 | 48 | 52 | 53 | 55 => 100.0,
        50 | 51 | 57 | 58 | 63 | 73 | 83 | 86 | 94 => 500.0,
        54 | 56 | 59 | 60 | 66 | 68 | 75 => 200.0,
        61 | 64 | 65 | 82 | 87 | 95 => 2_000.0,
        62 => 3_000.0,
        67 | 89 | 96 => 1_000.0,
        69 => 20.0,
        70 => 500.0,
        71 | 88 | 98 | 99 => 1_000_000.0,
        72 | 78 | 79 => 50.0,
        74 | 76 => 100.0,
        80 => 200.0,
        84 => 50_000.0,
        85 | 90 | 91 | 93 => 100_000.0,
        92 => 5_000.0,
        97 => 10_000_000.0,
        _ => 1_000_000.0,
    };
    // The cheapest: bulk minerals and fuels, then farm goods, wood and paper, then manufactures.
    let low = match chapter {
        25..=27 => 0.001,
        1..=24 | 31 | 44..=49 | 68 | 69 => 0.02,
        71 => 0.5,
        _ => 0.1,
    };
    (low, high)
}

/// What a value column's dollars per kilogram say.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Too few rows with a weight and an HS code to judge.
    Unknown,
    /// Within what the goods cost.
    Plausible,
    /// The median row is this many times above its chapter's ceiling.
    TooHigh(Evidence),
    /// The median row is this many times below its chapter's floor.
    TooLow(Evidence),
}

/// The figures behind a verdict, for the message.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// How many times beyond the range the median row is.
    pub factor: f64,
    /// The median row's dollars per kilogram.
    pub usd_per_kg: f64,
    /// The chapter of the median row, and its range.
    pub chapter: u8,
    /// The chapter's cheapest and dearest dollars per kilogram.
    pub range: (f64, f64),
}

/// Judges a value column on a sample: `value(row)` reads a row's dollars (already scaled), `weight`
/// and `hs` are the weight column (with its multiplier to kilograms) and the HS column.
pub fn judge(sample: &[Row], value: &dyn Fn(&Row) -> Option<f64>, weight: (usize, f64), hs: usize, mark: DecimalMark) -> Verdict {
    // Each row's distance from its chapter's range, in log units: + above the ceiling, − below the floor.
    let mut rows: Vec<(f64, f64, u8)> = sample
        .iter()
        .filter_map(|r| {
            let usd = value(r).filter(|v| *v > 0.0)?;
            let kg = number_from_cell(r.cells.get(weight.0).unwrap_or(&Cell::Empty), mark).ok()? * weight.1;
            let chapter: u8 = hs_digits(r.cells.get(hs)?)?.get(..2)?.parse().ok()?;
            (kg > 0.0 && kg.is_finite()).then_some((usd / kg, chapter))
        })
        .map(|(per_kg, chapter)| {
            let (low, high) = usd_per_kg_range(chapter);
            let excess = if per_kg > high {
                (per_kg / high).ln()
            } else if per_kg < low {
                -(low / per_kg).ln()
            } else {
                0.0
            };
            (excess, per_kg, chapter)
        })
        .collect();
    if rows.len() < MIN_ROWS {
        return Verdict::Unknown;
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (excess, usd_per_kg, chapter) = rows[rows.len() / 2];
    let evidence = Evidence { factor: excess.abs().exp(), usd_per_kg, chapter, range: usd_per_kg_range(chapter) };
    if excess > FACTOR.ln() {
        Verdict::TooHigh(evidence)
    } else if excess < -FACTOR.ln() {
        Verdict::TooLow(evidence)
    } else {
        Verdict::Plausible
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::source::Row;

    fn rows(per_kg: f64, chapter_code: &str) -> Vec<Row> {
        (0..8)
            .map(|i| Row {
                number: i + 2,
                cells: vec![
                    Cell::Number(1000.0 * per_kg * (1.0 + i as f64 / 10.0)),
                    Cell::Number(1000.0 * (1.0 + i as f64 / 10.0)),
                    Cell::Text(chapter_code.into()),
                ],
            })
            .collect()
    }

    fn verdict(per_kg: f64, code: &str) -> Verdict {
        let sample = rows(per_kg, code);
        judge(&sample, &|r| number_from_cell(&r.cells[0], DecimalMark::Unknown).ok(), (1, 1.0), 2, DecimalMark::Unknown)
    }

    #[test]
    fn tiles_in_dollars_pass_and_in_cfa_francs_do_not() {
        assert_eq!(verdict(0.6, "690721"), Verdict::Plausible);
        // 0.6 $/kg read in CFA francs (≈ 600 to the dollar).
        assert!(matches!(verdict(0.6 * 600.0, "690721"), Verdict::TooHigh(e) if e.chapter == 69 && e.factor > 10.0));
        // A column in thousands of dollars read as dollars.
        assert!(matches!(verdict(0.6 / 1000.0, "690721"), Verdict::TooLow(_)));
    }

    #[test]
    fn dear_goods_of_dear_chapters_are_plausible() {
        assert_eq!(verdict(3_000.0, "847130"), Verdict::Plausible, "laptops");
        assert_eq!(verdict(40_000.0, "710812"), Verdict::Plausible, "gold");
        assert_eq!(verdict(3.0, "731815"), Verdict::Plausible, "bolts");
    }

    #[test]
    fn too_few_weights_say_nothing() {
        let sample = rows(500.0, "690721");
        assert_eq!(
            judge(&sample[..3], &|r| number_from_cell(&r.cells[0], DecimalMark::Unknown).ok(), (1, 1.0), 2, DecimalMark::Unknown),
            Verdict::Unknown
        );
    }
}
