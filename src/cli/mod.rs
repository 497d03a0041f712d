//! The command line: the same operations as the app, for scripting, benchmarks and tests.
//!
//! `run` parses arguments, opens the workspace and dispatches to one module per subcommand. Errors
//! are returned to `main`, which prints them once.

mod attributes;
mod backtest;
mod bundles;
mod changes;
mod company;
mod crosssell;
mod customers;
mod demo;
mod groups;
mod health;
mod history;
mod import;
mod market;
mod market_position;
mod next_orders;
mod output;
mod overview;
mod parties;
mod playbook;
mod profiles;
mod progress;
mod rejected;
mod report;
mod review;
mod service_plan;
mod supply_risk;
mod team;
mod thresholds;
mod tier_rules;
mod tiers;
mod tune;

use crate::store::Workspace;
use anyhow::Context;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Customs Radar (海关客户雷达): watch your export customers through customs data.
#[derive(Debug, Parser)]
#[command(name = "customs-radar", version, about, long_about = None)]
pub struct Cli {
    /// Workspace file (default: the platform data directory; env CUSTOMS_RADAR_DB overrides).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Customs files to import once the window opens (how "Open with" hands files over); only without a command.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// What to do; with none, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The files to import when the window opens, made absolute; a word that is neither a command nor a file is an error.
    pub fn window_files(&self) -> anyhow::Result<Vec<PathBuf>> {
        self.files
            .iter()
            .map(|file| {
                if !file.exists() {
                    anyhow::bail!("'{}' is neither a command nor a file (see --help)", file.display());
                }
                std::path::absolute(file).with_context(|| format!("resolving {}", file.display()))
            })
            .collect()
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import customs data files (.xlsx .xlsm .xls .xlsb .ods .csv .tsv .txt).
    Import(import::ImportArgs),
    /// Our own company's names (any spelling).
    Me {
        #[command(subcommand)]
        action: parties::RoleAction,
    },
    /// Known competitors.
    Competitor {
        #[command(subcommand)]
        action: parties::RoleAction,
    },
    /// Our catalog: the HS codes we sell.
    Catalog {
        #[command(subcommand)]
        action: parties::CatalogAction,
    },
    /// Every customer with totals and our sales.
    Customers(customers::CustomersArgs),
    /// Every customer's health: signals and level, worst first; one customer in detail.
    Health(health::HealthArgs),
    /// Replay the health check at every month end and measure how early and how reliably it warned.
    Backtest(backtest::BacktestArgs),
    /// The health rules' thresholds.
    Thresholds {
        #[command(subcommand)]
        action: thresholds::ThresholdsAction,
    },
    /// The response playbook texts.
    Playbook {
        #[command(subcommand)]
        action: playbook::PlaybookAction,
    },
    /// Customers scored and tiered A/B/C/D under a weight profile, with the core watchlist, tier
    /// changes, upgrade candidates and weights learnt from history.
    Tiers(tiers::TiersArgs),
    /// What changed since last month: health levels, new signals, tiers, the core watchlist, upgrade
    /// candidates and the largest moves in our sales.
    Changes(changes::ChangesArgs),
    /// When each customer's next order is expected (with a range), which are due or overdue, its
    /// season; `--measure` replays the forecast against what happened.
    NextOrders(next_orders::NextOrdersArgs),
    /// Each customer's place among its country's importers of our kind: rank, share, trend.
    MarketPosition(market_position::MarketPositionArgs),
    /// How dependent each customer is on one supplier and one origin, and our sales by dependence.
    SupplyRisk(supply_risk::SupplyRiskArgs),
    /// The quarterly review of the core customers: show, mark, unmark, month.
    Review {
        #[command(subcommand)]
        action: review::ReviewAction,
    },
    /// The sales team: capacity, load against the service plan, the suggested assignment.
    Team {
        #[command(subcommand)]
        action: team::TeamAction,
    },
    /// Weight profiles for tiers: list, show, copy, rename, delete, use, set.
    Profiles {
        #[command(subcommand)]
        action: profiles::ProfilesAction,
    },
    /// How scores become tiers: quantiles or score cut-offs.
    TierRules {
        #[command(subcommand)]
        action: tier_rules::TierRulesAction,
    },
    /// How each tier is looked after: owner, visits, response time, credit terms.
    ServicePlan {
        #[command(subcommand)]
        action: service_plan::ServicePlanAction,
    },
    /// Your 1–5 judgements of customers: margin, payment risk, decision complexity, relationship depth.
    Attributes {
        #[command(subcommand)]
        action: attributes::AttributesAction,
    },
    /// Related products customers buy from others: per customer, or ranked across the portfolio.
    Crosssell(crosssell::CrossSellArgs),
    /// Solution bundles for cross-sell: list, add, remove.
    Bundles {
        #[command(subcommand)]
        action: bundles::BundlesAction,
    },
    /// Groups of companies and the members that buy our products only from others.
    Groups(groups::GroupsArgs),
    /// The market of a code: trend, suppliers and their shares, new entrants, unit values.
    Market(market::MarketArgs),
    /// Write a PDF briefing in English or Chinese: a customer's health report, insight brief or
    /// handover report, the portfolio report, the monthly changes, or the quarterly review's reports.
    Report(report::ReportArgs),
    /// Companies: list spellings, merge two companies, split a spelling off.
    Company {
        #[command(subcommand)]
        action: company::CompanyAction,
    },
    /// Rows refused by imports, with file, sheet, row, column and reason.
    Rejected(rejected::RejectedArgs),
    /// Every import: file, time, content hash and counts.
    History(history::HistoryArgs),
    /// Write the synthetic demo dataset (.xlsx with --out), or load it into a workspace.
    Demo(demo::DemoArgs),
    /// The workspace's customers in the terminal (the demo data when the workspace is empty).
    Overview,
}

/// Runs the command line; the exit code says whether everything went in.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let db = Workspace::resolve_path(cli.db.as_deref());
    let Some(command) = cli.command else {
        anyhow::bail!("no command given: the window opens from the executable; see --help");
    };
    if let Command::Overview = command {
        return overview::run(cli.db.is_some().then_some(db));
    }
    if let Command::Demo(args) = &command {
        return demo::run(args, cli.db.as_deref());
    }
    let mut ws = Workspace::open(&db).with_context(|| format!("opening workspace {}", db.display()))?;
    match command {
        Command::Import(args) => import::run(&mut ws, &args),
        Command::Me { action } => parties::run_role(&mut ws, crate::store::Role::Me, action),
        Command::Competitor { action } => parties::run_role(&mut ws, crate::store::Role::Competitor, action),
        Command::Catalog { action } => parties::run_catalog(&mut ws, action),
        Command::Customers(args) => customers::run(&ws, &args),
        Command::Health(args) => health::run(&ws, &args),
        Command::Backtest(args) => backtest::run(&mut ws, &args),
        Command::Thresholds { action } => thresholds::run(&mut ws, action),
        Command::Playbook { action } => playbook::run(&mut ws, action),
        Command::Tiers(args) => tiers::run(&ws, &args),
        Command::Changes(args) => changes::run(&ws, &args),
        Command::NextOrders(args) => next_orders::run(&ws, &args),
        Command::SupplyRisk(args) => supply_risk::run(&ws, &args),
        Command::MarketPosition(args) => market_position::run(&ws, &args),
        Command::Review { action } => review::run(&mut ws, action),
        Command::Team { action } => team::run(&mut ws, action),
        Command::Profiles { action } => profiles::run(&mut ws, action),
        Command::TierRules { action } => tier_rules::run(&mut ws, action),
        Command::ServicePlan { action } => service_plan::run(&mut ws, action),
        Command::Attributes { action } => attributes::run(&mut ws, action),
        Command::Crosssell(args) => crosssell::run(&ws, &args),
        Command::Bundles { action } => bundles::run(&mut ws, action),
        Command::Groups(args) => groups::run(&mut ws, &args),
        Command::Market(args) => market::run(&ws, &args),
        Command::Report(args) => report::run(&mut ws, &args),
        Command::Company { action } => company::run(&mut ws, action),
        Command::Rejected(args) => rejected::run(&ws, &args),
        Command::History(args) => history::run(&ws, &args),
        Command::Demo(_) | Command::Overview => Ok(ExitCode::SUCCESS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
