//! The briefing's layout on made-up digests: an empty month, and a month with more of everything
//! than the page lists, under names as long as real ones get. The demo's briefing is read back from
//! its PDF in `report::tests`.

use super::*;
use crate::analysis::health::{Level, SignalKind};
use crate::analysis::tiers::Tier;
use crate::app::digest::{LevelChange, Named, NewSignal, SalesMove, TierChange};
use crate::report::cover::fixture;
use crate::report::palette::level_name;
use crate::text::number::change;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// A digest with nothing in it.
fn quiet(ctx: &Context) -> Changes {
    let digest = Digest::quiet(last_month(ctx.as_of), ctx.as_of);
    Changes { digest, sales: HashMap::new() }
}

/// A digest with `n` of everything, long names and long reasons.
fn busy(ctx: &Context, n: usize) -> Changes {
    let mut c = quiet(ctx);
    let name = |i: usize| if i.is_multiple_of(2) { format!("{i} {}", fixture::BUYER) } else { format!("{}{i}", fixture::RIVAL) };
    let id = |i: usize| CompanyId(i as i64 + 1);
    let reason = (
        "Our share of its purchases fell by half over two quarters while it kept buying; ".repeat(3),
        "份额在两个季度内减半，而其采购额保持不变；".repeat(3),
    );
    let d = &mut c.digest;
    for i in 0..n {
        let (before, now) = if i.is_multiple_of(3) { (Level::Yellow, Level::Green) } else { (Level::Green, Level::Red) };
        let why = (now != Level::Green).then(|| reason.clone());
        d.level_changes.push(LevelChange { id: id(i), customer: name(i), before, now, reason: why });
        let kind = if i.is_multiple_of(4) { SignalKind::GrowthOpportunity } else { SignalKind::ShareDecline };
        d.new_signals.push(NewSignal { id: id(i), customer: name(i), kind, reason: reason.clone() });
        let tiers = [(None, Some(Tier::C)), (Some(Tier::B), None), (Some(Tier::C), Some(Tier::A)), (Some(Tier::A), Some(Tier::D))];
        let (before, now) = tiers[i % 4];
        d.tier_changes.push(TierChange { id: id(i), customer: name(i), before, now });
        let named = Named { id: id(i), customer: name(i), our_sales_12m: 123_456.0 * i as f64 };
        d.watchlist_on.push(named.clone());
        d.watchlist_off.push(named.clone());
        d.new_candidates.push(named);
        // The last customers buy the most from us.
        c.sales.insert(id(i), 98_765.0 * i as f64);
    }
    let moves = (0..n.min(crate::app::digest::MOVES_SHOWN)).map(|i| SalesMove {
        id: id(i),
        customer: name(i),
        before: if i == 0 { 0.0 } else { 1_500_000.0 },
        now: 1_500_000.0 + 200_000.0 * (i as f64 - 4.5),
    });
    c.digest.sales_moves = moves.collect();
    c
}

#[test]
fn a_quiet_month_says_no_level_changed_and_leaves_the_other_sections_out() {
    let dir = tempfile::tempdir().expect("tmp");
    let ws = fixture::workspace(dir.path());
    for lang in [Lang::En, Lang::Zh] {
        let ctx = Context::load(&ws, None, lang).expect("context");
        let pages = pages(&ctx, &quiet(&ctx));
        assert_eq!(pages.len(), 1, "{lang:?}");
        let texts = fixture::inside(&ctx, &pages).concat();
        for key in ["chg.title", "chg.sec.levels", "chg.levels.none"] {
            assert!(texts.contains(ctx.t(key)), "{lang:?}: {key}");
        }
        let headings: Vec<&str> = pages
            .iter()
            .flatten()
            .filter_map(|op| match op {
                Op::Text { text, style, .. } if *style == Style::H2 => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(headings, [ctx.t("chg.sec.levels")], "{lang:?}: only the levels, saying none changed");
        let summary = ctx.tf("chg.summary", &[("worse", &0), ("better", &0), ("signals", &0), ("tiers", &0)]);
        assert!(texts.contains(&summary), "{lang:?}: the counts");
    }
}

#[test]
fn a_busy_month_stays_inside_the_page_and_counts_what_it_leaves_out() {
    let dir = tempfile::tempdir().expect("tmp");
    let ws = fixture::workspace(dir.path());
    let n = 40;
    for lang in [Lang::En, Lang::Zh] {
        let ctx = Context::load(&ws, None, lang).expect("context");
        let c = busy(&ctx, n);
        // Everything the first fit shows: the caps, and how many more each leaves out.
        let (first, least) = (FITS[0], laid_out(&ctx, &c, FITS[FITS.len() - 1]));
        let full = laid_out(&ctx, &c, first);
        let texts = fixture::inside(&ctx, &full);
        let all = texts.concat();
        let more = [
            ("chg.more", n - first.levels),
            ("chg.more_signals", n - first.signals),
            ("chg.more_smaller", n - first.tiers),
            ("chg.more_short", n - NAMED_SHOWN),
        ];
        for (key, left) in more {
            let line = ctx.tf(key, &[("n", &left)]);
            assert!(all.contains(&line), "{lang:?}: {line}");
        }
        // The tier changes shown are those with the most of our sales: the last customers'.
        assert!(texts.iter().any(|t| t.starts_with(&format!("{} THE", n - 2))), "{lang:?}: the largest tier change");
        // Worse first, as the digest orders them, and the counts agree with the digest.
        let worse = c.digest.level_changes.iter().filter(|l| l.now > l.before).count();
        let summary = ctx.tf("chg.summary", &[("worse", &worse), ("better", &(n - worse)), ("signals", &30), ("tiers", &n)]);
        assert!(all.contains(&summary), "{lang:?}: {summary}");
        // Levels, tiers and directions by name in the reader's language, never by key.
        for text in [level_name(Level::Red, lang), ctx.t("chg.tier.gone"), ctx.t("chg.tier.new"), ctx.t("chg.reason.none")] {
            assert!(all.contains(text), "{lang:?}: {text}");
        }
        for key in ["red", "yellow", "green", "share_decline", "growth_opportunity", "chg."] {
            assert!(!all.contains(key), "{lang:?}: the key {key} is printed");
        }
        // A fall in the loss colour, a rise not.
        let loss = Color::of(crate::palette::BAD);
        let colored =
            |text: &str| full.iter().flatten().any(|op| matches!(op, Op::Text { text: t, style, .. } if t == text && style.color == loss));
        let pct = |m: &SalesMove| change(Some(m.now / m.before - 1.0));
        let (fall, rise) = (&c.digest.sales_moves[1], &c.digest.sales_moves[9]);
        assert!(fall.now < fall.before && rise.now > rise.before);
        assert!(colored(&pct(fall)), "{lang:?}: a fall in the loss colour");
        assert!(!colored(&pct(rise)), "{lang:?}: a rise is not");
        if lang == Lang::Zh {
            assert!(all.contains("万美元") && !all.contains('$'), "money in 万");
        }
        // What is printed: as much as fits on the fewest pages any fit needs, inside the page.
        let printed = pages(&ctx, &c);
        fixture::inside(&ctx, &printed);
        assert!(printed.len() == least.len() && least.len() < full.len(), "{lang:?}: {} pages, {} at least", printed.len(), least.len());
    }
}

#[test]
fn a_comparison_date_not_before_the_as_of_date_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let ws = fixture::workspace(dir.path());
    let ctx = Context::load(&ws, None, Lang::Zh).expect("context");
    for since in [ctx.as_of, ctx.as_of + chrono::Days::new(31)] {
        let err = render(&ws, &ctx, Some(since)).expect_err("refused");
        assert!(matches!(err, ReportError::SinceNotBefore { since: s, as_of } if s == since && as_of == ctx.as_of), "{err:?}");
        let zh = err.message().render(Lang::Zh);
        assert!(zh.contains("对比日期") && zh.contains(&since.format("%Y-%m-%d").to_string()), "{zh}");
    }
    assert!(render(&ws, &ctx, Some(day(2025, 12, 31))).is_ok_and(|r| r.pdf.starts_with(b"%PDF") && r.pages >= 1));
}
