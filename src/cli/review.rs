//! `customs-radar review [show] [--json]`, `review mark CUSTOMER [--note TEXT] [--date DATE]
//! [--quarter 2026Q3]`, `review unmark CUSTOMER`, `review month 1|2|3`: the quarterly review of the
//! core customers — where each stands, marking it reviewed (the note lands in the CRM card), the
//! review month. The reports themselves: `report --kind review --out DIR`.

use super::output::{print_json, table};
use crate::app::change::Change;
use crate::model::{Quarter, ReviewMonth};
use crate::report::review::current;
use crate::store::Workspace;
use crate::text::number::dollars;
use chrono::NaiveDate;
use clap::Subcommand;
use std::process::ExitCode;

/// What to do with the review.
#[derive(Debug, Subcommand)]
pub enum ReviewAction {
    /// Each core customer: tier, level, owner, report made, reviewed, note.
    Show {
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Mark a customer reviewed (today unless --date); the note is added to its CRM card.
    Mark {
        /// The customer's name (any spelling).
        customer: String,
        /// What the review concluded.
        #[arg(long, default_value = "")]
        note: String,
        /// The day of the review.
        #[arg(long)]
        date: Option<NaiveDate>,
        /// The quarter reviewed (default: the one under review now).
        #[arg(long)]
        quarter: Option<Quarter>,
    },
    /// Take a reviewed mark back.
    Unmark {
        /// The customer's name.
        customer: String,
        /// The quarter (default: the one under review now).
        #[arg(long)]
        quarter: Option<Quarter>,
    },
    /// Which month of each quarter is review month (1, 2 or 3).
    Month {
        /// 1, 2 or 3.
        month: u8,
    },
}

/// Runs `review`.
pub fn run(ws: &mut Workspace, action: ReviewAction) -> anyhow::Result<ExitCode> {
    match action {
        ReviewAction::Show { json } => show(ws, json)?,
        ReviewAction::Mark { customer, note, date, quarter } => {
            let id = ws.find_company(&customer, None)?.id;
            let quarter = match quarter {
                Some(q) => q,
                None => current(ws).map_err(|e| anyhow::anyhow!(e.to_string()))?.0.quarter,
            };
            let date = date.unwrap_or_else(|| chrono::Local::now().date_naive());
            Change::MarkReviewed { id, quarter, date, note: note.clone() }.apply(ws)?;
            let in_crm = if note.trim().is_empty() { "" } else { "; the note is in its CRM card" };
            println!("{customer}: {quarter} reviewed on {date}{in_crm}");
        }
        ReviewAction::Unmark { customer, quarter } => {
            let id = ws.find_company(&customer, None)?.id;
            let quarter = match quarter {
                Some(q) => q,
                None => current(ws).map_err(|e| anyhow::anyhow!(e.to_string()))?.0.quarter,
            };
            Change::UnmarkReviewed(id, quarter).apply(ws)?;
            println!("{customer}: {quarter} no longer marked reviewed");
        }
        ReviewAction::Month { month } => {
            let m = ReviewMonth::new(month).ok_or_else(|| anyhow::anyhow!("the review month is 1, 2 or 3 (the month of the quarter)"))?;
            Change::ReviewMonth(m).apply(ws)?;
            println!("review month: month {month} of each quarter");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn show(ws: &Workspace, json: bool) -> anyhow::Result<()> {
    let (review, reports_at) = current(ws).map_err(|e| anyhow::anyhow!(e.to_string()))?;
    if json {
        print_json(
            &serde_json::json!({ "review": review, "reviewed": review.reviewed(), "reported": review.reported(), "reports_at": reports_at }),
        )?;
        return Ok(());
    }
    let month = if review.in_review_month { " (review month now)" } else { "" };
    println!(
        "review of {}{month}: {} of {} core customers reviewed, {} reports made",
        review.quarter,
        review.reviewed(),
        review.rows.len(),
        review.reported()
    );
    let mut t = table(&["customer", "tier", "level", "owner", "our sales 12m", "report", "reviewed", "note"]);
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_else(|| "–".into());
    for r in &review.rows {
        t.add_row(vec![
            r.customer.clone(),
            r.tier.to_string(),
            r.level.key().to_string(),
            r.owner.clone(),
            dollars(r.our_sales_12m),
            day(r.mark.report_on),
            day(r.mark.reviewed_on),
            r.mark.note.clone(),
        ]);
    }
    println!("{t}");
    Ok(())
}
