//! One buyer's plan: its size, contract calendar, suppliers and their contracted shares over time,
//! and its consumption; the story (if any) is written into these and nowhere else.

use super::{CODES, DAYS, PRE, Rng, US, World, chance, month_start, normal, uni, weighted};
use crate::model::CompanyId;
use crate::synth::Behaviour;
use rand::RngExt;
use story::{pick_rival, segments, story_of};

mod story;

/// Days in an average month.
const MONTH: f64 = 30.44;

/// How a buyer's call-offs are timed.
pub(super) enum Schedule {
    /// Every `interval` days or so.
    Regular,
    /// A few large lots a year, in these months of the year (0 = October) on about this day.
    Lumpy { months: Vec<i32>, day: f64 },
    /// Now and then, with long irregular gaps.
    Irregular,
}

/// From `start` on (until the next segment), each supplier slot's contracted share.
pub(super) struct Seg {
    start: f64,
    shares: Vec<f64>,
}

/// Our call-offs skipped more and more often from `onset`; the volume goes to slot `to`.
pub(super) struct Thinning {
    /// The day skipping starts.
    pub onset: f64,
    /// Days until the skip probability reaches `pmax`.
    pub ramp: f64,
    /// The final skip probability.
    pub pmax: f64,
    /// The rival slot that delivers the skipped lots.
    pub to: usize,
}

/// What moves the buyer's whole business (all products).
enum Level {
    Flat,
    /// Multiplied by `g` over `ramp` days from `t0`.
    Growth {
        t0: f64,
        ramp: f64,
        g: f64,
    },
    /// Falls by `rate` a quarter, compounding, from `onset`.
    ShrinkRate {
        onset: f64,
        rate: f64,
    },
    /// Falls in a year to `floor`, then 20% a year more.
    ShrinkYear {
        onset: f64,
        floor: f64,
    },
    /// A shutdown: `depth` less from `start` to `end`.
    Dip {
        start: f64,
        end: f64,
        depth: f64,
    },
}

/// A stream of purchases of other products (not ours) from one supplier.
pub(super) struct Other {
    /// The supplier (an index into the world's other firms).
    pub firm: usize,
    /// The product's code.
    pub code: u32,
    /// USD a year at the start.
    pub annual: f64,
    /// Days between deliveries, on average.
    pub gap: f64,
}

/// Everything the call-off simulation needs about one buyer.
pub(super) struct Plan {
    /// The buyer.
    pub id: CompanyId,
    /// Its country (the shipments' destination).
    pub dest: u16,
    /// What it acts out; `None` for a background importer.
    pub behaviour: Option<Behaviour>,
    /// The day the story began.
    pub onset: Option<f64>,
    /// Category consumption a year at the start (USD).
    pub annual: f64,
    /// The firm behind each supplier slot; slot 0 is us for a customer of ours.
    pub slots: Vec<usize>,
    segs: Vec<Seg>,
    /// Cumulative category consumption from day -PRE (one entry a day).
    cum: Vec<f64>,
    trend: f64,
    level: Level,
    /// Days between regular call-offs, on average.
    pub interval: f64,
    /// How call-offs are timed.
    pub schedule: Schedule,
    /// Our catalog's codes it buys, with their weights.
    pub codes: Vec<(u32, f64)>,
    /// RhythmThinning: how our call-offs are skipped.
    pub thinning: Option<Thinning>,
    /// No delivery from us from this day (AbruptLoss).
    pub cutoff: Option<f64>,
    /// TrialLeaves: the new firm and the days of its trial lots.
    pub trial: Option<(usize, Vec<f64>)>,
    /// Spot purchases a year.
    pub spot_rate: f64,
    /// Spot purchases may go to a supplier new to the buyer.
    pub spot_new: bool,
    /// Its purchases of other products.
    pub others: Vec<Other>,
}

/// The plan of one buyer; `behaviour` is `None` for a background importer that never buys from us.
pub(super) fn plan(world: &World, id: CompanyId, dest: u16, behaviour: Option<Behaviour>, rng: &mut Rng) -> Plan {
    use Behaviour as B;
    let ours = behaviour.is_some();
    let is_story = behaviour.is_some_and(Behaviour::is_story);
    let annual = match behaviour {
        Some(B::Thin) => uni(rng, 4e3, 14e3),
        Some(B::Lumpy) => (150e3 * (0.9 * normal(rng)).exp()).clamp(40e3, 1.5e6),
        _ if is_story => (250e3 * normal(rng).exp()).clamp(120e3, 3e6),
        _ => (150e3 * (1.05 * normal(rng)).exp()).clamp(25e3, 3e6),
    };
    // Big buyers call off often, small ones every month or two.
    let mut interval = match annual {
        a if a > 1e6 => uni(rng, 7.0, 14.0),
        a if a > 3e5 => uni(rng, 10.0, 28.0),
        a if a > 8e4 => uni(rng, 18.0, 42.0),
        _ => uni(rng, 28.0, 60.0),
    };
    if behaviour == Some(B::RhythmThinning) {
        // Thinning shows only in a stream with enough call-offs to skip.
        interval = interval.min(uni(rng, 12.0, 30.0));
    }
    let schedule = match behaviour {
        Some(B::Lumpy) => {
            let k = rng.random_range(1..=3);
            let base = rng.random_range(0..12);
            Schedule::Lumpy { months: (0..k).map(|j| base + j * 12 / k).collect(), day: uni(rng, 0.0, 25.0) }
        }
        Some(B::Thin) => Schedule::Irregular,
        _ => Schedule::Regular,
    };
    // The contract calendar: renewals every 6 or 12 months from the customer's own month.
    let six = if behaviour == Some(B::ShareDrift) { chance(rng, 0.75) } else { chance(rng, 0.5) };
    let cadence = if six { 6 } else { 12 };
    let phase = rng.random_range(0..cadence);
    let renewals: Vec<f64> = (-4..).map(|k| month_start(phase + k * cadence)).take_while(|d| *d <= f64::from(DAYS)).collect();

    // Suppliers: us (slot 0) and 0–4 rivals picked by popularity.
    let n_rivals = match behaviour {
        None => rng.random_range(1..=3),
        Some(B::Thin | B::TrialThenSwitch) => rng.random_range(0..=1),
        Some(B::Steady) => rng.random_range(1..=4),
        _ => rng.random_range(1..=3),
    };
    let mut slots: Vec<usize> = if ours { vec![US] } else { Vec::new() };
    let mut prefs: Vec<f64> = if ours { vec![0.0] } else { Vec::new() };
    for _ in 0..n_rivals {
        if let Some(f) = pick_rival(world, rng, &slots, false) {
            slots.push(f);
            prefs.push(world.firms[f].popularity * (0.5 * normal(rng)).exp());
        }
    }
    let s0 = match behaviour {
        None => 0.0,
        Some(B::Thin) => uni(rng, 0.5, 1.0),
        Some(B::ShareDrift) => uni(rng, 0.3, 0.6),
        Some(B::TrialThenSwitch) => uni(rng, 0.88, 1.0),
        Some(B::Shrinking | B::RhythmThinning | B::AbruptLoss) => uni(rng, 0.3, 0.9),
        _ => uni(rng, 0.25, 0.9),
    };

    let story = story_of(world, rng, behaviour, &renewals, &mut slots, &mut prefs);
    let segs = segments(rng, &story, &renewals, cadence, s0, ours, &prefs);

    // The product mix: two to four of our codes.
    let mut pool: Vec<f64> = CODES.iter().map(|c| c.1).collect();
    let mut codes = Vec::new();
    for _ in 0..rng.random_range(2..=4) {
        if let Some(i) = weighted(rng, &pool) {
            codes.push((CODES[i].0, pool[i] * (0.5 * normal(rng)).exp()));
            pool[i] = 0.0;
        }
    }
    // Other products from other suppliers: most buyers have some, some more than bearings.
    let n_others = if chance(rng, 0.15) { 0 } else { rng.random_range(1..=3) };
    let others = (0..n_others)
        .map(|_| {
            let firm = rng.random_range(0..world.others.len());
            let list = world.others[firm].codes;
            let code = list[rng.random_range(0..list.len())];
            let size = if behaviour == Some(B::Thin) { uni(rng, 5e3, 150e3) } else { annual * uni(rng, 0.1, 1.2) };
            Other { firm, code, annual: size, gap: uni(rng, 20.0, 75.0) }
        })
        .collect();

    // Stories other than Shrinking keep the category level: a mild trend at most.
    let trend = if is_story { uni(rng, -0.02, 0.04) } else { uni(rng, -0.03, 0.06) };
    let mut plan = Plan {
        id,
        dest,
        behaviour,
        onset: story.onset,
        annual,
        slots,
        segs,
        cum: Vec::new(),
        trend,
        level: story.level,
        interval,
        schedule,
        codes,
        thinning: story.thinning,
        cutoff: story.cutoff,
        trial: story.trial,
        spot_rate: if behaviour == Some(B::Thin) { uni(rng, 0.0, 1.0) } else { uni(rng, 0.0, 2.0) },
        spot_new: !matches!(behaviour, Some(B::TrialLeaves | B::TrialThenSwitch)),
        others,
    };
    plan.cum = consumption(&plan, rng);
    plan
}

/// Cumulative category consumption per day from -PRE: seasonal, trending, with a monthly
/// autocorrelated noise, times the business level.
fn consumption(plan: &Plan, rng: &mut Rng) -> Vec<f64> {
    let amplitude = if chance(rng, 0.25) { 0.0 } else { uni(rng, 0.05, 0.5) };
    let phase = uni(rng, 0.0, 1.0);
    let months = ((PRE + DAYS + 2) as f64 / MONTH).ceil() as usize + 1;
    let mut e = 0.0;
    let noise: Vec<f64> = (0..months)
        .map(|_| {
            e = 0.5 * e + 0.07 * normal(rng);
            e.exp()
        })
        .collect();
    let daily = plan.annual / 365.0;
    let mut cum = Vec::with_capacity((PRE + DAYS + 3) as usize);
    let mut total = 0.0;
    cum.push(0.0);
    for d in -PRE..=DAYS + 1 {
        let t = f64::from(d);
        let season = 1.0 + amplitude * (std::f64::consts::TAU * (t / 365.25 - phase)).sin();
        let m = ((t + f64::from(PRE)) / MONTH) as usize;
        total += daily * season * plan.level(t) * noise.get(m).copied().unwrap_or(1.0);
        cum.push(total);
    }
    cum
}

impl Plan {
    /// The business level on day `t` (1 at the start, before any trend): all products follow it.
    pub fn level(&self, t: f64) -> f64 {
        let story = match self.level {
            Level::Flat => 1.0,
            Level::Growth { t0, ramp, g } => {
                let x = ((t - t0) / ramp).clamp(0.0, 1.0);
                1.0 + (g - 1.0) * x * x * (3.0 - 2.0 * x)
            }
            Level::ShrinkRate { onset, rate } => (1.0 - rate).powf(((t - onset) / (3.0 * MONTH)).max(0.0)),
            Level::ShrinkYear { onset, floor } => {
                let x = ((t - onset) / 365.0).max(0.0);
                if x < 1.0 { 1.0 - (1.0 - floor) * x } else { floor * 0.8f64.powf(x - 1.0) }
            }
            Level::Dip { start, end, depth } => {
                // Down within two weeks, back within three.
                let down = ((t - start) / 14.0).clamp(0.0, 1.0);
                let up = ((t - end) / 21.0).clamp(0.0, 1.0);
                1.0 - depth * down * (1.0 - up)
            }
        };
        (self.trend * t / 365.0).exp() * story
    }

    /// Cumulative consumption up to day `t`.
    fn cum_at(&self, t: f64) -> f64 {
        let x = (t + f64::from(PRE)).clamp(0.0, (self.cum.len() - 2) as f64);
        let i = x as usize;
        self.cum[i] + (x - i as f64) * (self.cum[i + 1] - self.cum[i])
    }

    /// What slot `slot` is due for the consumption between days `a` and `b` (its share of it,
    /// segment by segment).
    pub fn vol(&self, slot: usize, a: f64, b: f64) -> f64 {
        let mut total = 0.0;
        let first = self.segs.partition_point(|s| s.start <= a).saturating_sub(1);
        for (k, seg) in self.segs.iter().enumerate().skip(first) {
            if seg.start >= b {
                break;
            }
            let end = self.segs.get(k + 1).map_or(f64::INFINITY, |s| s.start);
            let (lo, hi) = (a.max(seg.start), b.min(end));
            if hi > lo && seg.shares[slot] > 0.0 {
                total += seg.shares[slot] * (self.cum_at(hi) - self.cum_at(lo));
            }
        }
        total
    }

    /// Slot `slot`'s contracted share on day `t`.
    pub fn share_at(&self, slot: usize, t: f64) -> f64 {
        let k = self.segs.partition_point(|s| s.start <= t).saturating_sub(1);
        self.segs.get(k).map_or(0.0, |s| s.shares[slot])
    }

    /// The yearly category consumption at day `t`'s business level (no season, no noise).
    pub fn annual_at(&self, t: f64) -> f64 {
        self.annual * self.level(t)
    }

    /// One of the buyer's codes, by its mix.
    pub fn code(&self, rng: &mut Rng) -> u32 {
        let total: f64 = self.codes.iter().map(|c| c.1).sum();
        let mut x = uni(rng, 0.0, total);
        for &(code, w) in &self.codes {
            x -= w;
            if x < 0.0 {
                return code;
            }
        }
        self.codes.last().map_or(CODES[0].0, |c| c.0)
    }
}
