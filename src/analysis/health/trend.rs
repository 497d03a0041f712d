//! The small statistics the rules judge change with: a median, and a customer's usual wander from
//! one period to the next.

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
    fn the_usual_wander_ignores_one_odd_period() {
        let steady = wander(&[0.50, 0.52, 0.50, 0.52, 0.50, 0.52]).expect("enough values");
        assert!((steady - 0.02 / (0.6745 * std::f64::consts::SQRT_2)).abs() < 1e-9);
        let with_outlier = wander(&[0.50, 0.52, 0.50, 0.10, 0.50, 0.52, 0.50]).expect("enough values");
        assert!(with_outlier < 0.05, "{with_outlier}");
        assert_eq!(wander(&[0.5, 0.6]), None);
        assert_eq!(median(&[3.0, 1.0, 2.0, 10.0]), Some(2.5));
    }
}
