//! What every report starts from: the dataset, the as-of date, our firm's name, the health settings,
//! the language and the font; and how every report ends: its pages painted with header and footer.

use super::pdf::{Face, Flow, Frame, Op, render};
use super::{Rendered, ReportError, ReportKind};
use crate::analysis::health::HealthSettings;
use crate::app::view::View;
use crate::model::{Dataset, Lang};
use crate::preferences;
use crate::store::{Role, Workspace};
use crate::text::{tr as t, trf as tf};
use chrono::NaiveDate;

/// The workspace's data and settings as one report sees them.
#[derive(Debug)]
pub struct Context {
    /// Everything analysis needs.
    pub data: std::sync::Arc<Dataset>,
    /// Shipments after it are not seen.
    pub as_of: NaiveDate,
    /// Our firm's name (the first name given for us).
    pub firm: String,
    /// The health thresholds.
    pub thresholds: HealthSettings,
    /// The report's language.
    pub lang: Lang,
    /// The day the report is written.
    pub generated: NaiveDate,
    /// The embedded font.
    pub face: Face,
    /// Name the suppliers other than us and print their unit prices where a report goes to the
    /// customer (the insight brief); off unless the user chose it ([`super::ReportRequest::competitors`]).
    pub competitors: bool,
}

impl Context {
    /// Loads the workspace's data and settings; fails when there is nothing to report on.
    pub fn load(ws: &Workspace, as_of: Option<NaiveDate>, lang: Lang) -> Result<Context, ReportError> {
        let View { data, as_of } = View::ours(ws, as_of)?;
        let firm = ws.role_names(Role::Me)?.into_iter().next().ok_or(ReportError::NoMe)?;
        let face = Face::embedded().ok_or_else(|| ReportError::Pdf(crate::msg!("error.report.font")))?;
        Ok(Context {
            data: std::sync::Arc::new(data),
            as_of,
            firm,
            thresholds: preferences::health_thresholds(ws)?,
            lang,
            generated: chrono::Local::now().date_naive(),
            face,
            competitors: false,
        })
    }

    /// The text of a label in the report's language.
    pub fn t(&self, key: &'static str) -> &'static str {
        t(self.lang, key)
    }

    /// A label with its placeholders filled in.
    pub fn tf(&self, key: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        tf(self.lang, key, args)
    }

    /// A country as the files spell it, named in the report's language.
    pub fn country(&self, raw: &str) -> String {
        crate::text::country::country(self.lang, raw).into_owned()
    }

    /// An empty flow in the report's font.
    pub fn flow(&self) -> Flow<'_> {
        Flow::new(&self.face)
    }

    /// The header and footer every page of a `kind` report repeats.
    pub fn frame(&self, kind: ReportKind) -> Frame {
        self.frame_titled(kind.title(self.lang))
    }

    /// The header and footer every page repeats, under a title of the report's own.
    pub fn frame_titled(&self, title: &str) -> Frame {
        Frame {
            firm: self.firm.clone(),
            title: title.to_string(),
            footer: self.tf("report.generated", &[("date", &self.generated)]),
            page_label: self.t("report.page").to_string(),
            language: match self.lang {
                Lang::En => "en".into(),
                Lang::Zh => "zh-CN".into(),
            },
        }
    }

    /// The PDF of the laid-out pages.
    pub fn finish(&self, kind: ReportKind, pages: &[Vec<Op>]) -> Result<Rendered, ReportError> {
        self.finish_titled(kind.title(self.lang), pages)
    }

    /// The PDF of the laid-out pages, with the report's own title in every page's header.
    pub fn finish_titled(&self, title: &str, pages: &[Vec<Op>]) -> Result<Rendered, ReportError> {
        let pdf = render(&self.face, &self.frame_titled(title), pages).map_err(|e| ReportError::Pdf(crate::text::Message::verbatim(e)))?;
        Ok(Rendered { pdf, pages: pages.len() })
    }
}
