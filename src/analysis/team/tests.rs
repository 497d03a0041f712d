//! The team's load and the suggested assignment on tiny hand-made teams. Account `n` has our sales
//! of `n` thousand dollars unless a test says otherwise, so a higher id is the bigger customer.

use super::*;

fn team(people: &[(&str, f64)]) -> Team {
    Team { people: people.iter().map(|&(name, capacity)| Person { name: name.into(), capacity }).collect() }
}

fn account(id: i64, tier: Tier, owner: &str, load: f64) -> Account {
    Account {
        id: CompanyId(id),
        customer: format!("Customer {id}"),
        tier,
        protect: false,
        owner: owner.into(),
        backup: String::new(),
        load,
        our_sales_12m: 1000.0 * id as f64,
    }
}

fn backed(account: Account, backup: &str) -> Account {
    Account { backup: backup.into(), ..account }
}

fn protected(account: Account) -> Account {
    Account { protect: true, ..account }
}

fn ids(list: &[CompanyId]) -> Vec<i64> {
    list.iter().map(|id| id.0).collect()
}

/// (account, new owner) of every move, in order.
fn moves(suggestion: &Suggestion) -> Vec<(i64, &str)> {
    suggestion.moves.iter().map(|m| (m.id.0, m.to.as_str())).collect()
}

fn person<'a>(loads: &'a [PersonLoad], name: &str) -> &'a PersonLoad {
    loads.iter().find(|p| p.name == name).expect("fixture")
}

#[test]
fn load_sums_each_persons_plan_and_counts_their_a_customers() {
    let team = team(&[("Li Wei", 4.0), ("Ann", 2.0)]);
    let accounts = [
        account(1, Tier::A, "Li Wei", 1.0),
        account(2, Tier::B, " li  wei ", 0.5),
        account(3, Tier::C, "ann", 0.25),
        account(4, Tier::D, "Ann", 0.0),
        account(5, Tier::A, "", 1.0),
        account(6, Tier::B, "Bob", 0.5),
    ];
    let now = load(&team, &accounts);
    assert_eq!(now.people[0], PersonLoad { name: "Li Wei".into(), capacity: 4.0, load: 1.5, customers: 2, a_customers: 1 });
    assert_eq!(now.people[1], PersonLoad { name: "Ann".into(), capacity: 2.0, load: 0.25, customers: 2, a_customers: 0 });
    assert_eq!((now.plan_load, now.capacity), (3.25, 6.0));
    assert_eq!(ids(&now.unowned), [5]);
    assert_eq!(now.strangers, [(CompanyId(6), "Bob".to_string())]);
    assert!(!now.people[0].over());
    assert_eq!(now.people[1].spare(), 1.75);
}

#[test]
fn owner_names_match_members_whatever_the_spacing_and_case() {
    let team = team(&[("Li Wei", 4.0), ("Ann", 2.0)]);
    assert_eq!(team.member(" li  wei ").map(|p| p.name.as_str()), Some("Li Wei"));
    assert_eq!(team.member("LI\tWEI").map(|p| p.name.as_str()), Some("Li Wei"));
    for stranger in ["", "   ", "Bob", "Li", "LiWei"] {
        assert!(team.member(stranger).is_none(), "{stranger:?}");
    }
}

#[test]
fn unowned_customers_come_a_first_then_by_our_sales() {
    let team = team(&[("Ann", 2.0)]);
    let mut small_a = account(3, Tier::A, "", 1.0);
    small_a.our_sales_12m = 100.0;
    let accounts = [
        account(1, Tier::C, "", 0.25),
        small_a,
        account(2, Tier::A, "", 1.0),
        account(4, Tier::B, "  ", 0.5),
        account(5, Tier::C, " Zed ", 0.0),
    ];
    let now = load(&team, &accounts);
    assert_eq!(ids(&now.unowned), [2, 3, 4, 1]);
    assert_eq!(now.strangers, [(CompanyId(5), " Zed ".to_string())]);
}

#[test]
fn a_and_protect_customers_without_a_real_backup_are_listed() {
    let team = team(&[("Li Wei", 4.0), ("Ann", 2.0)]);
    let accounts = [
        backed(account(1, Tier::A, "Li Wei", 1.0), "Ann"),
        backed(account(2, Tier::A, "Li Wei", 1.0), "li wei"), // the owner as their own backup
        protected(account(3, Tier::B, "Ann", 0.5)),
        account(4, Tier::C, "Ann", 0.25),               // neither A nor protect: no backup needed
        backed(account(5, Tier::A, "Ann", 1.0), "Bob"), // a backup outside the team
    ];
    assert_eq!(ids(&load(&team, &accounts).no_backup), [5, 2, 3]);
}

#[test]
fn a_team_within_capacity_keeps_every_owner() {
    let team = team(&[("Li Wei", 2.0), ("Ann", 2.0)]);
    let accounts = [
        backed(account(1, Tier::A, "Li Wei", 1.0), "Ann"),
        account(2, Tier::B, "Li Wei", 0.5),
        account(3, Tier::C, "Ann", 0.25),
        account(4, Tier::D, "", 0.0),
    ];
    let suggestion = suggest(&team, &accounts);
    assert!(suggestion.moves.is_empty() && suggestion.unplaced.is_empty() && suggestion.backups.is_empty());
    assert_eq!(suggestion.after, load(&team, &accounts).people);
}

#[test]
fn among_equal_loads_an_over_capacity_person_sheds_lower_tiers_first_and_a_last() {
    let accounts = [
        account(1, Tier::A, "Li Wei", 1.0),
        protected(account(2, Tier::B, "Li Wei", 1.0)),
        account(3, Tier::C, "Li Wei", 1.0),
        account(4, Tier::D, "Li Wei", 1.0),
    ];
    let shed =
        |capacity: f64| moves(&suggest(&team(&[("Li Wei", capacity), ("Ann", 10.0)]), &accounts)).iter().map(|m| m.0).collect::<Vec<_>>();
    assert_eq!(shed(3.0), [4]);
    assert_eq!(shed(2.0), [3, 4]); // placed C before D
    assert_eq!(shed(1.0), [2, 3, 4]); // the protected B goes before the A
    assert_eq!(shed(0.0), [1, 2, 3, 4]);
    let suggestion = suggest(&team(&[("Li Wei", 3.0), ("Ann", 10.0)]), &accounts);
    assert_eq!(suggestion.moves[0].reason, MoveReason::OwnerOverCapacity);
    assert_eq!((suggestion.moves[0].from.as_str(), suggestion.moves[0].load), ("Li Wei", 1.0));
}

#[test]
fn with_the_plans_own_loads_one_b_moves_rather_than_two_cs() {
    // The default plan: A 1 visit a quarter, B 0.5, C 0.25. Li Wei carries 3.0 against 2.0.
    let mut accounts = vec![account(1, Tier::A, "Li Wei", 1.0), account(2, Tier::B, "Li Wei", 0.5), account(3, Tier::B, "Li Wei", 0.5)];
    accounts.extend((4..=7).map(|id| account(id, Tier::C, "Li Wei", 0.25)));
    let s = suggest(&team(&[("Li Wei", 2.0), ("Ann", 10.0)]), &accounts);
    assert_eq!(s.moves.len(), 2, "two Bs clear the excess of 1.0; four Cs would be twice the changes: {:?}", moves(&s));
    assert!(s.moves.iter().all(|m| m.tier == Tier::B && m.to == "Ann"));
    assert!(!person(&s.after, "Li Wei").over());
}

#[test]
fn shedding_moves_as_few_accounts_as_needed() {
    let team = team(&[("Li Wei", 2.0), ("Ann", 10.0)]);
    // Over by 1.5: the load-0 D accounts never move; two C accounts of 1.0 do.
    let mut accounts: Vec<Account> = (1..=3).map(|id| account(id, Tier::D, "Li Wei", 0.0)).collect();
    accounts.extend([account(4, Tier::C, "Li Wei", 1.0), account(5, Tier::C, "Li Wei", 1.0), account(6, Tier::B, "Li Wei", 1.0)]);
    accounts.push(account(7, Tier::A, "Li Wei", 0.5));
    assert_eq!(moves(&suggest(&team, &accounts)), [(5, "Ann"), (4, "Ann")]);
    // Over by 1.5 again: one C account of 2.0 clears it alone.
    let accounts = [
        account(1, Tier::C, "Li Wei", 0.5),
        account(2, Tier::C, "Li Wei", 0.5),
        account(3, Tier::C, "Li Wei", 2.0),
        account(4, Tier::A, "Li Wei", 0.5),
    ];
    assert_eq!(moves(&suggest(&team, &accounts)), [(3, "Ann")]);
    // The D account alone cannot clear 1.5, and once the C goes it is not needed: it stays.
    let accounts = [account(1, Tier::D, "Li Wei", 0.5), account(2, Tier::C, "Li Wei", 2.0), account(3, Tier::A, "Li Wei", 1.0)];
    assert_eq!(moves(&suggest(&team, &accounts)), [(2, "Ann")]);
}

#[test]
fn no_one_within_capacity_is_pushed_over() {
    let team = team(&[("Li Wei", 3.0), ("Ann", 3.0), ("Chen", 2.0)]);
    let accounts = [
        account(1, Tier::A, "Li Wei", 1.0),
        account(2, Tier::B, "Li Wei", 0.5),
        account(3, Tier::B, "Li Wei", 0.5),
        account(4, Tier::C, "Li Wei", 0.25),
        account(5, Tier::C, "Li Wei", 0.25),
        account(6, Tier::D, "Li Wei", 1.0),
        account(7, Tier::A, "Ann", 1.0),
        account(8, Tier::B, "Ann", 0.5),
        account(9, Tier::A, "", 1.0),
        account(10, Tier::B, "Bob", 0.5),
        account(11, Tier::C, "", 0.25),
    ];
    let before = load(&team, &accounts).people;
    let suggestion = suggest(&team, &accounts);
    assert!(person(&before, "Li Wei").over());
    for (was, now) in before.iter().zip(&suggestion.after) {
        assert!(was.over() || !now.over(), "{} pushed over: {now:?}", now.name);
    }
    assert!(suggestion.after.iter().all(|p| !p.over()));
    // Li Wei sheds only the D; the A goes where the room is, the rest fill the gaps.
    assert_eq!(moves(&suggestion), [(9, "Chen"), (10, "Ann"), (11, "Chen"), (6, "Ann")]);
    assert!(suggestion.unplaced.is_empty());
}

#[test]
fn an_unowned_a_account_goes_to_the_person_with_most_spare_room_then_fewer_customers() {
    let pair = team(&[("Li Wei", 4.0), ("Ann", 6.0)]);
    let accounts = [account(1, Tier::B, "Li Wei", 0.5), account(2, Tier::B, "Ann", 0.5), account(3, Tier::A, "", 1.0)];
    let suggestion = suggest(&pair, &accounts);
    assert_eq!(moves(&suggestion), [(3, "Ann")]);
    assert_eq!((suggestion.moves[0].from.as_str(), suggestion.moves[0].reason), ("", MoveReason::NoOwner));
    assert_eq!(person(&suggestion.after, "Ann").a_customers, 1);
    assert_eq!(suggestion.backups[0].backup, "Li Wei"); // its new owner has no backup yet
    // Equal room: fewer customers, then team order.
    let one = account(9, Tier::A, "", 1.0);
    let busy = [account(1, Tier::D, "Li Wei", 0.0), one.clone()];
    assert_eq!(moves(&suggest(&team(&[("Li Wei", 2.0), ("Ann", 2.0)]), &busy)), [(9, "Ann")]);
    assert_eq!(moves(&suggest(&team(&[("Li Wei", 2.0), ("Ann", 2.0)]), &[one])), [(9, "Li Wei")]);
}

#[test]
fn accounts_nobody_has_room_for_are_unplaced_and_shed_ones_never_return() {
    let alone = team(&[("Li Wei", 1.0)]);
    let accounts = [account(1, Tier::C, "Li Wei", 0.5), account(2, Tier::A, "", 1.0), account(3, Tier::D, "", 0.0)];
    let suggestion = suggest(&alone, &accounts);
    assert!(suggestion.moves.is_empty());
    assert_eq!(ids(&suggestion.unplaced), [2]); // the load-0 account is no capacity problem
    assert_eq!(suggestion.after[0].load, 0.5);
    let team = team(&[("Li Wei", 1.0), ("Ann", 0.5)]);
    let accounts = [account(1, Tier::C, "Li Wei", 1.0), account(2, Tier::D, "Li Wei", 1.0), account(3, Tier::A, "", 0.5)];
    let suggestion = suggest(&team, &accounts);
    // The D it would shed fits nowhere, so Li Wei keeps it and has no room for the unowned A.
    assert_eq!(moves(&suggestion), [(3, "Ann")]);
    assert_eq!(ids(&suggestion.unplaced), [2]);
    assert_eq!(person(&suggestion.after, "Li Wei").load, 2.0);
}

#[test]
fn strangers_accounts_are_placed_and_load_zero_ones_stay_put() {
    let team = team(&[("Ann", 2.0)]);
    let accounts = [account(1, Tier::B, "Bob", 0.5), account(2, Tier::D, "Bob", 0.0)];
    let suggestion = suggest(&team, &accounts);
    assert_eq!(moves(&suggestion), [(1, "Ann")]);
    assert_eq!((suggestion.moves[0].from.as_str(), suggestion.moves[0].reason), ("Bob", MoveReason::OwnerNotInTeam));
    assert!(suggestion.unplaced.is_empty());
}

#[test]
fn backups_go_to_a_and_protect_accounts_with_an_owner_and_never_to_the_owner() {
    let three = team(&[("Li Wei", 4.0), ("Ann", 4.0), ("Chen", 2.0)]);
    let accounts = [
        account(1, Tier::A, "Li Wei", 1.0),
        account(2, Tier::A, "Ann", 1.0),
        protected(account(3, Tier::B, "Chen", 0.5)),
        account(4, Tier::C, "Chen", 0.25),
        backed(account(5, Tier::A, "Ann", 0.0), "Chen"),
    ];
    let backups = suggest(&three, &accounts).backups;
    let pairs: Vec<(i64, &str, &str)> = backups.iter().map(|b| (b.id.0, b.owner.as_str(), b.backup.as_str())).collect();
    assert_eq!(pairs, [(2, "Ann", "Li Wei"), (1, "Li Wei", "Ann"), (3, "Chen", "Li Wei")]);
    assert!(backups.iter().all(|b| b.owner != b.backup));
    // Nobody else to ask, or nobody owning the account: no backup.
    let accounts = [account(1, Tier::A, "Li Wei", 1.0), account(2, Tier::A, "", 0.0)];
    assert!(suggest(&team(&[("Li Wei", 4.0)]), &accounts).backups.is_empty());
    let two = suggest(&team(&[("Li Wei", 4.0), ("Ann", 4.0)]), &accounts).backups;
    assert_eq!(two.iter().map(|b| b.id.0).collect::<Vec<_>>(), [1]);
}

#[test]
fn an_empty_team_leaves_every_loaded_account_unplaced() {
    let accounts = [account(1, Tier::B, "", 0.5), account(2, Tier::A, "Bob", 1.0), account(3, Tier::D, "", 0.0)];
    let suggestion = suggest(&Team::default(), &accounts);
    assert!(suggestion.moves.is_empty() && suggestion.backups.is_empty() && suggestion.after.is_empty());
    assert_eq!(ids(&suggestion.unplaced), [2, 1]);
    let now = load(&Team::default(), &accounts);
    assert_eq!((now.capacity, now.plan_load, now.people.len()), (0.0, 1.5, 0));
}

#[test]
fn capacity_zero_people_and_repeated_names_never_receive_accounts() {
    let team = team(&[("Boss", 0.0), ("Ann", 1.0), (" ann", 10.0)]);
    let accounts = [account(1, Tier::A, "", 0.5), account(2, Tier::B, "", 0.5), account(3, Tier::C, "", 0.5)];
    let suggestion = suggest(&team, &accounts);
    assert_eq!(moves(&suggestion), [(1, "Ann"), (2, "Ann")]);
    assert_eq!(ids(&suggestion.unplaced), [3]);
    assert!(suggestion.backups.is_empty()); // Boss cannot visit, " ann" is Ann
}

#[test]
fn team_problems_catch_empty_and_duplicate_names_and_bad_capacity() {
    let bad = team(&[("Li Wei", 4.0), (" li  WEI", 2.0), ("  ", 1.0), ("Ann", -1.0), ("Chen", f64::NAN)]);
    assert_eq!(
        bad.problems(),
        [
            TeamProblem::DuplicateName(" li  WEI".into()),
            TeamProblem::EmptyName(2),
            TeamProblem::NegativeCapacity("Ann".into()),
            TeamProblem::NonFiniteCapacity("Chen".into()),
        ]
    );
    assert!(team(&[("Li Wei", 4.0), ("Ann", 0.0)]).problems().is_empty());
}

#[test]
fn bad_figures_count_as_zero_and_no_nan_comes_out() {
    let team = team(&[("Li Wei", f64::NAN), ("Ann", 2.0)]);
    let mut odd = account(2, Tier::A, "", -1.0);
    odd.our_sales_12m = f64::NAN;
    let accounts = [account(1, Tier::B, "Ann", f64::NAN), odd, account(3, Tier::C, "Li Wei", f64::INFINITY)];
    let now = load(&team, &accounts);
    assert_eq!((now.plan_load, now.capacity, now.people[0].capacity), (0.0, 2.0, 0.0));
    let suggestion = suggest(&team, &accounts);
    assert!(suggestion.moves.is_empty() && suggestion.unplaced.is_empty());
    assert!(suggestion.after.iter().all(|p| p.load.is_finite() && p.capacity.is_finite()));
}

#[test]
fn same_accounts_in_any_order_give_the_same_suggestion() {
    let team = team(&[("Li Wei", 2.0), ("Ann", 2.0), ("Chen", 2.0)]);
    let mut accounts: Vec<Account> =
        (1..=9).map(|id| account(id, Tier::ALL[(id % 4) as usize], ["Li Wei", "", "Bob"][(id % 3) as usize], 0.5)).collect();
    accounts.iter_mut().for_each(|a| a.our_sales_12m = 1.0); // ties everywhere: only the ids decide
    let forward = suggest(&team, &accounts);
    accounts.reverse();
    assert_eq!(suggest(&team, &accounts), forward);
}

#[test]
fn the_team_round_trips_through_json() {
    let team = team(&[("Li Wei", 4.0), ("Ann", 2.5)]);
    let json = serde_json::to_string(&team).expect("fixture");
    assert_eq!(json, r#"{"people":[{"name":"Li Wei","capacity":4.0},{"name":"Ann","capacity":2.5}]}"#);
    assert_eq!(serde_json::from_str::<Team>(&json).expect("fixture"), team);
}
