//! Decisions: ownership rules per regime, licences with deadlines, and which
//! regime applies.
//!
//! # Decision model
//!
//! [`RulesEngine::decide`] takes a [`DecisionRequest`] (parties, date,
//! activity codes, nexus facts) and answers, for each regime (UN, US, EU,
//! UK) and overall, one [`Outcome`]:
//!
//! * `not_applicable` — no nexus with the regime;
//! * `clear` — nothing found;
//! * `blocked` — a party is designated (direct listing), owned or controlled
//!   by designated parties (with the ownership path and percentages), or an
//!   activity is prohibited — and no licence in force covers it;
//! * `authorised` — prohibited, but a licence in force on the date covers
//!   every blocking finding (licence id, clauses, expiry, days remaining,
//!   conditions to respect);
//! * `review` — an uncertain name match (score between the review and block
//!   thresholds, defaults 0.70 / 0.90), unknown ownership (a stake without a
//!   percentage, or control only under OFAC), or a non-blocking OFAC
//!   sectoral listing.
//!
//! The overall outcome is the worst applicable one
//! (`blocked` > `review` > `authorised` > `clear`). Every finding carries
//! a human-readable detail naming the list entry, the ownership path, or the
//! prohibition; licences considered and rejected are listed with the reason
//! (expired on …, superseded by …, activity not authorised, …).
//!
//! ## Which regimes apply (nexus)
//!
//! UN always applies. US: payment in USD, a US person involved, or `US`
//! among the jurisdictions. EU: EUR, an EU person, or an EU member state
//! among the jurisdictions. UK: GBP, a UK person, or `GB` among the
//! jurisdictions. This is a screening approximation of each regime's
//! jurisdictional reach, not legal advice.
//!
//! ## Which list feeds which regime
//!
//! [`listing_effect`]: OFAC SDN → US (blocking); OFAC consolidated (non-SDN)
//! → US, blocking only for entries carrying OFAC's E.O. 14024 blocking text
//! ([`EO14024_BLOCKING_MARKER`]: the consolidated list repeats the sectoral
//! entries of Rosneft, Lukoil, … which are *also* SDNs), otherwise
//! `review` (sectoral directives); EU FSF → EU; OFSI / FCDO → UK; UN → every
//! regime (the EU and UK implement UN listings through their own acts; the
//! US designates under the UN Participation Act). OpenSanctions and custom
//! lists add relationships but no legal effect.
//!
//! ## Ownership
//!
//! The [`OwnershipGraph`] holds stakes from the lists (`OwnedBy`, `Owns`,
//! `Controls`, `ControlledBy` relationships; OFAC `Linked To:` is **not**
//! ownership and never blocks) and from user CSV files
//! (`owner,owned,percentage,as_of,source[,control][,joint_arrangement]`,
//! see [`GraphBuilder::load_csv`]). Rules ([`ownership_rule`]):
//!
//! * **US** — OFAC 50 % rule: blocked when designated persons together own
//!   ≥ 50 %, directly or through entities that are themselves blocked; a
//!   blocked entity's whole stake counts (no multiplication down the chain).
//!   Control alone → `review`.
//! * **EU** — "50 % or more of the proprietary rights", aggregated across
//!   designated persons, per the Council's *EU Best Practices for the
//!   effective implementation of restrictive measures* as updated in July
//!   2024 (earlier versions said "more than 50 %"); a `control` flag in the
//!   user data blocks by itself.
//! * **UK** — OFSI: "more than 50 %" of shares or voting rights held by *a*
//!   designated person; holdings of different designated persons are not
//!   aggregated unless a joint arrangement is recorded (`joint_arrangement`
//!   column). A person's holding includes the stakes of entities they
//!   control. Control blocks.
//! * **UN** — no published percentage test; the EU approach is used.
//!
//! Evaluation is a monotone fixed point, so ownership cycles terminate.
//! Missing percentages are evaluated twice — as 0 (lower bound) and as
//! 100 % (upper bound); a party blocked only in the upper bound is
//! `review`, never `clear`. When several sources (or several dated
//! records, as in OpenSanctions `Ownership` histories) give the same
//! owner → owned stake, the largest known percentage is kept, never the sum:
//! the conservative reading, since the data carries no reliable "current"
//! flag. Parties named identically in user data are one party (exact,
//! normalised names; ownership data is never matched fuzzily); `id1|id2`
//! in a CSV cell says two list entries are the same party.
//!
//! Speed: `cargo bench -p tamga-rules --bench ownership` evaluates a
//! synthetic graph of 1 253 247 edges over 513 821 parties, seeded with the
//! 13 821 real entity ids of the bundled OFAC SDN list (lower and upper
//! bound passes included): about 0.26 s (US), 0.28 s (EU) and 0.49 s (UK,
//! one pass per designated person) on the shared 2-core build machine
//! under load. The engine evaluates every regime once when it is built;
//! a decision then only looks parties up.
//!
//! # Licence format (TOML, one document per file)
//!
//! ```toml
//! kind = "licence"            # or "prohibition"
//! id = "US-OFAC-GL-126"
//! regime = "us"               # un | us | eu | uk
//! title = "Authorizing the Wind Down of Transactions Involving Rosneft or Lukoil"
//! issued = "2025-10-22"
//! effective = "2025-10-22"
//! expires = "2025-11-20"      # last day of effect, inclusive; omit = no expiry
//! expires_text = "12:01 a.m. eastern standard time, November 21, 2025"
//! supersedes = "US-OFAC-GL-124A"   # optional; the older one stops on our `effective`
//! source_url = "https://ofac.treasury.gov/…"
//! verified = true             # false + verification_note when not checked
//! verification_note = "…"
//! conditions = ["…"]          # shown to the user when relied upon
//! origin_countries = ["KZ"]   # optional: goods must originate there
//! jurisdictions = ["RU"]      # prohibitions only: applies when RU is involved
//!
//! [[parties]]                 # blocked parties the licence covers
//! entity_ids = ["us_ofac_cons:17248"]
//! names = ["LUKOIL OAO"]
//! clause = "(a)"
//!
//! [[parties]]
//! owned_by = ["us_ofac_cons:17022", "us_ofac_cons:17248"]
//! min_percentage = 50         # "owned 50 % or more … individually or in the aggregate"
//! clause = "(a)"
//!
//! [[related_to]]              # the transaction must involve one of these
//! names = ["CASPIAN PIPELINE CONSORTIUM"]
//!
//! [[activities]]              # authorised (licence) or prohibited (prohibition)
//! code = "wind-down"
//! description = "…"
//! clause = "(a)"
//!
//! [[exclusions]]              # never authorised by this licence
//! code = "interest-transfer"
//! description = "…"
//! clause = "(c)"
//! ```
//!
//! A licence authorises a transaction on date D when it is in force
//! (`effective ≤ D ≤ expires`), not superseded by a licence effective on
//! D, no requested activity is excluded, every requested activity is listed
//! (when it lists any), the goods origin fits, the transaction involves a
//! `related_to` party (when given), and every blocked party is covered by a
//! `parties` entry. Dated the day after `expires`, the same transaction is
//! blocked again, and the report says why. One licence must cover every
//! blocking finding of a regime (licences are not combined); when several
//! do, the one that runs longest is used. Files whose terms could not be
//! checked against the published text carry `verified = false`, which the
//! report passes on.
//!
//! # Wiring (`tamga decide`, `POST /decide`)
//!
//! ```rust,ignore
//! let screener = Screener::new(lists, TamgaScorer);            // any NameScorer
//! let licences = LicenceSet::load_dir(Path::new("data/licences"))?;
//! let engine = RulesEngine::new(screener.entities(), licences, &ownership_csv_files)?;
//! let request: DecisionRequest = serde_json::from_slice(body)?;
//! let report: DecisionReport = engine.decide(&screener, &request)?;  // serde
//! ```
//!
//! Build the engine once per list load (it evaluates every regime's
//! ownership rule up front) and share it read-only: `decide` takes `&self`.
//!
//! # Wind-down planner
//!
//! [`RulesEngine::plan_wind_down`] decides every row of a customer book
//! ([`read_book`]) and lists those authorised under a licence whose last day
//! falls within the window, with the outcome the day after; it also sums the
//! book's exposure by decision, regime and counterparty country (amounts per
//! currency, never converted).

#![warn(missing_docs)]

mod book;
mod csvfile;
mod date;
mod decide;
mod graph;
mod licence;

pub use book::{parse_window, read_book, BookRow, Bucket, Dependency, Exposure, WindDownPlan};
pub use date::Date;
pub use decide::{
    applicable, describe_path, listing_effect, ownership_rule, Candidate, DecisionReport,
    DecisionRequest, LicenceUse, ListingEffect, Nexus, Outcome, Party, PartyResolution, Reason,
    ReasonKind, RegimeDecision, Role, RulesEngine, Thresholds, EO14024_BLOCKING_MARKER,
    EU_MEMBER_STATES, REGIMES,
};
pub use graph::{
    normalise_name, EdgeInfo, Evaluation, GraphBuilder, GraphStats, OwnershipGraph, OwnershipRule,
    OwnershipStatus, PathStep,
};
pub use licence::{Activity, DocumentKind, Licence, LicenceSet, PartyRef};

/// Everything that can go wrong in the rules engine.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RulesError {
    /// A file could not be read.
    #[error("{file}: {message}")]
    Io {
        /// File.
        file: String,
        /// OS error.
        message: String,
    },
    /// A CSV record is wrong.
    #[error("{file}:{line}: field `{field}`: {message}")]
    Record {
        /// File.
        file: String,
        /// 1-based line.
        line: u64,
        /// Column.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// A licence file is wrong.
    #[error("{file}: field `{field}`: {message}")]
    Licence {
        /// File.
        file: String,
        /// Field (with line where known).
        field: String,
        /// What is wrong.
        message: String,
    },
    /// The decision request is wrong.
    #[error("request field `{field}`: {message}")]
    Request {
        /// Field path, e.g. `parties[1].entity_id`.
        field: String,
        /// What is wrong.
        message: String,
    },
}

// The HTTP server shares one engine between request threads.
const _: () = {
    fn shareable<T: Send + Sync>() {}
    let _ = shareable::<RulesEngine>;
};

impl RulesError {
    pub(crate) fn at(file: &str, line: u64, field: &str, message: impl Into<String>) -> RulesError {
        RulesError::Record {
            file: file.to_string(),
            line,
            field: field.to_string(),
            message: message.into(),
        }
    }
}
