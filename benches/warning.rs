//! The early warning on every synthetic portfolio family, several seeds each (release): recall,
//! warning 90 days ahead, precision and quiet customers ever orange or red, against each
//! portfolio's planted truth, beside the own-sales rule "last quarter below 60% of the year before".
//!
//! `CR_FAMILIES=quarterly,orders` picks families (default: all, the demo first, the held-out last), `CR_SEEDS=1-5`
//! the seeds, `CR_HEALTH='{"share_drop_orange":0.2}'` other thresholds, `CR_DETAIL=1` lists every
//! missed event and every quiet customer that went orange (for the family being tuned on only).
//! `CR_CUSTOMER=NAME` traces one customer of the first family and seed (its quarters, its raw signals
//! at every month end; `CR_MEASURES=share|business|rhythm` adds what that rule measured),
//! `CR_ONSETS=1` prints how long each story takes from onset to loss, `CR_TUNE=N` searches N random
//! threshold sets on the first family, `CR_CALIBRATE=1` scores "tune to my history" (below).

use customs_radar::analysis::backtest::{BacktestOptions, TuneOptions, replay, tune};
use customs_radar::analysis::health::{HealthSettings, Level, SignalKind};
use customs_radar::synth::oracle::onset_oracle;
use customs_radar::synth::score::{BehaviourScore, Dating, TruthScore, score_replay, score_replay_dated};
use customs_radar::synth::{Behaviour, Family, SynthPortfolio, demo::generate_demo};
use std::collections::BTreeMap;
use std::time::Instant;

/// Days of a story the onset oracle needs before it warns (see `synth::oracle`).
const EVIDENCE_DAYS: [i64; 4] = [0, 30, 60, 90];

fn main() {
    let families: Vec<String> = std::env::var("CR_FAMILIES")
        .unwrap_or_else(|_| "demo,quarterly,orders,allocation,contracts,inventory".into())
        .split(',')
        .map(|s| s.trim().to_string())
        .collect();
    let seeds = parse_seeds(&std::env::var("CR_SEEDS").unwrap_or_else(|_| "1-5".into()));
    let cfg: HealthSettings =
        std::env::var("CR_HEALTH").ok().map(|j| serde_json::from_str(&j).expect("CR_HEALTH is HealthSettings JSON")).unwrap_or_default();
    let detail = std::env::var("CR_DETAIL").is_ok();
    if std::env::var("CR_ONSETS").is_ok() {
        for family in &families {
            let mut by: BTreeMap<Behaviour, Vec<i64>> = BTreeMap::new();
            for seed in &seeds {
                let p = make(family, *seed);
                for c in p.customers.iter().filter(|c| c.behaviour.is_story()) {
                    if let (Some(o), Some(e)) = (c.onset, c.event) {
                        by.entry(c.behaviour).or_default().push((e - o).num_days());
                    }
                }
            }
            for (b, mut days) in by {
                days.sort_unstable();
                let q = |f: f64| days[((days.len() - 1) as f64 * f) as usize];
                println!(
                    "{family:<11} {:<18} n {:>3}  event − onset days: p10 {:>4} p25 {:>4} median {:>4} p75 {:>4} p90 {:>4}  ≥ 120 d: {:.0}%",
                    b.key(),
                    days.len(),
                    q(0.1),
                    q(0.25),
                    q(0.5),
                    q(0.75),
                    q(0.9),
                    100.0 * days.iter().filter(|d| **d >= 120).count() as f64 / days.len() as f64
                );
            }
        }
        return;
    }
    if std::env::var("CR_CALIBRATE").is_ok() {
        for family in &families {
            calibrate(family, &seeds, &cfg);
        }
        return;
    }
    if let Ok(n) = std::env::var("CR_TUNE") {
        search(&families[0], &seeds, &cfg, n.parse().unwrap_or(300));
        return;
    }
    if let Ok(name) = std::env::var("CR_CUSTOMER") {
        let p = make(&families[0], seeds[0]);
        print!("{}", trace(&p, &cfg, &name));
        return;
    }
    println!(
        "{:<11} {:>4} {:>7} {:>7} {:>6} {:>9} {:>7} {:>8}   {:>7} {:>7} {:>9} {:>7} {:>6}",
        "family", "seed", "events", "recall", "≥90d", "precision", "quiet", "replay s", "own: rc", "≥90d", "precision", "quiet", "gen s"
    );
    for family in &families {
        let (mut scores, mut at_end): (Vec<TruthScore>, Vec<TruthScore>) = (Vec::new(), Vec::new());
        let mut bounds: BTreeMap<i64, (Vec<TruthScore>, Vec<TruthScore>)> = BTreeMap::new();
        type Bound = Vec<(i64, TruthScore, TruthScore)>;
        let results: Vec<(TruthScore, TruthScore, f64, f64, Option<String>, Bound)> = std::thread::scope(|scope| {
            let handles: Vec<_> = seeds
                .iter()
                .map(|seed| {
                    let cfg = &cfg;
                    scope.spawn(move || {
                        let started = Instant::now();
                        let p = make(family, *seed);
                        let generated = started.elapsed().as_secs_f64();
                        let started = Instant::now();
                        let r = replay(&p.dataset, cfg, &BacktestOptions::default()).expect("a replay");
                        let s = score_replay(&p, &r).expect("a score");
                        let replayed = started.elapsed().as_secs_f64();
                        let end = score_replay_dated(&p, &r, Dating::QuarterEnd).expect("a score");
                        let text = detail.then(|| details(&p, cfg));
                        let bound = EVIDENCE_DAYS
                            .iter()
                            .map(|days| {
                                let o = onset_oracle(&p, &r, *days);
                                let score = |dating| score_replay_dated(&p, &o, dating).expect("a score");
                                (*days, score(Dating::QuarterStart), score(Dating::QuarterEnd))
                            })
                            .collect();
                        (s, end, generated, replayed, text, bound)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().expect("seed")).collect()
        });
        for (s, end, generated, replayed, text, bound) in results {
            for (days, start, end) in bound {
                let e = bounds.entry(days).or_default();
                e.0.push(start);
                e.1.push(end);
            }
            let (m, own) = (&s.orange_or_red, &s.own_sales_dip);
            println!(
                "{:<11} {:>4} {:>7} {:>7} {:>6} {:>9} {:>7} {:>8.2}   {:>7} {:>7} {:>9} {:>7} {:>6.2}",
                family,
                s.seed,
                m.events,
                pct(m.recall),
                pct(m.warned_90_days_share),
                pct(m.precision),
                pct(s.quiet_orange_rate),
                replayed,
                pct(own.recall),
                pct(own.warned_90_days_share),
                pct(own.precision),
                pct(Some(s.quiet_own_sales_dip as f64 / s.quiet_customers.max(1) as f64)),
                generated
            );
            if let Some(text) = text {
                print!("{text}");
            }
            scores.push(s);
            at_end.push(end);
        }
        summary(family, &scores, &at_end);
        for (days, (start, end)) in &bounds {
            let stat = |scores: &[TruthScore], f: &dyn Fn(&TruthScore) -> Option<f64>| median_range(scores, f, false);
            println!(
                "{family:<11} at most, knowing each onset and needing {days:>2} days of it: recall {}, ≥90d {} | dated at the quarter's end: recall {}, ≥90d {}",
                stat(start, &|s| s.orange_or_red.recall),
                stat(start, &|s| s.orange_or_red.warned_90_days_share),
                stat(end, &|s| s.orange_or_red.recall),
                stat(end, &|s| s.orange_or_red.warned_90_days_share),
            );
        }
        if let Some((days, (start, _))) = bounds.last_key_value() {
            println!("{family:<11} at most, needing {days} days, by story (first-day dating): {}", behaviours(start, true));
        }
    }
    // Calibration on one portfolio of about 300 customers over four years, as `backtest --tune` runs it.
    let p = make("quarterly", 1);
    let started = Instant::now();
    let tuning = tune(&p.dataset, &cfg, &TuneOptions::default(), &mut |_| true).expect("a tuning");
    println!(
        "tuning quarterly seed 1 ({} customers of ours, {} shipments): {} threshold sets in {:.2} s; {} operating points",
        p.customers.len(),
        p.dataset.shipments.len(),
        tuning.candidates,
        started.elapsed().as_secs_f64(),
        tuning.frontier.len()
    );
}

/// A family's portfolio for a seed.
fn make(family: &str, seed: u64) -> SynthPortfolio {
    match family {
        "demo" => generate_demo(seed),
        _ => Family::ALL.iter().find(|f| f.key() == family).unwrap_or_else(|| panic!("no family {family}")).generate(seed),
    }
}

/// A random search over the searched thresholds on one family (the one tuned on), scored against its
/// truth: prints the best sets by events warned among those with few false alarms.
fn search(family: &str, seeds: &[u64], cfg: &HealthSettings, n: usize) {
    use customs_radar::analysis::backtest::{SEARCHED, measure_replay};
    use rand::{RngExt, SeedableRng};
    let portfolios: Vec<SynthPortfolio> = seeds.iter().map(|s| make(family, *s)).collect();
    let measured: Vec<_> =
        portfolios.iter().map(|p| measure_replay(&p.dataset, cfg, &BacktestOptions::default()).expect("replay")).collect();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let mut rows: Vec<(f64, Vec<f64>, String)> = Vec::new();
    for i in 0..=n {
        let mut c = cfg.clone();
        if i > 0 {
            for t in SEARCHED {
                c.set(t.name, t.min + (t.max - t.min) * rng.random::<f64>()).expect("in range");
            }
            c.share_drop_yellow = c.share_drop_yellow.min(c.share_drop_orange);
            c.share_strength_yellow = c.share_strength_yellow.min(c.share_strength_orange);
            c.rhythm_yellow_gaps = c.rhythm_yellow_gaps.min(c.rhythm_orange_gaps);
            c.business_red_half_year = c.business_red_half_year.max(c.business_fall_orange);
        }
        let scores: Vec<TruthScore> =
            portfolios.iter().zip(&measured).map(|(p, m)| score_replay(p, &m.judge(&c)).expect("score")).collect();
        let med = |f: &dyn Fn(&TruthScore) -> Option<f64>| {
            let mut xs: Vec<f64> = scores.iter().filter_map(f).collect();
            xs.sort_by(f64::total_cmp);
            xs.get(xs.len() / 2).copied().unwrap_or(0.0)
        };
        let (recall, early, precision, quiet) = (
            med(&|s| s.orange_or_red.recall),
            med(&|s| s.orange_or_red.warned_90_days_share),
            med(&|s| s.orange_or_red.precision),
            med(&|s| s.quiet_orange_rate),
        );
        let objective = if quiet <= 0.08 && precision >= 0.6 { recall + early } else { -1.0 + recall + early - quiet };
        let values: Vec<String> = SEARCHED.iter().map(|t| format!("{}={:.3}", t.name, c.get(t.name).unwrap_or(0.0))).collect();
        rows.push((
            objective,
            vec![recall, early, precision, quiet],
            format!("{}{}", if i == 0 { "CURRENT " } else { "" }, values.join(" ")),
        ));
    }
    let current = rows[0].clone();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (obj, m, text) in std::iter::once(&current).chain(rows.iter().take(15)) {
        println!("{obj:.3} recall {:.2} 90d {:.2} precision {:.2} quiet {:.2}  {text}", m[0], m[1], m[2], m[3]);
    }
}

/// How each behaviour fared over all seeds, on one line (the stories only when `stories`).
fn behaviours(scores: &[TruthScore], stories: bool) -> String {
    let mut by: BTreeMap<Behaviour, BehaviourScore> = BTreeMap::new();
    for s in scores {
        for (b, x) in &s.by_behaviour {
            let e = by.entry(*b).or_default();
            e.customers += x.customers;
            e.events += x.events;
            e.warned += x.warned;
            e.warned_90_days += x.warned_90_days;
            e.ever_orange += x.ever_orange;
            e.ever_yellow += x.ever_yellow;
        }
    }
    let line: Vec<String> = by
        .iter()
        .filter(|(b, _)| b.is_story() || !stories)
        .map(|(b, x)| {
            if b.is_story() {
                format!("{} {}/{} warned ({} ≥90d)", b.key(), x.warned, x.events, x.warned_90_days)
            } else {
                format!("{} {}/{} orange ({} yellow)", b.key(), x.ever_orange, x.customers, x.ever_yellow)
            }
        })
        .collect();
    line.join("; ")
}

/// The median and range over seeds, and how each behaviour fared over all seeds.
fn summary(family: &str, scores: &[TruthScore], at_end: &[TruthScore]) {
    let stat = |f: &dyn Fn(&TruthScore) -> Option<f64>| median_range(scores, f, true);
    println!("{family:<11} median: {}", figures_line(scores, true));
    println!("{family:<11} losses dated at their quarter's end: {}", figures_line(at_end, false));
    println!(
        "{family:<11} yellow or worse: recall {}, ≥90d {}, precision {}",
        stat(&|s| s.yellow_or_worse.recall),
        stat(&|s| s.yellow_or_worse.warned_90_days_share),
        stat(&|s| s.yellow_or_worse.precision),
    );
    println!("{family:<11} by behaviour: {}\n", behaviours(scores, false));
}

/// Orange-or-red figures beside the own-sales rule's, median over seeds (with ranges when `range`).
fn figures_line(scores: &[TruthScore], range: bool) -> String {
    let stat = |f: &dyn Fn(&TruthScore) -> Option<f64>| median_range(scores, f, range);
    format!(
        "recall {}, ≥90d {}, precision {}, quiet orange/red {} | own sales: recall {}, ≥90d {}, precision {}, quiet {}",
        stat(&|s| s.orange_or_red.recall),
        stat(&|s| s.orange_or_red.warned_90_days_share),
        stat(&|s| s.orange_or_red.precision),
        stat(&|s| s.quiet_orange_rate),
        stat(&|s| s.own_sales_dip.recall),
        stat(&|s| s.own_sales_dip.warned_90_days_share),
        stat(&|s| s.own_sales_dip.precision),
        stat(&|s| Some(s.quiet_own_sales_dip as f64 / s.quiet_customers.max(1) as f64)),
    )
}

/// The median of a figure over seeds as a percentage, with its range when `range`.
fn median_range(scores: &[TruthScore], f: &dyn Fn(&TruthScore) -> Option<f64>, range: bool) -> String {
    let mut xs: Vec<f64> = scores.iter().filter_map(f).collect();
    xs.sort_by(f64::total_cmp);
    match (xs.first(), xs.last()) {
        (Some(low), Some(high)) if range => format!("{:.0}% ({:.0}–{:.0})", xs[xs.len() / 2] * 100.0, low * 100.0, high * 100.0),
        (Some(_), _) => format!("{:.0}%", xs[xs.len() / 2] * 100.0),
        _ => "–".to_string(),
    }
}

/// Every missed event and every quiet customer that went orange, with the signals behind it.
fn details(p: &SynthPortfolio, cfg: &HealthSettings) -> String {
    let r = replay(&p.dataset, cfg, &BacktestOptions::default()).expect("replay");
    let truth: BTreeMap<_, _> = p.customers.iter().map(|c| (c.id, c)).collect();
    let mut out = String::new();
    for c in &r.customers {
        let Some(t) = truth.get(&c.id).filter(|t| t.scored) else { continue };
        let until = t.event.unwrap_or(chrono::NaiveDate::MAX);
        let marks: String = r
            .month_ends
            .iter()
            .zip(&c.level)
            .zip(&c.kinds)
            .filter(|((d, _), _)| **d < until)
            .map(|((_, l), kinds)| {
                let worst = SignalKind::ALL.iter().zip(kinds).filter(|(_, s)| s.is_some()).max_by_key(|(_, s)| **s).map(|(k, _)| *k);
                match (l, worst) {
                    (Level::Green, _) | (_, None) => ".".to_string(),
                    (l, Some(k)) => format!("{}{}", &l.key()[..1], &k.key()[..2]),
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        let orange = r.month_ends.iter().zip(&c.level).any(|(d, l)| *d < until && *l >= Level::Orange);
        let missed = t.behaviour.is_story() && t.event.is_some() && !orange;
        let loud = !t.behaviour.is_story() && orange;
        if missed || loud {
            out += &format!(
                "  {} {:<18} onset {:?} event {:?} {}\n    {marks}\n",
                if missed { "MISSED" } else { "LOUD  " },
                t.behaviour.key(),
                t.onset,
                t.event,
                p.dataset.name(c.id)
            );
        }
    }
    out
}

/// One customer's quarters (category, ours, share, total imports, by supplier) and its raw signals
/// at every month end of the replay.
fn trace(p: &SynthPortfolio, cfg: &HealthSettings, name: &str) -> String {
    use customs_radar::analysis::health::raw_signals;
    use customs_radar::analysis::series::{MonthGrid, build_filtered};
    use customs_radar::model::Quarter;
    let data = &p.dataset;
    let Some(company) = data.companies.values().find(|c| c.name.contains(name)) else { return format!("no {name}\n") };
    let id = company.id;
    let truth = p.customers.iter().find(|c| c.id == id);
    let mut out = format!("{} {:?}\n", company.name, truth);
    let mut q: BTreeMap<Quarter, (f64, f64, f64, BTreeMap<String, f64>)> = BTreeMap::new();
    let catalog = data.codes_shipped_by_us(chrono::NaiveDate::MAX);
    for s in data.shipments.iter().filter(|s| s.buyer == id) {
        let e = q.entry(Quarter::of(s.date.day)).or_default();
        e.2 += s.value.dollars();
        if data.in_catalog(s.hs6, &catalog) {
            e.0 += s.value.dollars();
            let sup = s.supplier.map(|x| data.name(x).chars().take(12).collect::<String>()).unwrap_or_default();
            *e.3.entry(sup).or_default() += s.value.dollars();
            if s.supplier.is_some_and(|x| data.me.contains(&x)) {
                e.1 += s.value.dollars();
            }
        }
    }
    for (quarter, (cat, ours, total, sup)) in &q {
        let sups: Vec<String> = sup.iter().map(|(k, v)| format!("{k}:{:.0}", v / 1000.0)).collect();
        out += &format!(
            "  {quarter} cat {:>8.0} ours {:>8.0} share {:>5.1}% total {:>8.0}  {}\n",
            cat,
            ours,
            100.0 * ours / cat.max(1.0),
            total,
            sups.join(" ")
        );
    }
    let last = data.shipments.iter().map(|s| s.date.day).max().expect("data");
    let until = customs_radar::model::date::last_day_of_month(chrono::Datelike::year(&last), chrono::Datelike::month(&last)).expect("d");
    let grid = MonthGrid::new(until, 48);
    let portfolio = build_filtered(data, grid, until, Some(id));
    let Some(series) = portfolio.customers.first() else { return out };
    for t in 12..grid.months {
        if std::env::var("CR_MEASURES").is_ok() {
            let m = format!("{:?}", customs_radar::analysis::health::measure(series, t, grid, data, cfg));
            let field = std::env::var("CR_MEASURES").unwrap_or_default();
            let share = if field == "business" {
                m.split("business:").nth(1).unwrap_or("").split("rhythm:").next().unwrap_or("").to_string()
            } else if field == "rhythm" {
                m.split("rhythm:").nth(1).unwrap_or("").split("growth:").next().unwrap_or("").to_string()
            } else {
                m.split("suppliers:").next().unwrap_or("").replace("Measures { share: Some(Stats ", "")
            };
            out += &format!("  {} {}\n", grid.end_of(t), share.chars().take(330).collect::<String>());
        }
        for s in raw_signals(series, t, grid, data, cfg) {
            out += &format!("  {} {:?} {:?}: {}\n", grid.end_of(t), s.kind, s.severity, s.explanation);
        }
    }
    out
}

fn pct(x: Option<f64>) -> String {
    x.map_or("–".into(), |x| format!("{:.0}%", x * 100.0))
}

fn parse_seeds(text: &str) -> Vec<u64> {
    text.split(',')
        .flat_map(|part| match part.split_once('-') {
            Some((a, b)) => (a.trim().parse().unwrap_or(1)..=b.trim().parse().unwrap_or(1)).collect::<Vec<u64>>(),
            None => part.trim().parse().ok().into_iter().collect(),
        })
        .collect()
}

/// "Tune to my history" as a firm would run it, scored against the planted truth: the search sees
/// the earlier 60% of the replay and the firm's own losses in it (as the data shows them, not the
/// truth); the recommended operating point (the most losses warned there without more customers
/// alarmed for nothing) is then scored on the later part only, beside the defaults on the same part.
fn calibrate(family: &str, seeds: &[u64], cfg: &HealthSettings) {
    use customs_radar::analysis::backtest::{CustomerReplay, Replay, measure_replay};
    /// One seed: the later part under the defaults and under the recommended point.
    struct Calibrated {
        defaults: Option<TruthScore>,
        tuned: Option<TruthScore>,
        recommended: bool,
    }
    let rows: Vec<Calibrated> = std::thread::scope(|scope| {
        let handles: Vec<_> = seeds
            .iter()
            .map(|seed| {
                scope.spawn(move || {
                    let p = make(family, *seed);
                    let tuning = tune(&p.dataset, cfg, &TuneOptions::default(), &mut |_| true).expect("a tuning");
                    let measured = measure_replay(&p.dataset, cfg, &BacktestOptions::default()).expect("a replay");
                    let cut = measured.month_ends.partition_point(|d| *d <= tuning.split);
                    let later = |r: Replay| Replay {
                        month_ends: r.month_ends[cut..].to_vec(),
                        customers: r
                            .customers
                            .into_iter()
                            .map(|c| CustomerReplay {
                                active: c.active[cut..].to_vec(),
                                level: c.level[cut..].to_vec(),
                                kinds: c.kinds[cut..].to_vec(),
                                silence: c.silence[cut..].to_vec(),
                                dip: c.dip[cut..].to_vec(),
                                ..c
                            })
                            .collect(),
                    };
                    let tuned = tuning.recommended.map(|i| tuning.frontier[i].settings.clone());
                    let defaults = score_replay(&p, &later(measured.judge(cfg)));
                    let chosen = score_replay(&p, &later(measured.judge(tuned.as_ref().unwrap_or(cfg))));
                    Calibrated { defaults, tuned: chosen, recommended: tuned.is_some() }
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("a seed")).collect()
    });
    let defaults: Vec<TruthScore> = rows.iter().filter_map(|r| r.defaults.clone()).collect();
    let tuned: Vec<TruthScore> = rows.iter().filter_map(|r| r.tuned.clone()).collect();
    for (name, scores) in [("defaults", &defaults), ("tuned", &tuned)] {
        println!("{family:<11} later part, {name:<8}: {}", figures_line(scores, true));
    }
    println!("{family:<11} a point recommended in {} of {} seeds\n", rows.iter().filter(|r| r.recommended).count(), rows.len());
}
