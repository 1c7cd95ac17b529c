//! The wind-down planner on the example customer book.

mod common;

use common::{data, world};
use tamga_model::Regime;
use tamga_rules::{parse_window, read_book, Date, Outcome};

#[test]
fn planner_finds_relationships_depending_on_expiring_licences() {
    let w = world();
    let rows = read_book(&data("ownership/example_customer_book.csv")).unwrap();
    assert_eq!(rows.len(), 6);
    let date = Date::parse("2025-11-01").unwrap();
    let plan = w
        .engine
        .plan_wind_down(&w.screener, &rows, date, parse_window("30d").unwrap())
        .unwrap();
    // Only C001 (USD: US regime, GL 126) depends on an expiring licence; C006
    // pays in GBP, so the US regime and its licence do not apply to it.
    assert_eq!(plan.dependencies.len(), 1, "{:#?}", plan.dependencies);
    let dep = &plan.dependencies[0];
    assert_eq!((dep.customer_id.as_str(), dep.regime), ("C001", Regime::Us));
    assert_eq!(dep.licence, "US-OFAC-GL-126");
    assert_eq!(dep.days_remaining, 19);
    assert_eq!(dep.after_expiry, Outcome::Blocked);

    // A 10-day window ends before GL 126's last day.
    let narrow = w
        .engine
        .plan_wind_down(&w.screener, &rows, date, 10)
        .unwrap();
    assert!(narrow.dependencies.is_empty());

    let by = &plan.exposure.by_decision;
    assert_eq!(by[&Outcome::Authorised].count, 2, "{by:#?}"); // C001 (GL 126), C002 (GL 124B)
    assert_eq!(by[&Outcome::Authorised].amounts["USD"], 9_250_000.0);
    assert_eq!(by[&Outcome::Blocked].count, 1); // C004, UN listing
    assert_eq!(by[&Outcome::Review].count, 1); // C005, unknown stake
    assert_eq!(by[&Outcome::Clear].count, 2); // C003; C006 (UK: Lukoil not UK-listed in the bundled data)
    assert_eq!(
        plan.exposure.by_country["KZ"][&Outcome::Authorised].count,
        2
    );
    assert_eq!(
        plan.exposure.by_regime[&Regime::Un][&Outcome::Blocked].count,
        1
    );
}

#[test]
fn book_errors_name_file_line_and_field() {
    let dir = std::env::temp_dir().join(format!("tamga-book-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("book.csv");
    std::fs::write(
        &path,
        "customer_id,counterparty,country,amount,currency\nC1,TURGAI PETROLEUM,KZ,12x,USD\n",
    )
    .unwrap();
    let err = read_book(&path).unwrap_err().to_string();
    assert!(
        err.contains("book.csv:2") && err.contains("`amount`"),
        "{err}"
    );
    assert_eq!(parse_window("30d"), Some(30));
    assert_eq!(parse_window("2w"), Some(14));
    assert_eq!(parse_window("soon"), None);
}
