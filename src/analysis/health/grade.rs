//! A shift to a dearer grade within our own codes, part of the demand match: the customer pays
//! other suppliers clearly more per kilogram for a code we sell it than it pays us, and more so than
//! a year before — it is buying a better grade of what we sell, from others. A conversation about
//! the range (yellow), never an alarm on its own.
//!
//! Unit values come only from shipments whose weight the files give; a code without weights on
//! both sides is not judged. Whole-year windows, so seasons and lot sizes compare with themselves.

use super::signal::GradeFigures;
use super::thresholds::HealthSettings;
use super::view::View;
use crate::model::Hs6;
use std::collections::BTreeMap;

/// Value (USD) and kilograms.
#[derive(Debug, Clone, Copy, Default)]
struct Weighed {
    usd: f64,
    kg: f64,
}

impl Weighed {
    fn add(&mut self, value: crate::model::Cents, kg: f64) {
        self.usd += value.dollars();
        self.kg += kg;
    }

    /// USD per kilogram, when any weight is known.
    fn unit(&self) -> Option<f64> {
        (self.kg > 0.0 && self.usd > 0.0).then(|| self.usd / self.kg)
    }
}

/// One code's weighed purchases: ours over the two years and the last one, others' now and before.
#[derive(Debug, Clone, Copy, Default)]
struct Code {
    ours_24m: Weighed,
    ours: Weighed,
    ours_before: Weighed,
    others: Weighed,
    others_before: Weighed,
}

/// The code of ours with the largest dearer-grade purchases from others at the view's month end,
/// if any reaches the thresholds.
pub fn measure(v: &View, cfg: &HealthSettings) -> Option<(Hs6, GradeFigures)> {
    let t = v.t;
    if !v.covers(0, 24) || v.history_months() < 24 {
        return None;
    }
    let mut by_code: BTreeMap<Hs6, Code> = BTreeMap::new();
    for g in v.s.grades.iter().filter(|g| g.month <= t && g.month + 24 > t) {
        let c = by_code.entry(g.hs6).or_default();
        let now = g.month + 12 > t;
        c.ours_24m.add(g.ours.0, g.ours.1);
        let (ours, others) = if now { (&mut c.ours, &mut c.others) } else { (&mut c.ours_before, &mut c.others_before) };
        ours.add(g.ours.0, g.ours.1);
        others.add(g.others.0, g.others.1);
    }
    let floor = cfg.demand_min_usd.max(cfg.demand_min_vs_ours * v.ours(0, 12).dollars());
    by_code
        .into_iter()
        .filter_map(|(code, c)| {
            // Our price this year; a code we shipped it only the year before is priced then.
            let ours_unit = c.ours.unit().or_else(|| c.ours_24m.unit())?;
            let others_unit = c.others.unit()?;
            let premium = others_unit / ours_unit - 1.0;
            let premium_before = c.others_before.unit().zip(c.ours_before.unit().or(Some(ours_unit))).map(|(o, u)| o / u - 1.0);
            // A shift, not a rival's price drifting: the premium grew by whole points.
            let shifted = premium_before.is_none_or(|b| premium >= b + cfg.demand_grade_shift);
            let figures = GradeFigures { others_12m: c.others.usd, others_unit, ours_unit, premium_before };
            (c.others.usd >= floor && premium >= cfg.demand_grade_premium && shifted).then_some((code, figures))
        })
        .max_by(|a, b| a.1.others_12m.total_cmp(&b.1.others_12m))
}

/// The sentence of a grade shift, English and Chinese, stating the figures that fired.
pub fn explain(f: &GradeFigures, code: Hs6) -> (String, String) {
    use crate::text::number::{dollars, pct};
    let premium = f.others_unit / f.ours_unit - 1.0;
    let (before_en, before_zh) = match f.premium_before {
        Some(b) => (format!("{} a year before", pct(b)), format!("一年前为{}", pct(b))),
        None => ("none bought from others a year before".to_string(), "一年前未从他人处采购".to_string()),
    };
    (
        format!(
            "It bought {} of HS {code} from others in the last 12 months at ${:.2}/kg, {} above our ${:.2}/kg ({before_en}): a dearer grade of what we sell.",
            dollars(f.others_12m),
            f.others_unit,
            pct(premium),
            f.ours_unit
        ),
        format!(
            "近12个月该客户从他人处采购了{}的HS {code}，单价{:.2}美元/公斤，比我司的{:.2}美元/公斤高{}（{before_zh}）：在买我司产品的更高档次。",
            dollars(f.others_12m),
            f.others_unit,
            f.ours_unit,
            pct(premium)
        ),
    )
}
