//! What the portfolio, insight and handover reports open with and share: the title block (title,
//! subject, period, a few small lines), a level's or tier's cell in a table, the sentence of an empty section.

use super::palette::{level_color, level_name, tier_color};
use super::pdf::{Cell, Color, Flow, Style};
use super::{Context, ReportKind};
use crate::analysis::health::Level;
use crate::analysis::tiers::Tier;
use crate::model::Quarter;
use crate::text::number::quarter;

/// The subject's style under the title (a customer's name, or the firm's).
pub const SUBJECT: Style = Style { size: 15.0, color: Color::TEXT, bold: true, leading: 1.3 };

/// The period line: the quarter (marked when it is still running) and the 12 months to the as-of date.
pub fn period(ctx: &Context) -> String {
    let q = Quarter::of(ctx.as_of);
    let q_text = if ctx.as_of < q.last_day() {
        ctx.tf("report.quarter_partial", &[("quarter", &quarter(q, ctx.lang)), ("date", &ctx.as_of)])
    } else {
        quarter(q, ctx.lang)
    };
    let from = crate::model::date::months_back(ctx.as_of, 12).succ_opt().unwrap_or(ctx.as_of);
    ctx.tf("report.period", &[("quarter", &q_text), ("from", &from), ("to", &ctx.as_of)])
}

/// The title block: the report's title, its subject, the period, then `lines` in small print.
pub fn cover(flow: &mut Flow, ctx: &Context, kind: ReportKind, subject: &str, lines: &[String]) {
    flow.paragraph(kind.title(ctx.lang), Style::TITLE);
    flow.paragraph(subject, SUBJECT);
    flow.paragraph_at(0.0, &period(ctx), Style::SMALL);
    for line in lines {
        flow.paragraph_at(0.0, line, Style::SMALL);
    }
    flow.space(8.0);
}

/// A level's name in its colour.
pub fn level_cell(ctx: &Context, level: Level) -> Cell {
    Cell { text: level_name(level, ctx.lang).to_string(), color: Some(level_color(level)) }
}

/// A tier's letter in its colour.
pub fn tier_cell(tier: Tier) -> Cell {
    Cell { text: tier.to_string(), color: Some(tier_color(tier)) }
}

/// A sentence for a section that has nothing to show, so it is never left blank.
pub fn empty(flow: &mut Flow, ctx: &Context, key: &'static str) {
    flow.paragraph(ctx.t(key), Style::BODY.colored(Color::MUTED));
}

/// A workspace whose names are as long as real ones get, for the layout tests of the three reports.
#[cfg(test)]
pub mod fixture {
    use super::super::pdf::{CONTENT, Op, outside};
    use super::Context;
    use crate::model::CrmCard;
    use crate::store::{ImportOptions, Role, SilentObserver, Workspace};
    use chrono::NaiveDate;

    /// Our firm, as long as a Chinese export firm's name gets.
    pub const FIRM: &str = "浙江宁波海兴五金制品进出口有限公司 NINGBO HAIXING HARDWARE PRODUCTS IMPORT AND EXPORT CORPORATION LIMITED";
    /// A customer whose name fills three lines.
    pub const BUYER: &str = "THE INTERNATIONAL BUILDING, CONSTRUCTION AND INDUSTRIAL FASTENING SUPPLIES DISTRIBUTION AND TRADING \
                             COMPANY (MIDDLE EAST, AFRICA AND SOUTH ASIA) LIMITED LIABILITY PARTNERSHIP";
    /// A newcomer whose name has no space to break at.
    pub const RIVAL: &str = "SUPERLONGCOMPETITORNAMEWITHOUTANYSPACESATALLFASTENERSMANUFACTURINGANDTRADINGCOLTD";
    /// Other buyers in the same country, so its market is the country's.
    const OTHERS: [&str; 3] = ["GULF FASTENERS AND FIXINGS TRADING LLC", "数字 TRADING", "AL MANARA BUILDING MATERIALS EST"];
    /// The importing country, long too.
    const COUNTRY: &str = "UNITED ARAB EMIRATES (JEBEL ALI FREE ZONE AND DUBAI SOUTH LOGISTICS DISTRICT)";

    /// Three years of monthly shipments: ours to the buyer shrinking, the newcomer's growing in the
    /// last year; a CRM card with long contacts and two notes, one long.
    pub fn workspace(dir: &std::path::Path) -> Workspace {
        let mut csv = String::from("Date,Importer,Exporter,HS Code,Value USD,Weight KG,Destination Country\n");
        for m in 0..36u32 {
            let (year, month) = (2023 + (9 + m) / 12, (9 + m) % 12 + 1);
            let ours = 60_000 - 1_500 * m;
            csv.push_str(&format!("{year}-{month:02}-15,\"{BUYER}\",\"{FIRM}\",731815,{ours},{},\"{COUNTRY}\"\n", ours / 2));
            for (i, other) in OTHERS.iter().enumerate() {
                let value = 8_000 + 1_000 * i as u32 + 100 * m;
                csv.push_str(&format!("{year}-{month:02}-10,\"{other}\",\"{FIRM}\",731815,{value},{},\"{COUNTRY}\"\n", value / 3));
            }
            if m >= 26 {
                let value = 4_000 * (m - 25);
                csv.push_str(&format!("{year}-{month:02}-20,\"{BUYER}\",{RIVAL},731815,{value},{},\"{COUNTRY}\"\n", value));
            }
        }
        let path = dir.join("long.csv");
        std::fs::write(&path, csv).expect("csv");
        let mut ws = Workspace::open(&dir.join("ws.sqlite")).expect("workspace");
        ws.import_files(&[path], ImportOptions::default(), &SilentObserver).expect("import");
        ws.add_role(Role::Me, FIRM).expect("me");
        let id = ws.find_company("INTERNATIONAL BUILDING, CONSTRUCTION", None).expect("the customer").id;
        let card = CrmCard {
            owner: "欧阳明轩 (Alexander Ouyang-Montgomery), Senior Key Account Manager".into(),
            backup_owner: "Maria-Fernanda Rodríguez de la Cruz".into(),
            contacts: vec![
                "Mohammed bin Abdulrahman Al-Fahim, Head of Procurement, +971 4 123 4567, m.alfahim@international-building-construction.ae"
                    .into(),
                "采购部 王经理 13800000000".into(),
            ],
        };
        ws.set_crm_card(id, &card).expect("card");
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("date");
        ws.add_crm_note(id, day(3, 2), &"Visited their Jebel Ali warehouse; they asked for grade 10.9 bolts in smaller lots. ".repeat(8))
            .expect("note");
        ws.add_crm_note(id, day(6, 18), "报价已发，等待回复。").expect("note");
        ws
    }

    /// Checks that nothing on the pages leaves the content area; returns every text drawn.
    pub fn inside(ctx: &Context, pages: &[Vec<Op>]) -> Vec<String> {
        for (i, page) in pages.iter().enumerate() {
            let out = outside(&ctx.face, page, CONTENT);
            assert!(out.is_empty(), "{:?} page {}: {out:#?}", ctx.lang, i + 1);
        }
        pages.iter().flatten().filter_map(|op| if let Op::Text { text, .. } = op { Some(text.clone()) } else { None }).collect()
    }
}
