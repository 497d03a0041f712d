//! The small statistics the rules judge change with: a straight line through a few quarters with the
//! uncertainty of its slope, and a customer's usual wander from one quarter to the next.

/// A least-squares line through points `(x, y)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// Change of `y` per unit of `x`.
    pub slope: f64,
    /// `y` at `x = 0`.
    pub intercept: f64,
    /// Standard deviation of the points around the line (n − 2 degrees of freedom; 0 for two points).
    pub residual_sd: f64,
    /// The slope's standard error per unit of noise: `1 / √Σ(x − x̄)²`.
    pub slope_se_per_sd: f64,
}

/// The least-squares line through `points` (`None` for fewer than two distinct `x`).
pub fn fit(points: &[(f64, f64)]) -> Option<Line> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let (mx, my) = (points.iter().map(|p| p.0).sum::<f64>() / n, points.iter().map(|p| p.1).sum::<f64>() / n);
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let slope = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>() / sxx;
    let intercept = my - slope * mx;
    let rss: f64 = points.iter().map(|p| (p.1 - intercept - slope * p.0).powi(2)).sum();
    let residual_sd = if points.len() > 2 { (rss / (n - 2.0)).sqrt() } else { 0.0 };
    Some(Line { slope, intercept, residual_sd, slope_se_per_sd: 1.0 / sxx.sqrt() })
}

/// The median (`None` when empty).
pub fn median(values: &[f64]) -> Option<f64> {
    let mut xs: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    Some(if n % 2 == 1 { xs[n / 2] } else { (xs[n / 2 - 1] + xs[n / 2]) / 2.0 })
}

/// How much values usually wander from one period to the next, as a standard deviation of each
/// value around its local level: the median absolute change between neighbours ÷ (0.6745·√2), which
/// one odd period cannot inflate (`None` for fewer than three values).
pub fn wander(values: &[f64]) -> Option<f64> {
    if values.len() < 3 {
        return None;
    }
    let changes: Vec<f64> = values.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
    median(&changes).map(|m| m / (0.6745 * std::f64::consts::SQRT_2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_through_points_with_noise() {
        let l = fit(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0), (3.0, 7.0)]).expect("a line");
        assert!((l.slope - 2.0).abs() < 1e-12 && (l.intercept - 1.0).abs() < 1e-12 && l.residual_sd < 1e-12);
        assert!((l.slope_se_per_sd - 1.0 / 5f64.sqrt()).abs() < 1e-12, "Σ(x − x̄)² = 5");
        let noisy = fit(&[(0.0, 1.0), (1.0, 0.0), (2.0, 1.0), (3.0, 0.0)]).expect("a line");
        assert!(noisy.slope < 0.0 && noisy.residual_sd > 0.4);
        assert_eq!(fit(&[(1.0, 1.0), (1.0, 2.0)]), None, "one x only");
    }

    #[test]
    fn the_usual_wander_ignores_one_odd_period() {
        let steady = wander(&[0.50, 0.52, 0.50, 0.52, 0.50, 0.52]).expect("enough values");
        assert!((steady - 0.02 / (0.6745 * std::f64::consts::SQRT_2)).abs() < 1e-9);
        let with_outlier = wander(&[0.50, 0.52, 0.50, 0.10, 0.50, 0.52, 0.50]).expect("enough values");
        assert!(with_outlier < 0.05, "{with_outlier}");
        assert_eq!(wander(&[0.5, 0.6]), None);
        assert_eq!(median(&[3.0, 1.0, 2.0, 10.0]), Some(2.5));
    }
}
