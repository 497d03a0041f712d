//! The industry insight brief (行业洞察简报): written for a customer, about the markets of the codes
//! it imports most (ours first) — in its importing country when the records there are enough, else
//! in every country: the trend by quarter, the suppliers and their share moves, new entrants and
//! unit values. It goes to the customer, so it shows market facts only: never our health level, our
//! playbook or anything else we keep about the customer.

mod market;

use super::cover::{cover, empty};
use super::pdf::{Flow, Op, Style};
use super::{Context, Rendered, ReportError, ReportKind};
use crate::analysis::market::{MarketReport, market};
use crate::analysis::window::Window;
use crate::model::{CompanyId, Hs6, Lang};
use crate::text::number::{change, dollars};
use std::collections::HashMap;

/// Codes followed.
const CODES: usize = 3;
/// A country's market is used when some quarter had at least this many buyers; else every country's.
const MIN_BUYERS: usize = 3;

/// One code's market as the brief shows it.
struct Market {
    /// The market, in the customer's country or everywhere.
    report: MarketReport,
    /// The customer's own purchases of the code in that market over the last 12 months (USD).
    theirs: f64,
}

/// Everything the brief shows.
struct Insight {
    /// The addressee.
    name: String,
    /// The markets of its main codes.
    markets: Vec<Market>,
}

/// Its purchases by code over the 12 months to the as-of date (or, when it bought nothing then, the
/// 24), and the country it imports into most.
fn purchases(ctx: &Context, id: CompanyId) -> (Vec<(Hs6, f64)>, Option<u16>) {
    let data = &ctx.data;
    for months in [12, 24] {
        let window = Window::trailing_months(ctx.as_of, months);
        let (mut codes, mut countries) = (HashMap::<Hs6, f64>::new(), HashMap::<u16, usize>::new());
        for s in data.shipments.iter().filter(|s| s.buyer == id && window.contains(s.date)) {
            *codes.entry(s.hs6).or_default() += s.value.dollars();
            if let Some(c) = s.destination {
                *countries.entry(c).or_default() += 1;
            }
        }
        if !codes.is_empty() {
            let ours = data.codes_shipped_by_us(ctx.as_of);
            let mut codes: Vec<(Hs6, f64)> = codes.into_iter().collect();
            codes.sort_by(|a, b| ours.contains(&b.0).cmp(&ours.contains(&a.0)).then(b.1.total_cmp(&a.1)).then(a.0.cmp(&b.0)));
            let country = countries.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(c, _)| c);
            return (codes, country);
        }
    }
    (Vec::new(), None)
}

fn gather(ctx: &Context, id: CompanyId) -> Insight {
    let data = &ctx.data;
    let (codes, country) = purchases(ctx, id);
    let window = Window::trailing_months(ctx.as_of, 12);
    let markets = codes
        .iter()
        .take(CODES)
        .map(|(hs, _)| {
            let code = hs.to_string();
            let local = country.map(|c| market(data, ctx.as_of, &code, Some(c)));
            let enough = |r: &MarketReport| r.quarters.iter().any(|q| q.buyers >= MIN_BUYERS);
            let (report, place) = match local {
                Some(r) if enough(&r) => (r, country),
                _ => (market(data, ctx.as_of, &code, None), None),
            };
            let theirs = data
                .shipments
                .iter()
                .filter(|s| s.buyer == id && s.hs6 == *hs && window.contains(s.date) && place.is_none_or(|c| s.destination == Some(c)))
                .map(|s| s.value.dollars())
                .sum();
            Market { report, theirs }
        })
        .collect();
    Insight { name: data.name(id).to_string(), markets }
}

/// Writes the insight brief for customer `id`.
pub(super) fn render(ctx: &Context, id: CompanyId) -> Result<Rendered, ReportError> {
    ctx.finish(ReportKind::Insight, &layout(ctx, id))
}

/// The brief's pages, laid out.
fn layout(ctx: &Context, id: CompanyId) -> Vec<Vec<Op>> {
    let brief = gather(ctx, id);
    let mut flow = ctx.flow();
    cover(&mut flow, ctx, ReportKind::Insight, &brief.name, &[ctx.tf("in.prepared", &[("firm", &ctx.firm)])]);
    if brief.markets.is_empty() {
        empty(&mut flow, ctx, "in.none");
    } else {
        flow.paragraph(&ctx.tf("in.intro", &[("n", &brief.markets.len())]), Style::BODY);
        flow.heading(ctx.t("in.sec.highlights"));
        let items: Vec<String> = brief.markets.iter().map(|m| highlight(ctx, &m.report)).collect();
        flow.list(&items, false, Style::BODY);
        for (i, m) in brief.markets.iter().enumerate() {
            market::write(&mut flow, ctx, i + 1, m);
        }
    }
    about(&mut flow, ctx);
    flow.finish()
}

/// Where the figures come from, as a footnote kept in one piece.
fn about(flow: &mut Flow, ctx: &Context) {
    let (title, text) = (ctx.t("in.sec.about"), ctx.tf("in.about", &[("firm", &ctx.firm), ("date", &ctx.as_of)]));
    let title_style = Style::SMALL.bolder();
    flow.ensure(12.0 + flow.paragraph_height(title, title_style) + flow.paragraph_height(&text, Style::SMALL));
    flow.space(12.0);
    flow.paragraph_at(0.0, title, title_style);
    flow.paragraph(&text, Style::SMALL);
}

/// A code's product in the report's language: the HS text (the files' own words when there is none),
/// after its Chinese chapter name in Chinese.
fn product(lang: Lang, r: &MarketReport) -> String {
    let text = r.description.clone().or_else(|| r.file_description.clone()).unwrap_or_default();
    match (lang, &r.chapter_zh) {
        (Lang::Zh, Some(chapter)) if text.is_empty() => chapter.clone(),
        (Lang::Zh, Some(chapter)) => format!("{chapter}：{text}"),
        _ => text,
    }
}

/// USD per kg, or `–`.
fn unit(x: Option<f64>) -> String {
    x.map_or_else(|| "–".into(), |u| format!("${u:.2}/kg"))
}

/// Where the market is: the customer's country, or every country.
fn scope(ctx: &Context, r: &MarketReport) -> String {
    match &r.country {
        Some(c) => ctx.tf("in.scope_country", &[("country", c)]),
        None => ctx.t("in.scope_all").to_string(),
    }
}

/// One line per market: size and growth, unit value and its move, new entrants.
fn highlight(ctx: &Context, r: &MarketReport) -> String {
    let unit_change = match (r.unit_value_12m, r.unit_value_prior_12m) {
        (Some(now), Some(before)) if before > 0.0 => change(Some(now / before - 1.0)),
        _ => "–".into(),
    };
    let mut text = ctx.tf(
        "in.highlight",
        &[
            ("code", &r.code),
            ("scope", &scope(ctx, r)),
            ("value", &dollars(r.value_12m)),
            ("change", &change(r.growth)),
            ("unit", &unit(r.unit_value_12m)),
            ("unit_change", &unit_change),
        ],
    );
    if let Some(entrants) = r.new_entrants.as_ref().filter(|e| !e.is_empty()) {
        text.push_str(&ctx.tf("in.highlight_entrants", &[("n", &entrants.len())]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::cover::fixture;

    #[test]
    fn long_names_stay_inside_the_page_and_the_country_market_is_used() {
        let dir = tempfile::tempdir().expect("tmp");
        let ws = fixture::workspace(dir.path());
        let id = ws.find_company("INTERNATIONAL BUILDING, CONSTRUCTION", None).expect("the customer").id;
        for lang in [Lang::En, Lang::Zh] {
            let ctx = Context::load(&ws, None, lang).expect("context");
            let brief = gather(&ctx, id);
            assert_eq!(brief.markets.len(), 1, "it buys one code");
            assert!(brief.markets[0].report.country.as_deref().is_some_and(|c| c.starts_with("UNITED ARAB")));
            let entrants = brief.markets[0].report.new_entrants.as_ref().expect("three years of records");
            assert_eq!(entrants.iter().map(|e| e.supplier.as_str()).collect::<Vec<_>>(), [fixture::RIVAL]);
            let texts = fixture::inside(&ctx, &layout(&ctx, id));
            assert!(texts.iter().any(|t| t.starts_with("THE INTERNATIONAL")), "{lang:?}: addressed to the customer");
            assert!(texts.iter().any(|t| t.starts_with("SUPERLONG")), "{lang:?}: the newcomer is named");
            let all = texts.concat();
            for internal in ["Health", "健康度", "Playbook", "应对方案", "欧阳"] {
                assert!(!all.contains(internal), "{lang:?}: the brief goes to the customer: no {internal}");
            }
        }
    }

    #[test]
    fn a_company_without_imports_gets_a_sentence_not_a_blank_page() {
        let dir = tempfile::tempdir().expect("tmp");
        let ws = fixture::workspace(dir.path());
        let rival = ws.find_company(fixture::RIVAL, None).expect("the newcomer").id;
        let ctx = Context::load(&ws, None, Lang::En).expect("context");
        let texts = fixture::inside(&ctx, &layout(&ctx, rival)).concat();
        assert!(texts.contains("No imports are recorded"), "{texts}");
    }
}
