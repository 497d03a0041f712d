//! `customs-radar report [CUSTOMER] --out FILE.pdf [--kind health|insight|handover|portfolio|changes]
//! [--lang zh|en] [--as-of DATE] [--since DATE] [--with-competitors] [--json]`, and
//! `report --kind review --out DIR`: every core customer's quarterly health report, one file each
//! and one combined.

use super::output::print_json;
use crate::model::Lang;
use crate::report::{ReportKind, ReportRequest, render_counted};
use crate::store::Workspace;
use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Which report, as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// One customer's quarterly health report.
    Health,
    /// One customer's industry insight brief.
    Insight,
    /// One customer's handover report.
    Handover,
    /// The portfolio report (no customer).
    Portfolio,
    /// What changed in the portfolio since an earlier date (no customer; see `--since`).
    Changes,
    /// The quarterly review: every core customer's health report into the folder `--out`.
    Review,
}

impl From<KindArg> for ReportKind {
    fn from(k: KindArg) -> ReportKind {
        match k {
            KindArg::Health => ReportKind::Health,
            KindArg::Insight => ReportKind::Insight,
            KindArg::Handover => ReportKind::Handover,
            KindArg::Portfolio => ReportKind::Portfolio,
            KindArg::Changes => ReportKind::Changes,
            // The review is many health reports, made by `review_reports`.
            KindArg::Review => ReportKind::Health,
        }
    }
}

/// The report's language, as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Zh => Lang::Zh,
        }
    }
}

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The customer, by any spelling or a distinctive part of one (not for the portfolio report).
    pub customer: Option<String>,
    /// The PDF file to write (the folder, for `--kind review`).
    #[arg(long, value_name = "FILE.pdf")]
    pub out: PathBuf,
    /// Which report.
    #[arg(long, value_enum, default_value = "health")]
    pub kind: KindArg,
    /// Its language.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
    /// See only shipments on or before this date (default: the latest shipment).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// The changes report only: compare with this earlier date (default: the end of the month before the as-of date).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<NaiveDate>,
    /// Name the other suppliers and print their unit prices in the insight brief, which goes to the
    /// customer (by default they are described by a letter and their country of origin).
    #[arg(long)]
    pub with_competitors: bool,
    /// Print one JSON object: the file, its pages and bytes.
    #[arg(long)]
    pub json: bool,
}

/// Writes the report.
pub fn run(ws: &mut Workspace, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    if args.kind == KindArg::Review {
        return review_reports(ws, args);
    }
    let kind = ReportKind::from(args.kind);
    if args.since.is_some() && kind != ReportKind::Changes {
        anyhow::bail!("--since is for the changes report (--kind changes): the {} report has no earlier date", kind.key());
    }
    let customer = match (&args.customer, kind.needs_customer()) {
        (Some(name), true) => Some(ws.find_company(name, None)?.id),
        (None, true) => anyhow::bail!("the {} report is about one customer: customs-radar report CUSTOMER --out FILE.pdf", kind.key()),
        (Some(_), false) => anyhow::bail!("the {} report covers every customer: leave the customer out", kind.key()),
        (None, false) => None,
    };
    let request =
        ReportRequest { kind, customer, lang: args.lang.into(), as_of: args.as_of, competitors: args.with_competitors, since: args.since };
    let report = render_counted(ws, &request)?;
    std::fs::write(&args.out, &report.pdf).with_context(|| format!("writing {}", args.out.display()))?;
    let bytes = report.pdf.len();
    if args.json {
        print_json(&serde_json::json!({ "file": args.out, "pages": report.pages, "bytes": bytes }))?;
    } else {
        println!("{}: {} pages, {bytes} bytes", args.out.display(), report.pages);
    }
    Ok(ExitCode::SUCCESS)
}

/// `report --kind review --out DIR`: the quarter's reports of every core customer, recorded as made.
fn review_reports(ws: &mut Workspace, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(args.customer.is_none(), "the review covers every core customer: leave the customer out");
    anyhow::ensure!(
        args.as_of.is_none() && args.since.is_none(),
        "the review's reports are made at the reviewed quarter's end: leave --as-of and --since out"
    );
    let today = chrono::Local::now().date_naive();
    let mut shown = 0;
    let files = crate::report::review::write(ws, args.lang.into(), &args.out, today, &mut |done, total| {
        if !args.json && (done == total || done >= shown + 10) {
            shown = done;
            eprintln!("  {done} of {total} steps (each report laid out and painted, then the combined one)");
        }
        true
    })
    .map_err(|e| anyhow::anyhow!(e.to_string()))?;
    if args.json {
        print_json(&serde_json::json!({ "combined": files.combined, "pages": files.pages, "files": files.each }))?;
    } else {
        println!(
            "{}: {} pages; {} reports, one per core customer, in {}",
            files.combined.display(),
            files.pages,
            files.each.len(),
            args.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
