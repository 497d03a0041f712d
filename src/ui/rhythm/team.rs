//! Who visits whom: the team and each person's capacity, the service plan's visits per tier, each
//! person's load against capacity, the customers without an owner or backup, and the suggested
//! assignment — accepted all at once or row by row, with another person picked where the user
//! knows better; nothing is applied without a click.

use super::super::badge;
use super::super::i18n::trf;
use super::super::worker::{Change, Request};
use super::{Command, RhythmScreen, View};
use crate::analysis::team::{MoveReason, Person, PersonLoad, Team};
use crate::analysis::tiers::Tier;
use crate::app::team::{Assignment, TeamView};
use crate::export::{Table, Value};
use crate::model::CompanyId;
use std::collections::HashMap;

/// Customers listed per gap before the count of the rest.
const LISTED: usize = 8;

/// The team being edited, and the people picked instead of a suggestion's.
#[derive(Default)]
pub(super) struct TeamDraft {
    /// The edited team (`None`: showing the saved one).
    people: Option<Vec<Person>>,
    /// A person the user chose for a move instead of the suggested one.
    instead: HashMap<CompanyId, String>,
    /// The plan's visits a year per tier, A to D, being edited.
    visits: Option<[u32; 4]>,
}

/// Draws the tab.
pub(super) fn ui(screen: &mut RhythmScreen, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    let Some(tv) = &view.snap.team else { return };
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.columns(2, |cols| {
            let ragged = egui::Layout::top_down(egui::Align::Min);
            cols[0].with_layout(ragged, |ui| {
                people(&mut screen.team, ui, view, commands);
                ui.add_space(10.0);
                plan(&mut screen.team, ui, view, commands);
            });
            cols[1].with_layout(ragged, |ui| {
                loads(ui, view, tv);
                ui.add_space(10.0);
                gaps(ui, view, tv, commands);
            });
        });
        ui.separator();
        suggestion(&mut screen.team, ui, view, tv, commands);
    });
}

/// The team's members and capacities, edited as a draft and saved at once.
fn people(draft: &mut TeamDraft, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    ui.heading(view.t("team.people"));
    ui.label(egui::RichText::new(view.t("team.people_lead")).weak());
    let saved = &view.snap.settings.team.people;
    let list = draft.people.get_or_insert_with(|| saved.clone());
    let mut remove = None;
    egui::Grid::new("team-people").num_columns(3).spacing([10.0, 4.0]).show(ui, |ui| {
        ui.strong(view.t("team.name"));
        let header = ui.strong(view.t("team.capacity"));
        ui.end_row();
        for (i, p) in list.iter_mut().enumerate() {
            ui.add_sized([170.0, 20.0], egui::TextEdit::singleline(&mut p.name).hint_text(view.t("team.name_hint")));
            ui.add(egui::DragValue::new(&mut p.capacity).range(0.0..=500.0).speed(0.5).max_decimals(1)).labelled_by(header.id);
            if ui.small_button("×").on_hover_text(view.t("team.remove")).clicked() {
                remove = Some(i);
            }
            ui.end_row();
        }
    });
    if let Some(i) = remove {
        list.remove(i);
    }
    let problems = Team { people: list.clone() }.problems();
    let changed = list != saved;
    let (mut add, mut save, mut discard) = (false, false, false);
    ui.horizontal(|ui| {
        add = ui.button(view.t("team.add")).clicked();
        save = ui.add_enabled(changed && problems.is_empty(), egui::Button::new(view.t("team.save"))).clicked();
        discard = changed && ui.button(view.t("team.discard")).clicked();
    });
    if add {
        list.push(Person { name: String::new(), capacity: 12.0 });
    }
    // A saved draft stays until the snapshot with the team saved replaces it (`on_snapshot`).
    if save {
        commands.push(Command::Send(Request::Apply(Change::Team(Team { people: list.clone() }))));
    }
    if discard {
        draft.people = None;
    }
    if let Some(p) = problems.first() {
        let text = crate::preferences::team_problem(p).render(view.lang);
        ui.label(egui::RichText::new(text).color(ui.visuals().warn_fg_color));
    }
}

/// Visits a year per customer of each tier: what the load counts; edited as a draft and saved at once.
fn plan(draft: &mut TeamDraft, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    ui.heading(view.t("team.plan"));
    ui.label(egui::RichText::new(view.t("team.plan_lead")).weak());
    let plan = &view.snap.settings.plan;
    let saved = Tier::ALL.map(|t| plan.visits_a_year(t));
    let visits = draft.visits.get_or_insert(saved);
    egui::Grid::new("team-plan").num_columns(3).spacing([10.0, 4.0]).show(ui, |ui| {
        for (i, tier) in Tier::ALL.into_iter().enumerate() {
            let letter = badge::tier(ui, tier);
            ui.add(egui::DragValue::new(&mut visits[i]).range(0..=52).suffix(view.t("team.per_year"))).labelled_by(letter.id);
            ui.label(egui::RichText::new(&plan.tier(tier).visits).weak().small());
            ui.end_row();
        }
    });
    if *visits != saved {
        let next_visits = *visits;
        let (mut save, mut discard) = (false, false);
        ui.horizontal(|ui| {
            save = ui.button(view.t("team.save_plan")).clicked();
            discard = ui.button(view.t("team.discard")).clicked();
        });
        if save {
            let mut next = plan.clone();
            for (i, tier) in Tier::ALL.into_iter().enumerate() {
                next.tier_mut(tier).visits_a_year = Some(next_visits[i]);
            }
            commands.push(Command::Send(Request::Apply(Change::ServicePlan(next))));
        }
        if discard {
            draft.visits = None;
        }
    }
}

/// One person's load beside capacity, as a bar that turns red past it.
fn load_bar(ui: &mut egui::Ui, view: &View, p: &PersonLoad) {
    let fill = if p.capacity > 0.0 {
        (p.load / p.capacity) as f32
    } else if p.load > 0.0 {
        1.0
    } else {
        0.0
    };
    let text = trf(view.lang, "team.load_of", &[("load", &format!("{:.1}", p.load)), ("capacity", &format!("{:.1}", p.capacity))]);
    let mut bar = egui::ProgressBar::new(fill.min(1.0)).desired_width(180.0).text(text);
    if p.over() {
        bar = bar.fill(badge::rgb(crate::palette::BAD));
    }
    ui.add(bar);
}

/// Each person's visits a quarter against capacity; the plan's total against the team's.
fn loads(ui: &mut egui::Ui, view: &View, tv: &TeamView) {
    ui.heading(view.t("team.loads"));
    let l = &tv.load;
    ui.label(trf(view.lang, "team.total", &[("load", &format!("{:.1}", l.plan_load)), ("capacity", &format!("{:.1}", l.capacity))]));
    if tv.team.people.is_empty() {
        ui.label(egui::RichText::new(view.t("team.no_people")).weak());
        return;
    }
    egui::Grid::new("team-loads").num_columns(3).spacing([10.0, 4.0]).show(ui, |ui| {
        for p in &l.people {
            ui.label(&p.name);
            load_bar(ui, view, p);
            ui.label(egui::RichText::new(trf(view.lang, "team.owns", &[("n", &p.customers), ("a", &p.a_customers)])).weak());
            ui.end_row();
        }
    });
}

/// A few customers by name, links to their pages, then the count of the rest.
fn listed(ui: &mut egui::Ui, view: &View, tv: &TeamView, ids: &[CompanyId], commands: &mut Vec<Command>) {
    for id in ids.iter().take(LISTED) {
        let Some(a) = tv.account(*id) else { continue };
        ui.horizontal(|ui| {
            badge::tier(ui, a.tier);
            if ui.link(&a.customer).clicked() {
                commands.push(Command::OpenCustomer(a.id));
            }
            ui.label(egui::RichText::new(crate::text::number::money(view.lang, a.our_sales_12m)).weak());
        });
    }
    if ids.len() > LISTED {
        ui.label(egui::RichText::new(trf(view.lang, "chg.more", &[("n", &(ids.len() - LISTED))])).weak());
    }
}

/// Customers without an owner, with an owner outside the team, valuable ones without a backup.
fn gaps(ui: &mut egui::Ui, view: &View, tv: &TeamView, commands: &mut Vec<Command>) {
    let l = &tv.load;
    let strangers: Vec<CompanyId> = l.strangers.iter().map(|(id, _)| *id).collect();
    for (key, ids) in [("team.unowned", &l.unowned), ("team.strangers", &strangers), ("team.no_backup", &l.no_backup)] {
        ui.label(egui::RichText::new(trf(view.lang, key, &[("n", &ids.len())])).strong());
        listed(ui, view, tv, ids, commands);
        ui.add_space(4.0);
    }
}

/// The suggestion: moves (the person can be changed before accepting), backups, loads after.
fn suggestion(draft: &mut TeamDraft, ui: &mut egui::Ui, view: &View, tv: &TeamView, commands: &mut Vec<Command>) {
    let s = &tv.suggestion;
    ui.horizontal_wrapped(|ui| {
        ui.heading(view.t("team.suggestion"));
        let any = !s.moves.is_empty() || !s.backups.is_empty();
        if ui.add_enabled(any, egui::Button::new(view.t("team.accept_all"))).clicked() {
            let mut all = Assignment::all(s);
            for a in &mut all {
                if let (Some(_), Some(other)) = (&a.owner, draft.instead.get(&a.id)) {
                    a.owner = Some(other.clone());
                }
                // A backup was suggested for the suggested owner: never the person picked instead.
                if a.backup.is_some() && a.backup == a.owner {
                    a.backup = None;
                }
            }
            commands.push(Command::Send(Request::Apply(Change::Assign(all))));
            draft.instead.clear();
        }
        super::super::export_menu::buttons(ui, view, || table(view, tv), commands);
    });
    ui.label(egui::RichText::new(view.t("team.suggestion_lead")).weak());
    if s.moves.is_empty() && s.backups.is_empty() {
        ui.label(view.t("team.nothing_to_change"));
    }
    if !s.moves.is_empty() {
        egui::Grid::new("team-moves").num_columns(6).spacing([12.0, 4.0]).striped(true).show(ui, |ui| {
            for m in &s.moves {
                badge::tier(ui, m.tier);
                let name = ui.link(&m.customer);
                if name.clicked() {
                    commands.push(Command::OpenCustomer(m.id));
                }
                ui.label(if m.from.is_empty() { view.t("review.no_owner") } else { m.from.as_str() });
                let chosen = draft.instead.get(&m.id).cloned().unwrap_or_else(|| m.to.clone());
                let picker =
                    egui::ComboBox::from_id_salt(("team-move-to", m.id.0)).selected_text(format!("→ {chosen}")).show_ui(ui, |ui| {
                        // Each person with the room they would have left once the suggestion is accepted.
                        for p in &s.after {
                            let free = trf(view.lang, "team.free", &[("name", &p.name), ("spare", &format!("{:.1}", p.spare()))]);
                            let short = p.spare() < m.load;
                            let text = if short { egui::RichText::new(free).color(ui.visuals().warn_fg_color) } else { free.into() };
                            if ui.selectable_label(p.name == chosen, text).clicked() {
                                draft.instead.insert(m.id, p.name.clone());
                            }
                        }
                    });
                picker.response.labelled_by(name.id);
                ui.label(egui::RichText::new(view.t(reason_key(m.reason))).weak());
                if ui.button(view.t("team.accept")).clicked() {
                    let one = Assignment { id: m.id, owner: Some(chosen), backup: None };
                    commands.push(Command::Send(Request::Apply(Change::Assign(vec![one]))));
                    draft.instead.remove(&m.id);
                }
                ui.end_row();
            }
        });
    }
    if !s.backups.is_empty() {
        ui.add_space(6.0);
        ui.strong(view.t("team.backups"));
        for b in &s.backups {
            ui.horizontal(|ui| {
                if ui.link(&b.customer).clicked() {
                    commands.push(Command::OpenCustomer(b.id));
                }
                ui.label(trf(view.lang, "team.backup_line", &[("owner", &b.owner), ("backup", &b.backup)]));
                if ui.small_button(view.t("team.accept")).clicked() {
                    let one = Assignment { id: b.id, owner: None, backup: Some(b.backup.clone()) };
                    commands.push(Command::Send(Request::Apply(Change::Assign(vec![one]))));
                }
            });
        }
    }
    if !s.unplaced.is_empty() {
        ui.add_space(6.0);
        ui.label(egui::RichText::new(trf(view.lang, "team.unplaced", &[("n", &s.unplaced.len())])).color(ui.visuals().warn_fg_color));
        listed(ui, view, tv, &s.unplaced, commands);
    }
    if !s.moves.is_empty() {
        ui.add_space(6.0);
        ui.strong(view.t("team.after"));
        egui::Grid::new("team-after").num_columns(2).spacing([10.0, 4.0]).show(ui, |ui| {
            for p in &s.after {
                ui.label(&p.name);
                load_bar(ui, view, p);
                ui.end_row();
            }
        });
    }
}

/// The text key of a move's reason.
fn reason_key(r: MoveReason) -> &'static str {
    match r {
        MoveReason::NoOwner => "team.reason.no_owner",
        MoveReason::OwnerNotInTeam => "team.reason.stranger",
        MoveReason::OwnerOverCapacity => "team.reason.over",
    }
}

/// Every customer with its tier, plan load, owner and backup, and what the suggestion would change.
fn table(view: &View, tv: &TeamView) -> Table {
    let s = &tv.suggestion;
    let headers = [
        "col.customer",
        "col.tier",
        "col.level",
        "review.col.state",
        "col.our_sales",
        "team.col.load",
        "review.col.owner",
        "team.col.backup",
        "team.col.new_owner",
        "team.col.new_backup",
        "team.col.why",
    ];
    Table {
        title: view.t("rhythm.tab.team").to_string(),
        headers: view.texts(&headers),
        rows: tv
            .accounts
            .iter()
            .map(|a| {
                let mv = s.moves.iter().find(|m| m.id == a.id);
                let backup = s.backups.iter().find(|b| b.id == a.id);
                let row = view.snap.customer(a.id);
                vec![
                    Value::from(a.customer.as_str()),
                    Value::from(a.tier.to_string()),
                    Value::from(row.and_then(|r| r.level).map(|l| view.t(badge::level_key(l)))),
                    Value::from(row.and_then(|r| r.review).map(|s| view.t(s.text_key()))),
                    Value::from(a.our_sales_12m.round()),
                    Value::from(a.load),
                    Value::from(a.owner.as_str()),
                    Value::from(a.backup.as_str()),
                    Value::from(mv.map(|m| m.to.clone())),
                    Value::from(backup.map(|b| b.backup.clone())),
                    Value::from(mv.map(|m| view.t(reason_key(m.reason)))),
                ]
            })
            .collect(),
    }
}
