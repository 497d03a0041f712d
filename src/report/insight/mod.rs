//! The industry insight brief (行业洞察简报): written for a customer, about the markets of the codes
//! it imports most (ours first) — in its importing country when the records there are enough, else
//! in every country: the trend by quarter, the suppliers and their share moves, new entrants and
//! unit values. It goes to the customer, so it shows market facts only: never our health level, our
//! signals, our playbook, our share of the customer or our own share moves in the market. Suppliers
//! other than us are named, and their unit prices printed, only when the user chose so
//! ([`Context::competitors`]); otherwise each is a letter and its country of origin ("Supplier B
//! (VIETNAM)") and their prices are left out.

mod market;

use super::cover::{cover, empty};
use super::pdf::{Flow, Op, Style};
use super::{Context, Rendered, ReportError, ReportKind};
use crate::analysis::market::{MarketReport, market};
use crate::analysis::window::Window;
use crate::model::{CompanyId, Dataset, Hs6, Lang};
use crate::text::number::{change, money};
use std::collections::{HashMap, HashSet};

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
    /// Its suppliers other than us.
    parties: Parties,
}

/// The suppliers of a market other than us: how many and from where.
struct Parties {
    /// Those that shipped in the last 12 months.
    others: usize,
    /// Their countries of origin with how many come from each, most first (where the records say).
    origins: Vec<(String, usize)>,
    /// Each supplier's usual origin over two years, by name.
    origin_of: HashMap<String, Option<String>>,
}

/// What the brief calls the suppliers other than us, the same in every market: their names when the
/// user chose so, else a letter and their usual country of origin.
struct Names {
    /// Name them (the user's choice) rather than describe them.
    named: bool,
    /// Our own names: our rows are left out, our name is never replaced.
    ours: HashSet<String>,
    /// What each supplier is called.
    labels: HashMap<String, String>,
}

impl Names {
    /// Labels for every supplier the markets list, in the order the brief lists them: per market the
    /// largest, then the new entrants, then those that stopped.
    fn new(ctx: &Context, markets: &[Market]) -> Names {
        let data = &ctx.data;
        let ours: HashSet<String> = data.me.iter().map(|id| data.name(*id).to_string()).collect();
        let mut labels: HashMap<String, String> = HashMap::new();
        for m in markets {
            let r = &m.report;
            let listed = r
                .top_suppliers
                .iter()
                .map(|s| s.supplier.as_str())
                .chain(r.new_entrants.iter().flatten().map(|e| e.supplier.as_str()))
                .chain(r.departed.iter().map(|s| s.supplier.as_str()));
            for name in listed {
                let Some(origin) = m.parties.origin_of.get(name) else { continue };
                if ours.contains(name) || labels.contains_key(name) {
                    continue;
                }
                let label = if ctx.competitors {
                    name.to_string()
                } else {
                    let letter = letter(labels.len());
                    match origin {
                        Some(country) => ctx.tf("in.anon", &[("letter", &letter), ("country", &ctx.country(country))]),
                        None => ctx.tf("in.anon_nowhere", &[("letter", &letter)]),
                    }
                };
                labels.insert(name.to_string(), label);
            }
        }
        Names { named: ctx.competitors, ours, labels }
    }

    /// True for us.
    fn is_us(&self, supplier: &str) -> bool {
        self.ours.contains(supplier)
    }

    /// What the brief calls a supplier.
    fn label(&self, ctx: &Context, supplier: &str) -> String {
        match self.labels.get(supplier) {
            Some(label) => label.clone(),
            // Shipments without a supplier: the market analysis calls them "unknown".
            None if supplier == UNNAMED => ctx.t("in.unnamed").to_string(),
            None if self.named || self.is_us(supplier) => supplier.to_string(),
            None => ctx.t("in.another").to_string(),
        }
    }
}

/// The name the market analysis gives the shipments that name no supplier.
const UNNAMED: &str = "unknown";

/// `A`, `B`, … `Z`, `AA`, `AB`, …
fn letter(i: usize) -> String {
    let alphabet = |k: usize| char::from(b'A' + (k % 26) as u8);
    if i < 26 { alphabet(i).to_string() } else { format!("{}{}", alphabet(i / 26 - 1), alphabet(i)) }
}

/// Who supplies the market of `code` into `place` (every country when `None`) besides us: each
/// supplier's usual origin over the two years to the as-of date, and how many shipped in the last
/// 12 months from where.
fn parties(ctx: &Context, data: &Dataset, code: &str, place: Option<u16>) -> Parties {
    let (year, two_years) = (Window::trailing_months(ctx.as_of, 12), Window::trailing_months(ctx.as_of, 24));
    let mut seen: HashMap<CompanyId, (HashMap<u16, usize>, bool)> = HashMap::new();
    let in_market =
        |s: &&crate::model::Shipment| two_years.contains(s.date) && s.hs6.under(code) && place.is_none_or(|c| s.destination == Some(c));
    for s in data.shipments.iter().filter(in_market) {
        let Some(id) = s.supplier.filter(|id| !data.me.contains(id)) else { continue };
        let entry = seen.entry(id).or_default();
        if let Some(o) = s.origin {
            *entry.0.entry(o).or_default() += 1;
        }
        entry.1 |= year.contains(s.date);
    }
    let usual = |origins: &HashMap<u16, usize>| {
        let o = origins.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(o, _)| *o);
        o.and_then(|o| data.countries.get(usize::from(o)).cloned())
    };
    let mut tally: HashMap<String, usize> = HashMap::new();
    for (origins, _) in seen.values().filter(|(_, recent)| *recent) {
        if let Some(country) = usual(origins) {
            *tally.entry(country).or_default() += 1;
        }
    }
    let mut origins: Vec<(String, usize)> = tally.into_iter().collect();
    origins.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Parties {
        others: seen.values().filter(|(_, recent)| *recent).count(),
        origins,
        origin_of: seen.iter().map(|(id, (origins, _))| (data.name(*id).to_string(), usual(origins))).collect(),
    }
}

/// Everything the brief shows.
struct Insight {
    /// The addressee.
    name: String,
    /// The markets of its main codes.
    markets: Vec<Market>,
    /// What it calls the suppliers other than us.
    names: Names,
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
            let parties = parties(ctx, data, &code, place);
            Market { report, theirs, parties }
        })
        .collect::<Vec<_>>();
    Insight { name: data.name(id).to_string(), names: Names::new(ctx, &markets), markets }
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
            market::write(&mut flow, ctx, i + 1, m, &brief.names);
        }
    }
    about(&mut flow, ctx, !brief.markets.is_empty() && !ctx.competitors);
    flow.finish()
}

/// Where the figures come from, as a footnote kept in one piece; how suppliers are shown when they
/// are `lettered`, not named.
fn about(flow: &mut Flow, ctx: &Context, lettered: bool) {
    let mut text = ctx.tf("in.about", &[("firm", &ctx.firm), ("date", &ctx.as_of)]);
    if lettered {
        text.push_str(ctx.lang.pick(" ", ""));
        text.push_str(&ctx.tf("in.anon_note", &[("firm", &ctx.firm)]));
    }
    let title = ctx.t("in.sec.about");
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
        Some(c) => ctx.tf("in.scope_country", &[("country", &ctx.country(c))]),
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
            ("value", &money(ctx.lang, r.value_12m)),
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
            assert!(!texts.iter().any(|t| t.contains("SUPERLONG")), "{lang:?}: the newcomer is not named unless asked");
            let all = texts.concat();
            let lettered = crate::text::trf(lang, "in.anon_nowhere", &[("letter", &"A")]);
            assert!(all.contains(&lettered), "{lang:?}: the newcomer is {lettered}");
            for internal in ["Health", "健康度", "Playbook", "应对方案", "欧阳", "(us)", "（我司）"] {
                assert!(!all.contains(internal), "{lang:?}: the brief goes to the customer: no {internal}");
            }
            // Asked for, the newcomer is named, its name broken across lines where it has no space.
            let ctx = Context { competitors: true, ..ctx };
            let texts = fixture::inside(&ctx, &layout(&ctx, id));
            assert!(texts.iter().any(|t| t.starts_with("SUPERLONG")), "{lang:?}: the newcomer is named");
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
