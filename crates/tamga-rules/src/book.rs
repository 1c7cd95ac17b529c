//! The wind-down planner: which relationships of a customer book depend on
//! licences that expire soon, and the exposure of the whole book.

use crate::csvfile::CsvFile;
use crate::decide::{DecisionRequest, Nexus, Outcome, Party, Role, RulesEngine};
use crate::{Date, RulesError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use tamga_matcher::NameScorer;
use tamga_model::Regime;
use tamga_screen::Screener;

/// One relationship of a customer book.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookRow {
    /// Line in the file.
    pub line: u64,
    /// Customer id.
    pub customer_id: String,
    /// Counterparty name or entity id (`<source>:<id>`).
    pub counterparty: String,
    /// Counterparty country (ISO alpha-2), also taken as a jurisdiction.
    pub country: String,
    /// Exposure amount.
    pub amount: f64,
    /// Currency of the amount (ISO 4217), also a nexus fact.
    pub currency: String,
    /// Activity codes.
    pub activities: Vec<String>,
    /// Nexus flags.
    pub us_person: bool,
    /// EU person involved.
    pub eu_person: bool,
    /// UK person involved.
    pub uk_person: bool,
    /// Goods origin, if given.
    pub goods_origin: Option<String>,
    /// Further jurisdictions the relationship touches (routing, loading).
    pub jurisdictions: Vec<String>,
}

/// Reads a customer book.
///
/// CSV with a header; columns (case-insensitive): `customer_id`,
/// `counterparty` (name, or entity id such as `us_ofac_cons:17248`),
/// `country` (ISO alpha-2), `amount`, `currency`, and optionally
/// `activity` (codes separated by `;`), `us_person` / `eu_person` /
/// `uk_person` (`true`/`false`), `goods_origin`, `jurisdictions` (further
/// ISO codes separated by `;`, e.g. `KZ;RU` for crude loaded in Russia).
/// `#` starts a comment line.
pub fn read_book(path: &Path) -> Result<Vec<BookRow>, RulesError> {
    let mut csv = CsvFile::open(path)?;
    let file = csv.file.clone();
    let (c_id, c_cp, c_country, c_amount, c_cur) = (
        csv.need("customer_id")?,
        csv.need("counterparty")?,
        csv.need("country")?,
        csv.need("amount")?,
        csv.need("currency")?,
    );
    let (c_act, c_us, c_eu, c_uk, c_origin, c_juris) = (
        csv.col("activity"),
        csv.col("us_person"),
        csv.col("eu_person"),
        csv.col("uk_person"),
        csv.col("goods_origin"),
        csv.col("jurisdictions"),
    );
    let mut rows = Vec::new();
    for record in csv.records() {
        let (line, record) = record?;
        let get = |c: Option<usize>| {
            c.and_then(|c| record.get(c))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let flag = |c: Option<usize>, name: &str| -> Result<bool, RulesError> {
            match get(c).to_ascii_lowercase().as_str() {
                "" | "false" | "no" | "0" => Ok(false),
                "true" | "yes" | "1" => Ok(true),
                other => Err(RulesError::at(
                    &file,
                    line,
                    name,
                    format!("not a boolean: {other:?}"),
                )),
            }
        };
        let counterparty = get(Some(c_cp));
        if counterparty.is_empty() {
            return Err(RulesError::at(&file, line, "counterparty", "empty"));
        }
        let amount_text = get(Some(c_amount));
        let amount: f64 = amount_text.replace('_', "").parse().map_err(|_| {
            RulesError::at(
                &file,
                line,
                "amount",
                format!("not a number: {amount_text:?}"),
            )
        })?;
        let currency = get(Some(c_cur)).to_ascii_uppercase();
        if currency.len() != 3 {
            return Err(RulesError::at(
                &file,
                line,
                "currency",
                format!("not an ISO 4217 code: {currency:?}"),
            ));
        }
        let origin = get(c_origin);
        rows.push(BookRow {
            line,
            customer_id: get(Some(c_id)),
            counterparty,
            country: get(Some(c_country)).to_ascii_uppercase(),
            amount,
            currency,
            activities: get(c_act)
                .split(';')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect(),
            us_person: flag(c_us, "us_person")?,
            eu_person: flag(c_eu, "eu_person")?,
            uk_person: flag(c_uk, "uk_person")?,
            goods_origin: (!origin.is_empty()).then_some(origin),
            jurisdictions: get(c_juris)
                .split(';')
                .map(|j| j.trim().to_ascii_uppercase())
                .filter(|j| !j.is_empty())
                .collect(),
        });
    }
    Ok(rows)
}

/// Count and amounts (per currency: never summed across currencies).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bucket {
    /// Relationships.
    pub count: usize,
    /// Amount per currency.
    pub amounts: BTreeMap<String, f64>,
}

impl Bucket {
    fn add(&mut self, row: &BookRow) {
        self.count += 1;
        *self.amounts.entry(row.currency.clone()).or_insert(0.0) += row.amount;
    }
}

/// Exposure summary of a book on a date.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Exposure {
    /// By overall outcome.
    pub by_decision: BTreeMap<Outcome, Bucket>,
    /// By regime, then outcome (applicable regimes only).
    pub by_regime: BTreeMap<Regime, BTreeMap<Outcome, Bucket>>,
    /// By counterparty country, then overall outcome.
    pub by_country: BTreeMap<String, BTreeMap<Outcome, Bucket>>,
}

/// A relationship that depends on a licence expiring within the window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dependency {
    /// Line in the book.
    pub line: u64,
    /// Customer.
    pub customer_id: String,
    /// Counterparty as given.
    pub counterparty: String,
    /// Country.
    pub country: String,
    /// Amount.
    pub amount: f64,
    /// Currency.
    pub currency: String,
    /// Regime.
    pub regime: Regime,
    /// Licence relied upon.
    pub licence: String,
    /// Its last day of effect.
    pub expires: Date,
    /// Days left from the planning date.
    pub days_remaining: i64,
    /// Outcome under that regime the day after expiry.
    pub after_expiry: Outcome,
}

/// The planner's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WindDownPlan {
    /// Planning date.
    pub date: Date,
    /// Window in days.
    pub within_days: i64,
    /// Relationships depending on expiring licences, soonest first.
    pub dependencies: Vec<Dependency>,
    /// Exposure of the whole book on `date`.
    pub exposure: Exposure,
}

/// Parses a window such as `30d`, `6w` or `45` (days).
pub fn parse_window(text: &str) -> Option<i64> {
    let t = text.trim().to_ascii_lowercase();
    let (num, mult) = if let Some(n) = t.strip_suffix('d') {
        (n, 1)
    } else if let Some(n) = t.strip_suffix('w') {
        (n, 7)
    } else {
        (t.as_str(), 1)
    };
    num.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n >= 0)
        .map(|n| n * mult)
}

impl RulesEngine {
    /// The request a book row stands for on `date`.
    pub fn book_request(row: &BookRow, date: Date) -> DecisionRequest {
        let counterparty = if row.counterparty.contains(':') && !row.counterparty.contains(' ') {
            Party {
                entity_id: Some(row.counterparty.clone()),
                role: Role::Counterparty,
                ..Party::default()
            }
        } else {
            Party {
                name: Some(row.counterparty.clone()),
                role: Role::Counterparty,
                country: (!row.country.is_empty()).then(|| row.country.clone()),
                ..Party::default()
            }
        };
        DecisionRequest {
            id: Some(format!("{}@{}", row.customer_id, row.line)),
            date,
            parties: vec![counterparty],
            activities: row.activities.clone(),
            nexus: Nexus {
                currency: Some(row.currency.clone()),
                us_person: row.us_person,
                eu_person: row.eu_person,
                uk_person: row.uk_person,
                jurisdictions: {
                    let mut j: Vec<String> = Vec::new();
                    if !row.country.is_empty() {
                        j.push(row.country.clone());
                    }
                    j.extend(
                        row.jurisdictions
                            .iter()
                            .filter(|x| **x != row.country)
                            .cloned(),
                    );
                    j
                },
            },
            goods_origin: row.goods_origin.clone(),
            thresholds: None,
        }
    }

    /// Plans the wind-down of a book: decides every row on `date`, lists the
    /// rows authorised under a licence whose last day falls within
    /// `within_days`, with the outcome the day after it expires.
    pub fn plan_wind_down<S: NameScorer>(
        &self,
        screener: &Screener<S>,
        rows: &[BookRow],
        date: Date,
        within_days: i64,
    ) -> Result<WindDownPlan, RulesError> {
        let mut exposure = Exposure::default();
        let mut dependencies = Vec::new();
        for row in rows {
            let report = self
                .decide(screener, &Self::book_request(row, date))
                .map_err(|e| RulesError::Request {
                    field: format!("book line {}", row.line),
                    message: e.to_string(),
                })?;
            exposure
                .by_decision
                .entry(report.overall)
                .or_default()
                .add(row);
            exposure
                .by_country
                .entry(if row.country.is_empty() {
                    "??".into()
                } else {
                    row.country.clone()
                })
                .or_default()
                .entry(report.overall)
                .or_default()
                .add(row);
            for r in &report.regimes {
                if r.outcome != Outcome::NotApplicable {
                    exposure
                        .by_regime
                        .entry(r.regime)
                        .or_default()
                        .entry(r.outcome)
                        .or_default()
                        .add(row);
                }
                let Some(l) = &r.licence else { continue };
                let Some(expires) = l.expires else { continue };
                let left = date.days_until(expires);
                if left > within_days {
                    continue;
                }
                let after =
                    self.decide(screener, &Self::book_request(row, expires.plus_days(1)))?;
                dependencies.push(Dependency {
                    line: row.line,
                    customer_id: row.customer_id.clone(),
                    counterparty: row.counterparty.clone(),
                    country: row.country.clone(),
                    amount: row.amount,
                    currency: row.currency.clone(),
                    regime: r.regime,
                    licence: l.id.clone(),
                    expires,
                    days_remaining: left,
                    after_expiry: after
                        .regime(r.regime)
                        .map(|x| x.outcome)
                        .unwrap_or(Outcome::Clear),
                });
            }
        }
        dependencies.sort_by(|a, b| a.expires.cmp(&b.expires).then(a.line.cmp(&b.line)));
        Ok(WindDownPlan {
            date,
            within_days,
            dependencies,
            exposure,
        })
    }
}
