//! The customer table: every buyer with level, tier, score, our sales, its category purchases, our
//! share and the trend; filtered, sorted, virtualised (only visible rows are laid out).

use super::badge;
use super::export_menu;
use super::i18n::trf;
use super::{Command, View};
use crate::analysis::health::Level;
use crate::analysis::next_order::OrderState;
use crate::analysis::tiers::Tier;
use crate::app::snapshot::{CustomerRow, Snapshot};
use crate::export::{Table, Value};
use crate::text::country;
use crate::text::number::{money, percent};
use egui_extras::{Column, TableBuilder};

/// Sortable columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// Name, A–Z.
    Name,
    /// Worst health first.
    Level,
    /// Best tier and score first.
    Score,
    /// Our sales.
    Sales,
    /// Category purchases.
    Wallet,
    /// Our share.
    Share,
    /// The soonest expected next order first.
    NextOrder,
}

/// The customer table's view state.
pub struct CustomersScreen {
    /// Text filter (name, spelling or country).
    pub filter: String,
    /// Only this health level.
    pub level: Option<Level>,
    /// Only this tier.
    pub tier: Option<Tier>,
    /// Only customers of ours (bought from us in two years).
    pub only_ours: bool,
    /// Sort column and direction (descending when `true`).
    pub sort: (SortBy, bool),
    /// Row indices in display order, and what they were computed for.
    order: Vec<usize>,
    key: Option<OrderKey>,
}

/// What the row order depends on: the snapshot, the filters and the sort.
#[derive(Debug, Clone, PartialEq)]
struct OrderKey {
    generation: u64,
    filter: String,
    level: Option<Level>,
    tier: Option<Tier>,
    only_ours: bool,
    sort: (SortBy, bool),
}

impl Default for CustomersScreen {
    fn default() -> Self {
        CustomersScreen {
            filter: String::new(),
            level: None,
            tier: None,
            only_ours: true,
            sort: (SortBy::Sales, true),
            order: Vec::new(),
            key: None,
        }
    }
}

impl CustomersScreen {
    /// Shows one level or tier of our customers, as a chip on the dashboard asks; other filters cleared.
    pub fn show_only(&mut self, level: Option<Level>, tier: Option<Tier>) {
        self.filter.clear();
        self.level = level;
        self.tier = tier;
        self.only_ours = true;
    }

    /// The rows shown, in order (recomputed only when the snapshot, filter or sort change).
    pub fn visible<'a>(&mut self, snap: &'a Snapshot) -> Vec<&'a CustomerRow> {
        self.refresh(snap);
        self.order.iter().filter_map(|i| snap.customers.get(*i)).collect()
    }

    fn refresh(&mut self, snap: &Snapshot) {
        let key = OrderKey {
            generation: snap.generation,
            filter: self.filter.clone(),
            level: self.level,
            tier: self.tier,
            only_ours: self.ours_only(snap),
            sort: self.sort,
        };
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let needle = self.filter.trim().to_lowercase();
        let matches = |c: &CustomerRow| {
            needle.is_empty()
                || c.name.to_lowercase().contains(&needle)
                || c.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
                || c.country.as_deref().is_some_and(|k| country::matches(k, &needle))
        };
        let mut order: Vec<usize> = (0..snap.customers.len())
            .filter(|i| {
                let c = &snap.customers[*i];
                (!self.ours_only(snap) || c.ours)
                    && self.level.is_none_or(|l| c.level == Some(l))
                    && self.tier.is_none_or(|t| c.tier.is_some_and(|x| x.0 == t))
                    && matches(c)
            })
            .collect();
        let (by, desc) = self.sort;
        let rows = &snap.customers;
        let knows_us = snap.knows_us();
        order.sort_by(|a, b| {
            let (x, y) = (&rows[*a], &rows[*b]);
            let o = match by {
                SortBy::Name => x.name.cmp(&y.name),
                // Worse first when descending; within a level, the more of our sales at stake.
                SortBy::Level => x.level.cmp(&y.level).then_with(|| x.our_sales_12m.total_cmp(&y.our_sales_12m)),
                // Tier A above B…; within a tier, the higher score.
                SortBy::Score => tier_rank(y).cmp(&tier_rank(x)).then_with(|| score(x).total_cmp(&score(y))),
                SortBy::Sales if knows_us => x.our_sales_12m.total_cmp(&y.our_sales_12m),
                // Before our company is known, nothing is ours: the importers by what they import.
                SortBy::Sales => x.total_imports.total_cmp(&y.total_imports),
                SortBy::Wallet => x.category_12m.total_cmp(&y.category_12m),
                SortBy::Share => x.share.unwrap_or(-1.0).total_cmp(&y.share.unwrap_or(-1.0)),
                // Customers without a forecast after every dated one.
                SortBy::NextOrder => {
                    let day = |c: &CustomerRow| c.next_order.map_or(chrono::NaiveDate::MAX, |n| n.0);
                    day(x).cmp(&day(y))
                }
            };
            let o = if desc { o.reverse() } else { o };
            o.then_with(|| x.name.cmp(&y.name))
        });
        self.order = order;
        self.key = Some(key);
    }

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        let snap = view.snap;
        self.controls(ui, view);
        self.refresh(snap);
        let total = if self.ours_only(snap) { snap.customers.iter().filter(|c| c.ours).count() } else { snap.customers.len() };
        ui.horizontal(|ui| {
            ui.label(trf(view.lang, "cust.count", &[("n", &self.order.len()), ("of", &total)]));
            ui.label(egui::RichText::new(view.t("cust.open_hint")).weak());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let order = &self.order;
                export_menu::buttons(
                    ui,
                    view,
                    || table(view, &order.iter().filter_map(|i| snap.customers.get(*i)).collect::<Vec<_>>()),
                    commands,
                );
            });
        });
        ui.separator();
        self.table(ui, view, commands);
    }

    fn controls(&mut self, ui: &mut egui::Ui, view: &View) {
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text(view.t("cust.filter")).desired_width(260.0));
            egui::ComboBox::from_id_salt("level-filter")
                .selected_text(self.level.map_or(view.t("cust.all_levels"), |l| view.t(badge::level_key(l))))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.level, None, view.t("cust.all_levels"));
                    for l in [Level::Red, Level::Orange, Level::Yellow, Level::Green] {
                        ui.selectable_value(&mut self.level, Some(l), view.t(badge::level_key(l)));
                    }
                });
            egui::ComboBox::from_id_salt("tier-filter")
                .selected_text(self.tier.map_or_else(|| view.t("cust.all_tiers").to_string(), |t| t.to_string()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.tier, None, view.t("cust.all_tiers"));
                    for t in [Tier::A, Tier::B, Tier::C, Tier::D] {
                        ui.selectable_value(&mut self.tier, Some(t), t.to_string());
                    }
                });
            if view.snap.knows_us() {
                ui.checkbox(&mut self.only_ours, view.t("cust.only_ours"));
            } else {
                // Nothing is "ours" yet: every importer is listed, and the filter says why it waits.
                ui.add_enabled(false, egui::Checkbox::new(&mut false, view.t("cust.only_ours")));
                ui.label(egui::RichText::new(view.t("cust.ours_after_me")).weak());
            }
        });
    }

    /// The "only customers of ours" filter applies once our company is known; before, every
    /// importer is listed (nothing is ours yet).
    fn ours_only(&self, snap: &Snapshot) -> bool {
        self.only_ours && snap.knows_us()
    }

    fn header(&mut self, ui: &mut egui::Ui, view: &View, key: &str, by: SortBy) -> egui::Response {
        let mark = if self.sort.0 == by { if self.sort.1 { " ▼" } else { " ▲" } } else { "" };
        let response = ui.add(egui::Button::new(egui::RichText::new(format!("{}{mark}", view.t(key))).strong()).frame(false));
        if response.clicked() {
            // Names A–Z and the soonest order first; figures largest first.
            self.sort = if self.sort.0 == by { (by, !self.sort.1) } else { (by, !matches!(by, SortBy::Name | SortBy::NextOrder)) };
        }
        response
    }

    fn table(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        let rows = &view.snap.customers;
        let order = self.order.clone();
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let mut clicked = None;
        TableBuilder::new(ui)
            .id_salt("customers")
            .striped(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(85.0).at_least(70.0))
            .column(Column::initial(190.0).at_least(120.0).clip(true))
            .column(Column::initial(100.0).clip(true))
            .column(Column::initial(65.0))
            .column(Column::initial(100.0))
            .column(Column::initial(100.0).clip(true))
            .column(Column::initial(70.0))
            .column(Column::initial(105.0).clip(true))
            .column(Column::initial(90.0).clip(true))
            .column(Column::remainder().at_least(90.0))
            .header(24.0, |mut h| {
                h.col(|ui| _ = self.header(ui, view, "col.level", SortBy::Level));
                h.col(|ui| _ = self.header(ui, view, "col.customer", SortBy::Name));
                h.col(|ui| {
                    ui.strong(view.t("col.country"));
                });
                h.col(|ui| _ = self.header(ui, view, "col.tier", SortBy::Score));
                let sales = if view.snap.knows_us() { "col.our_sales" } else { "col.total" };
                h.col(|ui| _ = self.header(ui, view, sales, SortBy::Sales));
                h.col(|ui| _ = self.header(ui, view, "col.wallet", SortBy::Wallet));
                h.col(|ui| _ = self.header(ui, view, "col.share", SortBy::Share));
                h.col(|ui| {
                    self.header(ui, view, "order.col", SortBy::NextOrder).on_hover_text(view.t("order.col_hint"));
                });
                h.col(|ui| {
                    ui.strong(view.t("review.col.state")).on_hover_text(view.t("review.lead"));
                });
                h.col(|ui| {
                    ui.strong(view.t("col.trend"));
                });
            })
            .body(|body| {
                body.rows(row_height, order.len(), |mut row| {
                    let Some(c) = order.get(row.index()).and_then(|i| rows.get(*i)) else { return };
                    row.col(|ui| {
                        if let Some(l) = c.level {
                            badge::level(ui, l, view.lang);
                        }
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&c.name).truncate().selectable(false));
                    });
                    row.col(|ui| {
                        let name = c.country.as_deref().map(|k| country::country(view.lang, k)).unwrap_or_default();
                        ui.add(egui::Label::new(name.into_owned()).truncate());
                    });
                    row.col(|ui| {
                        if let Some((t, s)) = c.tier {
                            let mut shown = badge::tier(ui, t) | ui.label(format!("{s:.0}"));
                            if c.protect {
                                shown |= ui.label(egui::RichText::new("!").strong().color(ui.visuals().warn_fg_color));
                            }
                            if let Some(why) = &c.why {
                                shown.on_hover_ui(|ui| _ = ui.label(why.render(view.lang)));
                            }
                        }
                    });
                    row.col(|ui| {
                        ui.label(money(view.lang, if view.snap.knows_us() { c.our_sales_12m } else { c.total_imports }));
                    });
                    row.col(|ui| {
                        ui.label(money(view.lang, c.category_12m));
                    });
                    row.col(|ui| {
                        ui.label(percent(c.share));
                    });
                    row.col(|ui| {
                        if let Some((day, state)) = c.next_order {
                            next_order_cell(ui, view, day, state);
                        }
                    });
                    row.col(|ui| {
                        if let Some(state) = c.review {
                            ui.add(egui::Label::new(crate::ui::rhythm::state_text(view, state)).truncate());
                        }
                    });
                    row.col(|ui| {
                        badge::sparkline(ui, &c.trend, 100.0);
                    });
                    if row.response().clicked() {
                        clicked = Some(c.id);
                    }
                });
            });
        if let Some(id) = clicked {
            commands.push(Command::OpenCustomer(id));
        }
    }
}

/// The expected day in the state's colour (without the year when it is the as-of date's), with
/// the state's word when it calls for action (due, late, overdue); every state on hover.
fn next_order_cell(ui: &mut egui::Ui, view: &View, day: chrono::NaiveDate, state: OrderState) {
    use chrono::Datelike;
    let same_year = view.snap.as_of.is_some_and(|d| d.year() == day.year());
    let date = day.format(if same_year { "%m-%d" } else { "%Y-%m-%d" }).to_string();
    let text = match state {
        OrderState::Due | OrderState::Late | OrderState::Overdue => format!("{date} {}", view.t(state.text_key())),
        OrderState::Later | OrderState::Regular => date,
    };
    let label = egui::Label::new(egui::RichText::new(text).color(badge::order_state_color(ui, state))).truncate();
    ui.add(label).on_hover_text(format!("{day} · {}", view.t(state.text_key())));
}

/// A before B …, customers without a tier last.
fn tier_rank(c: &CustomerRow) -> u8 {
    match c.tier.map(|t| t.0) {
        Some(Tier::A) => 0,
        Some(Tier::B) => 1,
        Some(Tier::C) => 2,
        Some(Tier::D) => 3,
        None => 4,
    }
}

fn score(c: &CustomerRow) -> f64 {
    c.tier.map_or(-1.0, |t| t.1)
}

/// The rows as an export table.
fn table(view: &View, rows: &[&CustomerRow]) -> Table {
    let headers = [
        "col.customer",
        "col.country",
        "col.level",
        "col.tier",
        "col.score",
        "col.our_sales",
        "col.wallet",
        "col.share",
        "order.col",
        "order.col_state",
        "review.col.owner",
        "review.col.state",
        "review.col.state_date",
    ];
    Table {
        title: view.t("nav.customers").to_string(),
        headers: view.texts(&headers),
        rows: rows
            .iter()
            .map(|c| {
                vec![
                    Value::from(c.name.as_str()),
                    Value::from(c.country.as_deref().map(|k| country::country(view.lang, k).into_owned())),
                    Value::from(c.level.map(|l| view.t(badge::level_key(l)))),
                    Value::from(c.tier.map(|t| t.0.to_string())),
                    Value::from(c.tier.map(|t| (t.1 * 10.0).round() / 10.0)),
                    Value::from(c.our_sales_12m.round()),
                    Value::from(c.category_12m.round()),
                    Value::from(c.share.map(|s| (s * 1000.0).round() / 10.0)),
                    Value::from(c.next_order.map(|(d, _)| d.to_string())),
                    Value::from(c.next_order.map(|(_, s)| view.t(s.text_key()))),
                    Value::from(c.owner.as_str()),
                    Value::from(c.review.map(|s| view.t(s.text_key()))),
                    Value::from(c.review.and_then(|s| s.date()).map(|d| d.to_string())),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests;
