//! Parser for the free-text `Remarks` field of the OFAC legacy CSV files.
//!
//! OFAC's legacy CSV has no columns for dates of birth, identity documents,
//! weak aliases or links between entries: all of that is packed into one
//! remarks string of `;`-separated clauses ending in `.`, e.g.
//!
//! ```text
//! DOB 19 Jun 1951; POB Giza, Egypt; Passport 1084010 (Egypt); alt. Passport 19820215;
//! a.k.a. 'BNC'; Linked To: LAZARUS GROUP.
//! ```
//!
//! [`parse_remarks`] turns the clauses it understands into typed values. It
//! never fails and never panics: a clause it does not understand is returned
//! in [`ParsedRemarks::unparsed`], and the loader always keeps the full
//! remarks text in [`Entity::remarks`] so nothing published is lost.

use std::collections::BTreeMap;
use tamga_model::{BirthDate, Entity, Identifier, Name, NameKind, RelationKind, Relationship};

/// Everything [`parse_remarks`] understood in one remarks string.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedRemarks {
    /// `DOB …` (persons) and `Organization Established Date …` (organisations).
    pub birth_dates: Vec<BirthDate>,
    /// `POB …`.
    pub birth_places: Vec<String>,
    /// `nationality …`.
    pub nationalities: Vec<String>,
    /// `citizen …`.
    pub citizenships: Vec<String>,
    /// `Gender Male` / `Gender Female`, lower-cased.
    pub gender: Option<String>,
    /// Documents and registration numbers.
    pub identifiers: Vec<Identifier>,
    /// Quoted `a.k.a. '…'` / `f.k.a. '…'` / `n.k.a. '…'` names. OFAC's
    /// convention is that aliases kept in remarks (rather than in `alt.csv`)
    /// are its "weak" aliases, so they are marked [`NameQuality::Weak`](tamga_model::NameQuality::Weak).
    pub names: Vec<Name>,
    /// `Linked To: NAME`.
    pub relationships: Vec<Relationship>,
    /// Other recognised facts (website, vessel and aircraft data, …) by key.
    pub properties: BTreeMap<String, Vec<String>>,
    /// Clauses that were not understood, as published.
    pub unparsed: Vec<String>,
}

impl ParsedRemarks {
    /// Adds everything parsed to `entity`, without duplicating values it
    /// already holds (remarks and the structured columns sometimes overlap).
    pub fn apply_to(self, entity: &mut Entity) {
        for date in self.birth_dates {
            if !entity.birth_dates.contains(&date) {
                entity.birth_dates.push(date);
            }
        }
        extend_unique(&mut entity.birth_places, self.birth_places);
        extend_unique(&mut entity.nationalities, self.nationalities);
        extend_unique(&mut entity.citizenships, self.citizenships);
        if entity.gender.is_none() {
            entity.gender = self.gender;
        }
        for id in self.identifiers {
            if !entity.identifiers.contains(&id) {
                entity.identifiers.push(id);
            }
        }
        for name in self.names {
            entity.push_name(name);
        }
        entity.relationships.extend(self.relationships);
        for (key, values) in self.properties {
            for value in values {
                entity.push_property(&key, value);
            }
        }
    }
}

fn extend_unique(into: &mut Vec<String>, values: Vec<String>) {
    for value in values {
        if !into.contains(&value) {
            into.push(value);
        }
    }
}

/// What a recognised clause label means.
#[derive(Clone, Copy)]
enum Action {
    /// An identifier of this normalised type.
    Id(&'static str),
    /// A free-form property under this key; the value is the rest of the clause.
    Prop(&'static str),
}

/// Clause labels that introduce an identifier or a property. Matching takes
/// the longest label that prefixes the clause, so `Identification Number IMO`
/// wins over `Identification Number`.
const LABELS: &[(&str, Action)] = &[
    ("Passport", Action::Id("passport")),
    ("Diplomatic Passport", Action::Id("passport")),
    ("National ID No.", Action::Id("national_id")),
    ("National Foreign ID Number", Action::Id("national_id")),
    ("Personal ID Card", Action::Id("national_id")),
    ("Cedula No.", Action::Id("national_id")),
    ("D.N.I.", Action::Id("national_id")),
    ("C.U.I.", Action::Id("national_id")),
    ("C.U.R.P.", Action::Id("national_id")),
    ("Credencial electoral", Action::Id("national_id")),
    ("Residency Number", Action::Id("residency")),
    ("Birth Certificate Number", Action::Id("birth_certificate")),
    ("Driver's License No.", Action::Id("driver_license")),
    ("SSN", Action::Id("ssn")),
    ("Tax ID No.", Action::Id("tax_id")),
    ("NIT #", Action::Id("tax_id")),
    ("RUC #", Action::Id("tax_id")),
    ("RIF #", Action::Id("tax_id")),
    ("R.F.C.", Action::Id("tax_id")),
    ("V.A.T. Number", Action::Id("vat")),
    ("INN", Action::Id("inn")),
    ("OGRN", Action::Id("ogrn")),
    ("Registration Number", Action::Id("registration")),
    ("Registration ID", Action::Id("registration")),
    ("Business Registration Number", Action::Id("registration")),
    (
        "Business Registration Document #",
        Action::Id("registration"),
    ),
    ("Business Number", Action::Id("registration")),
    ("Public Registration Number", Action::Id("registration")),
    ("Commercial Registry Number", Action::Id("registration")),
    ("Company Number", Action::Id("registration")),
    ("UK Company Number", Action::Id("registration")),
    (
        "Unified Social Credit Code (USCC)",
        Action::Id("registration"),
    ),
    ("Trade License No.", Action::Id("registration")),
    ("Folio Mercantil No.", Action::Id("registration")),
    ("Matricula Mercantil No", Action::Id("registration")),
    ("C.R. No.", Action::Id("registration")),
    (
        "Economic Register Number (CBLS)",
        Action::Id("registration"),
    ),
    ("Chamber of Commerce Number", Action::Id("registration")),
    (
        "Central Registration System Number",
        Action::Id("registration"),
    ),
    ("Istanbul Chamber of Comm. No.", Action::Id("registration")),
    ("Government Gazette Number", Action::Id("okpo")),
    ("Legal Entity Number", Action::Id("lei")),
    ("D-U-N-S Number", Action::Id("duns")),
    ("Identification Number", Action::Id("identification")),
    ("Vessel Registration Identification IMO", Action::Id("imo")),
    ("Identification Number IMO", Action::Id("imo")),
    ("Company Number IMO", Action::Id("imo")),
    ("IMO", Action::Id("imo")),
    ("MMSI", Action::Id("mmsi")),
    ("SWIFT/BIC", Action::Id("swift_bic")),
    ("BIK (RU)", Action::Id("bik")),
    ("ISIN", Action::Id("isin")),
    ("Aircraft Tail Number", Action::Id("aircraft_tail_number")),
    ("License", Action::Id("license")),
    ("Permit Number", Action::Id("permit")),
    (
        "Dubai Chamber of Commerce Membership No.",
        Action::Id("registration"),
    ),
    (
        "Certificate of Incorporation Number",
        Action::Id("registration"),
    ),
    (
        "United Social Credit Code Certificate (USCCC)",
        Action::Id("registration"),
    ),
    ("Enterprise Number", Action::Id("registration")),
    ("Branch Unit Number", Action::Id("registration")),
    ("Registered Charity No.", Action::Id("registration")),
    ("US FEIN", Action::Id("tax_id")),
    ("C.U.I.T.", Action::Id("tax_id")),
    ("RTN", Action::Id("tax_id")),
    ("Numero de Identidad", Action::Id("national_id")),
    ("Turkish Identification Number", Action::Id("national_id")),
    ("Citizen's Card Number", Action::Id("national_id")),
    ("LE Number", Action::Id("national_id")),
    ("I.F.E.", Action::Id("national_id")),
    (
        "Cartilla de Servicio Militar Nacional",
        Action::Id("military_id"),
    ),
    ("Travel Document Number", Action::Id("travel_document")),
    ("PHONE", Action::Prop("phone")),
    (
        "Chinese Commercial Code",
        Action::Prop("chinese_commercial_code"),
    ),
    (
        "Nationality of Registration",
        Action::Prop("nationality_of_registration"),
    ),
    ("Position", Action::Prop("position")),
    // Property keys as `ofac_xml::property_key` derives them from the same
    // labels in sdn.xml / Advanced XML, so all OFAC formats agree.
    (
        "Executive Order 13662 Directive Determination",
        Action::Prop("executive_order_13662_directive_determination"),
    ),
    (
        "Executive Order 14024 Directive Information",
        Action::Prop("executive_order_14024_directive_information"),
    ),
    (
        "Executive Order 14014 Directive Information",
        Action::Prop("executive_order_14014_directive_information"),
    ),
    (
        "Executive Order 14059 information",
        Action::Prop("executive_order_14059_information"),
    ),
    (
        "CAATSA Section 235 Information",
        Action::Prop("caatsa_section_235_information"),
    ),
    ("Website", Action::Prop("website")),
    ("Email Address", Action::Prop("email")),
    ("Phone Number", Action::Prop("phone")),
    ("Telephone", Action::Prop("phone")),
    ("Telephone Number", Action::Prop("phone")),
    ("Fax", Action::Prop("fax")),
    ("Fax Number", Action::Prop("fax")),
    ("Equity Ticker", Action::Prop("equity_ticker")),
    ("Organization Type", Action::Prop("organization_type")),
    ("Target Type", Action::Prop("target_type")),
    (
        "Secondary sanctions risk",
        Action::Prop("secondary_sanctions_risk"),
    ),
    (
        "Additional Sanctions Information",
        Action::Prop("additional_sanctions_information"),
    ),
    (
        "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions",
        Action::Prop("transactions_prohibited"),
    ),
    ("Listing Date", Action::Prop("listing_date")),
    ("Effective Date", Action::Prop("effective_date")),
    ("Vessel Year of Build", Action::Prop("vessel_build_year")),
    ("Former Vessel Flag", Action::Prop("vessel_former_flag")),
    ("Other Vessel Flag", Action::Prop("vessel_other_flag")),
    (
        "Other Vessel Call Sign",
        Action::Prop("vessel_other_call_sign"),
    ),
    ("Other Vessel Type", Action::Prop("vessel_other_type")),
    ("Vessel Type", Action::Prop("vessel_type")),
    ("Vessel Flag", Action::Prop("vessel_flag")),
    (
        "Aircraft Manufacture Date",
        Action::Prop("aircraft_manufacture_date"),
    ),
    ("Aircraft Model", Action::Prop("aircraft_model")),
    ("Aircraft Operator", Action::Prop("aircraft_operator")),
    (
        "Aircraft Manufacturer's Serial Number (MSN)",
        Action::Prop("aircraft_msn"),
    ),
    (
        "Aircraft Construction Number (also called L/N or S/N or F/N)",
        Action::Prop("aircraft_construction_number"),
    ),
    (
        "Aircraft Mode S Transponder Code",
        Action::Prop("aircraft_mode_s"),
    ),
    (
        "Previous Aircraft Tail Number",
        Action::Prop("aircraft_previous_tail_number"),
    ),
];

/// Parses one OFAC remarks string. Never fails; see the module docs.
pub fn parse_remarks(text: &str) -> ParsedRemarks {
    let mut out = ParsedRemarks::default();
    let text = text.trim();
    // The whole string ends with one full stop; clause values never repeat it
    // (OFAC writes `Linked To: X CO., LTD.` with a single dot).
    let body = text.strip_suffix('.').unwrap_or(text);
    let clause_count = body.split(';').count();
    for (index, raw) in body.split(';').enumerate() {
        let clause = raw.trim();
        if clause.is_empty() {
            continue;
        }
        let last = index + 1 == clause_count;
        parse_clause(clause, last, &mut out);
    }
    out
}

fn parse_clause(clause: &str, last: bool, out: &mut ParsedRemarks) {
    // `alt. Passport …` lists a further value of the same kind.
    let body = clause.strip_prefix("alt. ").unwrap_or(clause).trim();
    if let Some(rest) = body.strip_prefix("DOB ") {
        if let Some(date) = parse_date_phrase(rest) {
            out.birth_dates.push(date);
            return;
        }
    } else if let Some(rest) = body.strip_prefix("Organization Established Date ") {
        if let Some(date) = parse_date_phrase(rest) {
            out.birth_dates.push(date);
            return;
        }
    } else if let Some(rest) = body.strip_prefix("POB ") {
        push_text(&mut out.birth_places, rest);
        return;
    } else if let Some(rest) = strip_word(body, "nationality") {
        push_text(&mut out.nationalities, rest.trim_start_matches(':'));
        return;
    } else if let Some(rest) = strip_word(body, "citizen") {
        push_text(&mut out.citizenships, rest.trim_start_matches(':'));
        return;
    } else if let Some(rest) = body.strip_prefix("Gender ") {
        let gender = rest.trim().to_ascii_lowercase();
        if gender == "male" || gender == "female" {
            out.gender = Some(gender);
            return;
        }
    } else if let Some(rest) = body.strip_prefix("Linked To:") {
        let mut target = rest.trim().to_string();
        if last && ends_with_abbreviation(&target) {
            // The final full stop stripped in `parse_remarks` also ended the name.
            target.push('.');
        }
        if !target.is_empty() {
            out.relationships.push(crate::xmlrec::named_relationship(
                RelationKind::LinkedTo,
                target,
                None,
            ));
            return;
        }
    } else if let Some((kind, quoted)) = alias_clause(body) {
        if let Some(name) = unquote(quoted) {
            out.names.push(Name::new(name, kind).weak());
            return;
        }
    } else if let Some(rest) = body.strip_prefix("Digital Currency Address - ") {
        if let Some((currency, address)) = rest.trim().split_once(' ') {
            if !address.trim().is_empty() {
                out.identifiers.push(Identifier {
                    id_type: "crypto".into(),
                    number: address.trim().to_string(),
                    note: Some(currency.to_string()),
                    ..Identifier::default()
                });
                return;
            }
        }
    } else if let Some((label, action)) = longest_label(body) {
        let rest = body[label.len()..].trim_start_matches([':', ' ']).trim();
        if !rest.is_empty() {
            match action {
                Action::Id(id_type) => out.identifiers.push(parse_identifier(id_type, rest)),
                Action::Prop(key) => {
                    out.properties
                        .entry(key.to_string())
                        .or_default()
                        .push(rest.to_string());
                }
            }
            return;
        }
    }
    out.unparsed.push(clause.to_string());
}

/// `word` followed by a space or colon.
fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(word)?;
    if rest.starts_with(' ') || rest.starts_with(':') {
        Some(rest.trim_start_matches(':').trim())
    } else {
        None
    }
}

fn push_text(into: &mut Vec<String>, value: &str) {
    let value = value.trim();
    if !value.is_empty() {
        into.push(value.to_string());
    }
}

fn ends_with_abbreviation(name: &str) -> bool {
    let last = name.rsplit([' ', ',']).next().unwrap_or("");
    matches!(
        last,
        "LTD" | "INC" | "CO" | "CORP" | "LTDA" | "Ltd" | "Inc" | "Co"
    ) || (last.len() > 1 && last.contains('.'))
}

fn alias_clause(body: &str) -> Option<(NameKind, &str)> {
    for (prefix, kind) in [
        ("a.k.a.", NameKind::Aka),
        ("f.k.a.", NameKind::Fka),
        ("n.k.a.", NameKind::Nka),
    ] {
        if let Some(rest) = body.strip_prefix(prefix) {
            return Some((kind, rest.trim()));
        }
    }
    None
}

fn unquote(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('\'')?;
    let inner = inner.strip_suffix('\'').unwrap_or(inner).trim();
    (!inner.is_empty()).then_some(inner)
}

fn longest_label(body: &str) -> Option<(&'static str, Action)> {
    let first = *body.as_bytes().first()?;
    let mut best: Option<(&'static str, Action)> = None;
    for &(label, action) in LABELS {
        if label.as_bytes()[0] != first || !body.starts_with(label) {
            continue;
        }
        // The label must end at a word boundary: `INN` must not match `INNOVATION`.
        let next = body.as_bytes().get(label.len()).copied();
        if !matches!(next, None | Some(b' ') | Some(b':')) {
            continue;
        }
        if best.is_none_or(|(b, _)| label.len() > b.len()) {
            best = Some((label, action));
        }
    }
    best
}

/// Splits `NUMBER (Country) issued DATE expires DATE` into its parts.
fn parse_identifier(id_type: &str, rest: &str) -> Identifier {
    let cut = [" issued ", " expires ", " Issue Date "]
        .iter()
        .filter_map(|m| rest.find(m))
        .min();
    let (head, note) = match cut {
        Some(at) => (rest[..at].trim(), Some(rest[at..].trim().to_string())),
        None => (rest, None),
    };
    let (number, country) = match head.strip_suffix(')').and_then(|h| h.rsplit_once('(')) {
        Some((number, country)) if !number.trim().is_empty() => {
            (number.trim(), Some(country.trim().to_string()))
        }
        _ => (head, None),
    };
    Identifier {
        id_type: id_type.to_string(),
        number: number.to_string(),
        country,
        known_false: false,
        note,
    }
}

/// Month abbreviations as OFAC writes them.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Parses a date phrase as published after `DOB`: `20 Jul 1957`, `Jul 1957`,
/// `1957`, `circa 1960`, `circa 07 Jul 1966`, `1958 to 1962`,
/// `01 Jan 1961 to 31 Dec 1962`, `circa 1979-1982`.
///
/// Ranges keep only their years (the model's [`BirthDate::Range`] is by
/// year); `circa` with a full date keeps its year as [`BirthDate::Approximate`].
pub fn parse_date_phrase(text: &str) -> Option<BirthDate> {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix("circa ") {
        let rest = rest.trim();
        if let Some((a, b)) = rest.split_once('-') {
            let from = parse_year(a)?;
            let to = parse_year(b)?;
            return (from <= to).then_some(BirthDate::Range { from, to });
        }
        if let Some(BirthDate::Range { from, to }) = parse_date_phrase(rest) {
            return Some(BirthDate::Range { from, to });
        }
        return single_date(rest).map(|d| BirthDate::Approximate {
            year: d.year_range().0,
        });
    }
    if let Some((a, b)) = text.split_once(" to ") {
        let from = single_date(a)?.year_range().0;
        let to = single_date(b)?.year_range().0;
        return (from <= to).then_some(BirthDate::Range { from, to });
    }
    single_date(text)
}

/// `20 Jul 1957`, `Jul 1957` or `1957`.
fn single_date(text: &str) -> Option<BirthDate> {
    let mut words = text.split_whitespace();
    let parts: [Option<&str>; 4] = [words.next(), words.next(), words.next(), words.next()];
    match parts {
        [Some(year), None, None, None] => Some(BirthDate::Year {
            year: parse_year(year)?,
        }),
        [Some(month), Some(year), None, None] => Some(BirthDate::Month {
            year: parse_year(year)?,
            month: parse_month(month)?,
        }),
        [Some(day), Some(month), Some(year), None] => {
            let day: u8 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
            if !day_digits_ok(parts[0]?) {
                return None;
            }
            Some(BirthDate::Exact {
                year: parse_year(year)?,
                month: parse_month(month)?,
                day,
            })
        }
        _ => None,
    }
}

fn day_digits_ok(day: &str) -> bool {
    (1..=2).contains(&day.len()) && day.bytes().all(|b| b.is_ascii_digit())
}

fn parse_year(text: &str) -> Option<i32> {
    let text = text.trim();
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn parse_month(text: &str) -> Option<u8> {
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(text))
        .map(|i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn date_phrases_in_every_published_form() {
        use BirthDate::*;
        let cases = [
            (
                "20 Jul 1957",
                Exact {
                    year: 1957,
                    month: 7,
                    day: 20,
                },
            ),
            (
                "Jul 1957",
                Month {
                    year: 1957,
                    month: 7,
                },
            ),
            ("1957", Year { year: 1957 }),
            ("circa 1960", Approximate { year: 1960 }),
            ("circa 07 Jul 1966", Approximate { year: 1966 }),
            (
                "1958 to 1962",
                Range {
                    from: 1958,
                    to: 1962,
                },
            ),
            (
                "01 Jan 1961 to 31 Dec 1962",
                Range {
                    from: 1961,
                    to: 1962,
                },
            ),
            (
                "Mar 1962 to Feb 1963",
                Range {
                    from: 1962,
                    to: 1963,
                },
            ),
            (
                "circa 1979-1982",
                Range {
                    from: 1979,
                    to: 1982,
                },
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date_phrase(text), Some(want), "{text}");
        }
        assert_eq!(parse_date_phrase("1962 to 1958"), None);
        assert_eq!(parse_date_phrase("32 Jul 1957"), None);
        assert_eq!(parse_date_phrase("20 Juli 1957"), None);
        assert_eq!(parse_date_phrase("57"), None);
    }

    #[test]
    fn identifier_country_and_dates_are_split() {
        let id = parse_identifier(
            "passport",
            "G 649385 issued 08 Sep 2006 expires 17 Jul 2011",
        );
        assert_eq!(id.number, "G 649385");
        assert_eq!(id.country, None);
        assert_eq!(
            id.note.as_deref(),
            Some("issued 08 Sep 2006 expires 17 Jul 2011")
        );
        let id = parse_identifier("registration", "HRA 738077 (Stuttgart) (Germany)");
        assert_eq!(id.number, "HRA 738077 (Stuttgart)");
        assert_eq!(id.country.as_deref(), Some("Germany"));
    }

    #[test]
    fn label_matching_prefers_the_longest_label() {
        // Real clauses of the 2023-12-28 SDN remarks.
        let parsed = parse_remarks(
            "Identification Number IMO 5342883; Identification Number 2.194.575 (Paraguay); ICTY indictee at large.",
        );
        let types: Vec<_> = parsed
            .identifiers
            .iter()
            .map(|i| i.id_type.as_str())
            .collect();
        assert_eq!(types, vec!["imo", "identification"]);
        assert_eq!(parsed.identifiers[1].country.as_deref(), Some("Paraguay"));
        assert_eq!(parsed.unparsed, vec!["ICTY indictee at large".to_string()]);
    }

    fn month_name() -> impl Strategy<Value = (u8, &'static str)> {
        (0usize..12).prop_map(|i| (i as u8 + 1, MONTHS[i]))
    }

    proptest! {
        #[test]
        fn never_panics_on_arbitrary_text(text in "\\PC*") {
            let _ = parse_remarks(&text);
        }

        #[test]
        fn never_panics_on_clause_like_text(text in "((alt\\. )?(DOB|POB|Passport|a\\.k\\.a\\.|Linked To:|nationality|Digital Currency Address -|circa) ?[ -~]{0,20}[;.]?){0,6}") {
            let _ = parse_remarks(&text);
        }

        #[test]
        fn generated_dob_phrases_round_trip(
            form in 0u8..9,
            day in 1u8..=28,
            (month, mon) in month_name(),
            year in 1900i32..2020,
            span in 0i32..6,
        ) {
            let (phrase, want) = match form {
                0 => (format!("{day:02} {mon} {year}"), BirthDate::Exact { year, month, day }),
                1 => (format!("{mon} {year}"), BirthDate::Month { year, month }),
                2 => (format!("{year}"), BirthDate::Year { year }),
                3 => (format!("circa {year}"), BirthDate::Approximate { year }),
                4 => (format!("{year} to {}", year + span), BirthDate::Range { from: year, to: year + span }),
                5 => (
                    format!("{day:02} {mon} {year} to {day:02} {mon} {}", year + span),
                    BirthDate::Range { from: year, to: year + span },
                ),
                6 => (
                    format!("{mon} {year} to {mon} {}", year + span),
                    BirthDate::Range { from: year, to: year + span },
                ),
                7 => (format!("circa {day:02} {mon} {year}"), BirthDate::Approximate { year }),
                _ => (
                    format!("circa {year}-{}", year + span),
                    BirthDate::Range { from: year, to: year + span },
                ),
            };
            let remarks = format!("DOB {phrase}; alt. DOB {phrase}; POB Somewhere.");
            let parsed = parse_remarks(&remarks);
            prop_assert_eq!(&parsed.birth_dates, &vec![want.clone(), want]);
            prop_assert!(parsed.unparsed.is_empty(), "{:?}", parsed.unparsed);
        }
    }
}
