use super::*;

#[test]
fn the_defaults_are_valid_and_nonsense_is_refused() {
    assert_eq!(HealthSettings::default().validate(), Ok(()));
    let zero = HealthSettings { share_quarters: 0, ..HealthSettings::default() };
    assert!(matches!(zero.validate(), Err(ThresholdError::OutOfRange { name: "share_quarters", .. })));
    let percent = HealthSettings { share_drop_orange: 15.0, ..HealthSettings::default() };
    assert!(percent.validate().is_err_and(|e| e.to_string().contains("0.15")));
    let crossed = HealthSettings { share_drop_yellow: 0.2, share_drop_orange: 0.1, ..HealthSettings::default() };
    assert!(matches!(crossed.validate(), Err(ThresholdError::Misordered { lower: "share_drop_yellow", .. })));
}

#[test]
fn the_table_lists_every_threshold_once_with_its_texts() {
    let json = serde_json::to_value(HealthSettings::default()).expect("thresholds serialise");
    let fields: Vec<&String> = json.as_object().expect("an object").keys().collect();
    for field in &fields {
        assert_eq!(THRESHOLDS.iter().filter(|t| t.name == field.as_str()).count(), 1, "{field} must be in THRESHOLDS once");
    }
    assert_eq!(THRESHOLDS.len(), fields.len());
    for t in THRESHOLDS {
        let integer = json[t.name].is_u64() || json[t.name].is_i64();
        assert_eq!(t.unit.whole(), integer, "{}: whole units for integer fields only", t.name);
        assert!([t.label_en, t.label_zh, t.reason_en, t.reason_zh].iter().all(|s| !s.trim().is_empty()), "{} lacks a text", t.name);
    }
}

/// At each bound and just beyond it, `validate` agrees with the table.
#[test]
fn the_bounds_are_what_validate_accepts() {
    let defaults = HealthSettings::default();
    for t in THRESHOLDS {
        let default = defaults.get(t.name).expect("a known name");
        assert!(t.bounds.contains(default), "{}: the default {default} is outside its bounds", t.name);
        let step = if t.unit.whole() { 1.0 } else { 0.01 };
        let refused = |value: f64| {
            let mut s = HealthSettings::default();
            s.set(t.name, value).is_err() || s.validate().is_err_and(|e| e.to_string().contains(t.name))
        };
        let below = if t.bounds.min_excluded { t.bounds.min } else { t.bounds.min - step };
        assert!(refused(below), "{}: {below} passes", t.name);
        if t.bounds.max.is_finite() {
            assert!(refused(t.bounds.max + step), "{}: above the maximum passes", t.name);
        }
    }
}

#[test]
fn thresholds_are_read_and_set_by_name() {
    let mut s = HealthSettings::default();
    assert_eq!(s.get("share_drop_orange"), Some(0.10));
    s.set("share_drop_orange", 0.2).expect("a fraction fits");
    s.set("share_quarters", 5.6).expect("quarters round");
    assert_eq!((s.share_drop_orange, s.share_quarters), (0.2, 6));
    assert!(matches!(s.set("no_such_threshold", 1.0), Err(ThresholdError::Unknown { .. })));
    assert!(s.set("share_quarters", -1.0).is_err(), "a negative count does not fit");
    assert_eq!(s.get("no_such_threshold"), None);
}

#[test]
fn a_stored_set_from_an_older_version_keeps_working() {
    let old: HealthSettings = serde_json::from_str(r#"{"share_recent_months": 4, "share_drop_orange": 0.2}"#).expect("old keys ignored");
    assert_eq!(old.share_drop_orange, 0.2);
    assert_eq!(old.share_quarters, HealthSettings::default().share_quarters);
}
