//! The suggested weights' model: a non-negative ridge regression on standardised columns.
//!
//! Each quarter's columns (a metric's 0–1 values across customers) and target (the rank of each
//! customer's later sales) are standardised within the quarter, so quarters of different sizes and
//! spreads pool fairly; the regression then gives each metric its own contribution once the others
//! are known. Metrics that move together (our sales, wallet, headroom) share a contribution instead
//! of each counting in full, which a metric-by-metric correlation would do. A small ridge keeps such
//! twins from swinging to extremes, and a metric whose coefficient would be negative is dropped and
//! the rest refitted: a weight below zero is not something a profile can hold.
//!
//! At most [`METRICS`] unknowns, so the normal equations are solved directly (Gaussian elimination
//! with partial pivoting) — a linear-algebra crate would be far more than this needs.

use super::metric::METRICS;

/// Sums of products of standardised columns and target, accumulated over quarters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moments {
    /// Rows accumulated.
    pub n: f64,
    /// Σ xᵢxⱼ.
    pub xx: [[f64; METRICS]; METRICS],
    /// Σ xᵢy.
    pub xy: [f64; METRICS],
}

impl Default for Moments {
    fn default() -> Moments {
        Moments { n: 0.0, xx: [[0.0; METRICS]; METRICS], xy: [0.0; METRICS] }
    }
}

/// Values minus their mean over their standard deviation (all zero when constant).
pub fn standardise(values: &[f64]) -> Vec<f64> {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n.max(1.0);
    let sd = (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n.max(1.0)).sqrt();
    if sd > 1e-12 { values.iter().map(|v| (v - mean) / sd).collect() } else { vec![0.0; values.len()] }
}

impl Moments {
    /// The moments of one quarter: `columns[m]` holds metric m's standardised values (empty for a
    /// metric left out), `y` the standardised target.
    pub fn of(columns: &[Vec<f64>; METRICS], y: &[f64]) -> Moments {
        let mut out = Moments { n: y.len() as f64, ..Moments::default() };
        for i in (0..METRICS).filter(|&i| !columns[i].is_empty()) {
            out.xy[i] = columns[i].iter().zip(y).map(|(a, b)| a * b).sum();
            for j in (i..METRICS).filter(|&j| !columns[j].is_empty()) {
                let v: f64 = columns[i].iter().zip(&columns[j]).map(|(a, b)| a * b).sum();
                out.xx[i][j] = v;
                out.xx[j][i] = v;
            }
        }
        out
    }

    /// The sum of two quarters' moments.
    pub fn plus(mut self, other: &Moments) -> Moments {
        self.n += other.n;
        for i in 0..METRICS {
            self.xy[i] += other.xy[i];
            for j in 0..METRICS {
                self.xx[i][j] += other.xx[i][j];
            }
        }
        self
    }
}

/// Non-negative coefficients over the `allowed` metrics (others 0), with ridge `lambda` on the
/// per-row scale; `None` when nothing positive is left.
pub fn fit(m: &Moments, allowed: &[bool; METRICS], lambda: f64) -> Option<[f64; METRICS]> {
    if m.n <= 0.0 {
        return None;
    }
    let mut active: Vec<usize> = (0..METRICS).filter(|&i| allowed[i] && m.xx[i][i] > 0.0).collect();
    while !active.is_empty() {
        let a: Vec<Vec<f64>> =
            active.iter().map(|&i| active.iter().map(|&j| m.xx[i][j] / m.n + if i == j { lambda } else { 0.0 }).collect()).collect();
        let b: Vec<f64> = active.iter().map(|&i| m.xy[i] / m.n).collect();
        let beta = solve(a, b)?;
        match beta.iter().enumerate().min_by(|x, y| x.1.total_cmp(y.1)) {
            Some((worst, v)) if *v <= 0.0 => {
                active.remove(worst);
            }
            _ => {
                let mut out = [0.0; METRICS];
                for (&i, v) in active.iter().zip(beta) {
                    out[i] = v;
                }
                return Some(out);
            }
        }
    }
    None
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting; `None` when singular.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&x, &y| a[x][col].abs().total_cmp(&a[y][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let (top, below) = a.split_at_mut(col + 1);
        let pivot_row = &top[col];
        for (offset, row) in below.iter_mut().enumerate() {
            let f = row[col] / pivot_row[col];
            for (x, p) in row[col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= f * p;
            }
            b[col + 1 + offset] -= f * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let rest: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - rest) / a[row][row];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_small_system() {
        let x = solve(vec![vec![2.0, 1.0], vec![1.0, 3.0]], vec![3.0, 5.0]).expect("regular");
        assert!((x[0] - 0.8).abs() < 1e-12 && (x[1] - 1.4).abs() < 1e-12, "{x:?}");
        assert!(solve(vec![vec![1.0, 2.0], vec![2.0, 4.0]], vec![1.0, 2.0]).is_none());
    }

    #[test]
    fn twins_share_a_contribution_and_negatives_are_dropped() {
        // y = a + noise-free; b is a copy of a; c is -a.
        let a: Vec<f64> = standardise(&(0..50).map(|i| ((i * 37) % 50) as f64).collect::<Vec<_>>());
        let y = a.clone();
        let mut columns: [Vec<f64>; METRICS] = Default::default();
        columns[0] = a.clone();
        columns[1] = a.clone();
        columns[2] = a.iter().map(|v| -v).collect();
        let beta = fit(&Moments::of(&columns, &y), &[true; METRICS], 0.01).expect("fit");
        assert!((beta[0] - beta[1]).abs() < 1e-9, "twins share: {beta:?}");
        assert!((beta[0] + beta[1] - 1.0).abs() < 0.02, "together they carry the whole effect once: {beta:?}");
        assert_eq!(beta[2], 0.0, "a negative relation gets no weight");
        assert!(beta[3..].iter().all(|b| *b == 0.0));
    }
}
