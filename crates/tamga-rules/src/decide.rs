//! The decision engine: parties → listings and ownership per regime →
//! licences → one outcome per regime and overall.

use crate::graph::{
    normalise_name, Evaluation, GraphBuilder, OwnershipGraph, OwnershipRule, OwnershipStatus,
    PathStep,
};
use crate::licence::{DocumentKind, Licence, LicenceSet, PartyRef};
use crate::{Date, RulesError};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use tamga_matcher::NameScorer;
use tamga_model::{Entity, EntityKind, Regime, Source};
use tamga_screen::{Query, ScreenOptions, Screener};

/// The regimes decisions are made for, in output order.
pub const REGIMES: [Regime; 4] = [Regime::Un, Regime::Us, Regime::Eu, Regime::Uk];

/// The text OFAC adds to the entries of persons blocked under E.O. 14024.
/// The consolidated (non-SDN) list repeats sectoral entries of persons who
/// are *also* on the SDN list (Rosneft, Lukoil since 22 October 2025); this
/// marker tells them apart from purely sectoral entries.
pub const EO14024_BLOCKING_MARKER: &str = "Section 11 of Executive Order 14024";

/// The ISO codes of the EU member states (EU nexus by jurisdiction).
pub const EU_MEMBER_STATES: [&str; 27] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

/// What a listing does under a regime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListingEffect {
    /// Asset freeze / blocking.
    Blocking,
    /// Sectoral or menu-based restrictions only (OFAC non-SDN lists).
    Restricted,
}

/// What an entity's listing means under `regime`, if anything.
///
/// UN listings bind every regime (member states must implement them: the EU
/// and UK through their implementing acts, the US through the UN
/// Participation Act designations). OFAC SDN → US; OFAC consolidated →
/// US, blocking only with [`EO14024_BLOCKING_MARKER`], otherwise restricted;
/// EU FSF → EU; OFSI / FCDO → UK. OpenSanctions and custom lists carry no
/// legal effect by themselves.
pub fn listing_effect(entity: &Entity, regime: Regime) -> Option<ListingEffect> {
    match (&entity.source, regime) {
        (Source::UnSc, _) => Some(ListingEffect::Blocking),
        (Source::UsOfacSdn, Regime::Us) => Some(ListingEffect::Blocking),
        (Source::UsOfacCons, Regime::Us) => {
            let marked = entity
                .remarks
                .as_deref()
                .is_some_and(|r| r.contains(EO14024_BLOCKING_MARKER));
            Some(if marked {
                ListingEffect::Blocking
            } else {
                ListingEffect::Restricted
            })
        }
        (Source::EuFsf, Regime::Eu) => Some(ListingEffect::Blocking),
        (Source::GbOfsi | Source::GbFcdo, Regime::Uk) => Some(ListingEffect::Blocking),
        (Source::CaSema, Regime::Ca) => Some(ListingEffect::Blocking),
        _ => None,
    }
}

/// The ownership rule of a regime.
///
/// * US (OFAC 50 % rule, Revised Guidance of 13 August 2014): entities
///   owned "50 percent or more", directly or indirectly, individually or in
///   the aggregate, by blocked persons are blocked. `≥ 50 %`, aggregated.
/// * EU: the Council's *Update of the EU Best Practices for the effective
///   implementation of restrictive measures* (3 July 2024) changed the
///   ownership criterion from "more than 50 %" to "50 % or more" of the
///   proprietary rights and says the holdings of several designated persons
///   are aggregated (e.g. 30 % + 25 %); it also lists control indicators.
///   Sources read: DLA Piper, "Changes to the EU Sanctions Best Practices",
///   6 August 2024; atbilst.lv, 25 July 2024. `≥ 50 %`, aggregated, and
///   control asserted in user data blocks.
/// * UK (OFSI General Guidance, ch. 4, para. 4.14 as added in March 2022):
///   "more than 50 %" of shares or voting rights; OFSI "would not simply
///   aggregate different designated persons' holdings in a company, unless
///   … the shares or rights are subject to a joint arrangement between the
///   designated parties or one party controls the rights of another"
///   (quoted by mrwatchlist.com, 22 March 2022, and The National Law
///   Review). `> 50 %` per designated person; a person's holding includes
///   the stakes of entities they control; joint arrangements pool; control
///   blocks.
/// * UN: the UN does not publish a percentage test; the EU test is used as
///   the stricter of the two implementing approaches. Documented choice.
pub fn ownership_rule(regime: Regime) -> OwnershipRule {
    match regime {
        Regime::Us => OwnershipRule {
            threshold: 50.0,
            inclusive: true,
            aggregate: true,
            control_blocks: false,
        },
        Regime::Uk => OwnershipRule {
            threshold: 50.0,
            inclusive: false,
            aggregate: false,
            control_blocks: true,
        },
        Regime::Eu | Regime::Un | Regime::Ca => OwnershipRule {
            threshold: 50.0,
            inclusive: true,
            aggregate: true,
            control_blocks: true,
        },
    }
}

/// The role a party plays in a transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Pays / ships.
    Originator,
    /// Receives.
    Beneficiary,
    /// Bank, agent, pipeline operator, broker in between.
    Intermediary,
    /// Owner of another party.
    Owner,
    /// A ship involved.
    Vessel,
    /// Generic counterparty.
    #[default]
    Counterparty,
    /// Anything else.
    Other,
}

/// A party to a transaction: a name to screen, or a known entity id.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Name as the customer gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A listed entity id (`us_ofac_sdn:9345`) when the party is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// Role in the transaction.
    #[serde(default)]
    pub role: Role,
    /// Expected kind, improves screening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntityKind>,
    /// Country (name or ISO code), improves screening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Birth or incorporation date, improves screening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    /// Identifier (IMO, tax id, …), improves screening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
}

/// Facts that decide which regimes apply.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nexus {
    /// Currency of the payment (ISO 4217).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// A US person (citizen, resident, US company, anyone in the US) is involved.
    #[serde(default)]
    pub us_person: bool,
    /// An EU person (national or EU-incorporated company) is involved.
    #[serde(default)]
    pub eu_person: bool,
    /// A UK person is involved.
    #[serde(default)]
    pub uk_person: bool,
    /// Countries (ISO alpha-2) the transaction touches: routing, loading,
    /// delivery, banks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jurisdictions: Vec<String>,
}

/// Score bands for name matches.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// From this score a match is reported for review.
    pub review: f64,
    /// From this score a match is taken as the listed party.
    pub block: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            review: tamga_screen::DEFAULT_THRESHOLD,
            block: 0.9,
        }
    }
}

/// A transaction to decide (`tamga decide FILE.json`, `POST /decide`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    /// Caller's reference, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Date of the transaction (licences are checked on this day).
    pub date: Date,
    /// Parties.
    pub parties: Vec<Party>,
    /// Activity codes (see the licence files for the vocabulary).
    #[serde(default)]
    pub activities: Vec<String>,
    /// Nexus facts.
    #[serde(default)]
    pub nexus: Nexus,
    /// Country of origin of the goods (ISO alpha-2), where relevant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods_origin: Option<String>,
    /// Score bands; defaults apply when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thresholds: Option<Thresholds>,
}

/// A decision outcome. Ordered from most to least permissive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The regime does not apply to this transaction.
    NotApplicable,
    /// Nothing found.
    Clear,
    /// Prohibited, but a licence in force authorises it.
    Authorised,
    /// A human must look: uncertain match, unknown ownership, sectoral listing.
    Review,
    /// Prohibited.
    Blocked,
}

/// Why a finding was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonKind {
    /// The party is designated under the regime.
    DirectListing,
    /// The party is owned or controlled by designated parties.
    Ownership,
    /// An activity of the transaction is prohibited.
    ProhibitedActivity,
    /// A name match between the review and block thresholds.
    UncertainMatch,
    /// Ownership data is incomplete (missing percentage, control only).
    UnknownOwnership,
    /// A non-blocking (sectoral / menu-based) listing.
    RestrictedListing,
}

impl ReasonKind {
    fn blocks(self) -> bool {
        matches!(
            self,
            ReasonKind::DirectListing | ReasonKind::Ownership | ReasonKind::ProhibitedActivity
        )
    }
}

/// One finding, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// Kind.
    pub kind: ReasonKind,
    /// Index of the party in the request, when about a party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<usize>,
    /// Listed entity involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// Name match score, when from screening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Prohibition document id, for prohibited activities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prohibition: Option<String>,
    /// The prohibited activity code, for prohibited activities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    /// Human-readable explanation.
    pub detail: String,
    /// Ownership path (owners first), for ownership findings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<PathStep>,
}

/// The licence relied upon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LicenceUse {
    /// Licence id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Paragraphs relied upon.
    pub clauses: Vec<String>,
    /// Last day of effect (inclusive); none = no expiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Date>,
    /// Expiry as the text states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_text: Option<String>,
    /// Days from the transaction date to the last day of effect (0 = last day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_remaining: Option<i64>,
    /// Conditions to respect.
    pub conditions: Vec<String>,
    /// The licence and those it supersedes, newest first.
    pub chain: Vec<String>,
    /// Official source.
    pub source_url: String,
    /// Whether the terms were verified against the published text.
    pub verified: bool,
}

/// The decision under one regime.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegimeDecision {
    /// Regime.
    pub regime: Regime,
    /// Outcome.
    pub outcome: Outcome,
    /// Why the regime applies (or not).
    pub nexus: Vec<String>,
    /// Findings.
    pub reasons: Vec<Reason>,
    /// The licence relied upon, when authorised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<LicenceUse>,
    /// Licences considered and why each does not apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub licences_rejected: Vec<String>,
}

/// A screening candidate of a party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// Entity id.
    pub entity_id: String,
    /// Caption.
    pub name: String,
    /// Score.
    pub score: f64,
}

/// How a request party was resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyResolution {
    /// Name or id as given.
    pub given: String,
    /// Role.
    pub role: Role,
    /// Entities taken to be this party (given id, or score ≥ block threshold).
    pub entities: Vec<Candidate>,
    /// Uncertain matches (review band).
    pub candidates: Vec<Candidate>,
    /// Ownership-graph parties linked to it.
    pub ownership_parties: Vec<String>,
}

/// The full answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionReport {
    /// Request id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Transaction date.
    pub date: Date,
    /// Worst outcome over the applicable regimes.
    pub overall: Outcome,
    /// Per regime, in [`REGIMES`] order.
    pub regimes: Vec<RegimeDecision>,
    /// Party resolution.
    pub parties: Vec<PartyResolution>,
}

impl DecisionReport {
    /// The decision for one regime.
    pub fn regime(&self, regime: Regime) -> Option<&RegimeDecision> {
        self.regimes.iter().find(|r| r.regime == regime)
    }
}

/// Why each regime applies, per the documented nexus rules.
pub fn applicable(nexus: &Nexus) -> Vec<(Regime, Vec<String>)> {
    let currency = nexus
        .currency
        .as_deref()
        .map(|c| c.trim().to_ascii_uppercase());
    let juris: Vec<String> = nexus
        .jurisdictions
        .iter()
        .map(|j| j.trim().to_ascii_uppercase())
        .collect();
    let mut out = Vec::new();
    for regime in REGIMES {
        let mut why = Vec::new();
        match regime {
            Regime::Un => why.push("UN Security Council measures bind every member state".into()),
            Regime::Us => {
                if currency.as_deref() == Some("USD") {
                    why.push("payment in USD (clears through US banks)".into());
                }
                if nexus.us_person {
                    why.push("a US person is involved".into());
                }
                if juris.iter().any(|j| j == "US") {
                    why.push("the transaction touches the United States".into());
                }
            }
            Regime::Eu => {
                if currency.as_deref() == Some("EUR") {
                    why.push("payment in EUR".into());
                }
                if nexus.eu_person {
                    why.push("an EU person is involved".into());
                }
                for j in juris
                    .iter()
                    .filter(|j| EU_MEMBER_STATES.contains(&j.as_str()))
                {
                    why.push(format!("the transaction touches EU member state {j}"));
                }
            }
            Regime::Uk => {
                if currency.as_deref() == Some("GBP") {
                    why.push("payment in GBP".into());
                }
                if nexus.uk_person {
                    why.push("a UK person is involved".into());
                }
                if juris.iter().any(|j| j == "GB" || j == "UK") {
                    why.push("the transaction touches the United Kingdom".into());
                }
            }
            Regime::Ca => {}
        }
        out.push((regime, why));
    }
    out
}

/// The rules engine: entity listings, the ownership graph evaluated per
/// regime, and the licences.
pub struct RulesEngine {
    graph: OwnershipGraph,
    licences: LicenceSet,
    /// entity id → (caption, listing effect per regime)
    listings: HashMap<String, (String, Vec<(Regime, ListingEffect)>)>,
    evals: Vec<(Regime, Evaluation)>,
}

impl RulesEngine {
    /// Builds the engine from loaded entities, a licence set and user
    /// ownership files (CSV, see [`GraphBuilder::load_csv`]).
    pub fn new(
        entities: &[Entity],
        licences: LicenceSet,
        ownership_files: &[PathBuf],
    ) -> Result<RulesEngine, RulesError> {
        let mut builder = GraphBuilder::new();
        builder.add_entities(entities);
        for file in ownership_files {
            builder.load_csv(file)?;
        }
        Ok(RulesEngine::with_graph(entities, builder.build(), licences))
    }

    /// Builds the engine around an already built graph.
    pub fn with_graph(
        entities: &[Entity],
        graph: OwnershipGraph,
        licences: LicenceSet,
    ) -> RulesEngine {
        let mut listings = HashMap::new();
        for e in entities {
            let effects: Vec<(Regime, ListingEffect)> = REGIMES
                .iter()
                .filter_map(|&r| listing_effect(e, r).map(|x| (r, x)))
                .collect();
            listings.insert(e.id.clone(), (e.caption().to_string(), effects));
        }
        let mut evals = Vec::new();
        for regime in REGIMES {
            let mut seeds = Vec::new();
            for (id, (_, effects)) in &listings {
                if effects
                    .iter()
                    .any(|(r, x)| *r == regime && *x == ListingEffect::Blocking)
                {
                    if let Some(n) = graph.node_of_key(id) {
                        seeds.push(n);
                    }
                }
            }
            seeds.sort_unstable();
            evals.push((regime, graph.evaluate(&ownership_rule(regime), &seeds)));
        }
        RulesEngine {
            graph,
            licences,
            listings,
            evals,
        }
    }

    /// The ownership graph.
    pub fn graph(&self) -> &OwnershipGraph {
        &self.graph
    }

    /// The licences.
    pub fn licences(&self) -> &LicenceSet {
        &self.licences
    }

    fn eval(&self, regime: Regime) -> &Evaluation {
        // Every regime in REGIMES is evaluated at construction.
        &self
            .evals
            .iter()
            .find(|(r, _)| *r == regime)
            .unwrap_or(&self.evals[0])
            .1
    }

    fn effect(&self, entity_id: &str, regime: Regime) -> Option<ListingEffect> {
        self.listings
            .get(entity_id)?
            .1
            .iter()
            .find(|(r, _)| *r == regime)
            .map(|(_, x)| *x)
    }

    /// Decides a transaction.
    pub fn decide<S: NameScorer>(
        &self,
        screener: &Screener<S>,
        request: &DecisionRequest,
    ) -> Result<DecisionReport, RulesError> {
        if request.parties.is_empty() {
            return Err(RulesError::Request {
                field: "parties".into(),
                message: "at least one party is needed".into(),
            });
        }
        let thresholds = request.thresholds.unwrap_or_default();
        if !(0.0..=1.0).contains(&thresholds.review)
            || !(0.0..=1.0).contains(&thresholds.block)
            || thresholds.review > thresholds.block
        {
            return Err(RulesError::Request {
                field: "thresholds".into(),
                message: "need 0 ≤ review ≤ block ≤ 1".into(),
            });
        }
        let resolved = self.resolve_parties(screener, request, thresholds)?;
        let mut regimes = Vec::new();
        for (regime, why) in applicable(&request.nexus) {
            if why.is_empty() {
                regimes.push(RegimeDecision {
                    regime,
                    outcome: Outcome::NotApplicable,
                    nexus: vec![
                        "no nexus: no currency, person or jurisdiction of this regime".into(),
                    ],
                    reasons: Vec::new(),
                    licence: None,
                    licences_rejected: Vec::new(),
                });
                continue;
            }
            regimes.push(self.decide_regime(regime, why, request, &resolved));
        }
        let overall = regimes
            .iter()
            .map(|r| r.outcome)
            .max()
            .unwrap_or(Outcome::Clear);
        Ok(DecisionReport {
            id: request.id.clone(),
            date: request.date,
            overall,
            regimes,
            parties: resolved.into_iter().map(|r| r.public).collect(),
        })
    }

    fn resolve_parties<S: NameScorer>(
        &self,
        screener: &Screener<S>,
        request: &DecisionRequest,
        thresholds: Thresholds,
    ) -> Result<Vec<Resolved>, RulesError> {
        let mut out = Vec::new();
        for (i, party) in request.parties.iter().enumerate() {
            let mut public = PartyResolution {
                given: party
                    .entity_id
                    .clone()
                    .or_else(|| party.name.clone())
                    .unwrap_or_default(),
                role: party.role,
                entities: Vec::new(),
                candidates: Vec::new(),
                ownership_parties: Vec::new(),
            };
            let mut nodes = BTreeSet::new();
            match (&party.entity_id, &party.name) {
                (None, None) => {
                    return Err(RulesError::Request {
                        field: format!("parties[{i}]"),
                        message: "needs a name or an entity_id".into(),
                    })
                }
                (Some(id), _) => {
                    let (caption, _) =
                        self.listings.get(id).ok_or_else(|| RulesError::Request {
                            field: format!("parties[{i}].entity_id"),
                            message: format!("no loaded entity has id {id:?}"),
                        })?;
                    public.entities.push(Candidate {
                        entity_id: id.clone(),
                        name: caption.clone(),
                        score: 1.0,
                    });
                }
                (None, Some(name)) => {
                    let query = Query {
                        id: None,
                        name: name.clone(),
                        kind: party.kind,
                        birth_date: party.birth_date.clone(),
                        country: party.country.clone(),
                        identifier: party.identifier.clone(),
                    };
                    let options = ScreenOptions {
                        threshold: thresholds.review,
                        limit: 25,
                    };
                    let matches =
                        screener
                            .screen(&query, &options)
                            .map_err(|e| RulesError::Request {
                                field: format!("parties[{i}].name"),
                                message: e.to_string(),
                            })?;
                    for m in matches {
                        let c = Candidate {
                            entity_id: m.entity_id,
                            name: m.name,
                            score: m.score,
                        };
                        if m.score >= thresholds.block {
                            public.entities.push(c);
                        } else {
                            public.candidates.push(c);
                        }
                    }
                    // Exact name references into the ownership data.
                    nodes.extend(self.graph.nodes_of_name(name));
                }
            }
            for c in &public.entities {
                if let Some(n) = self.graph.node_of_key(&c.entity_id) {
                    nodes.insert(n);
                }
            }
            public.ownership_parties = nodes
                .iter()
                .map(|&n| self.graph.key(n).to_string())
                .collect();
            let mut names: HashSet<String> = HashSet::new();
            if let Some(n) = &party.name {
                names.insert(normalise_name(n));
            }
            for c in &public.entities {
                names.insert(normalise_name(&c.name));
            }
            out.push(Resolved {
                public,
                nodes: nodes.into_iter().collect(),
                names,
            });
        }
        Ok(out)
    }

    fn decide_regime(
        &self,
        regime: Regime,
        nexus: Vec<String>,
        request: &DecisionRequest,
        parties: &[Resolved],
    ) -> RegimeDecision {
        let eval = self.eval(regime);
        let mut reasons = Vec::new();
        for (i, party) in parties.iter().enumerate() {
            let mut direct: HashSet<String> = HashSet::new();
            for c in &party.public.entities {
                match self.effect(&c.entity_id, regime) {
                    Some(ListingEffect::Blocking) => {
                        direct.insert(c.entity_id.clone());
                        reasons.push(Reason {
                            kind: ReasonKind::DirectListing,
                            party: Some(i),
                            entity_id: Some(c.entity_id.clone()),
                            score: Some(c.score),
                            prohibition: None,
                        activity: None,
                            detail: format!(
                                "{} is listed as {} ({}){}",
                                party.public.given,
                                c.name,
                                c.entity_id,
                                listing_note(&c.entity_id, regime)
                            ),
                            path: Vec::new(),
                        });
                    }
                    Some(ListingEffect::Restricted) => reasons.push(Reason {
                        kind: ReasonKind::RestrictedListing,
                        party: Some(i),
                        entity_id: Some(c.entity_id.clone()),
                        score: Some(c.score),
                        prohibition: None,
                        activity: None,
                        detail: format!(
                            "{} is on a non-blocking OFAC list as {} ({}): directive / menu-based restrictions apply, check the activity",
                            party.public.given, c.name, c.entity_id
                        ),
                        path: Vec::new(),
                    }),
                    None => {}
                }
            }
            for c in &party.public.candidates {
                if self.effect(&c.entity_id, regime).is_some() {
                    reasons.push(Reason {
                        kind: ReasonKind::UncertainMatch,
                        party: Some(i),
                        entity_id: Some(c.entity_id.clone()),
                        score: Some(c.score),
                        prohibition: None,
                        activity: None,
                        detail: format!(
                            "{} may be {} ({}): score {:.3} is between the review and block thresholds",
                            party.public.given, c.name, c.entity_id, c.score
                        ),
                        path: Vec::new(),
                    });
                }
            }
            for &node in &party.nodes {
                match self.graph.status(eval, node) {
                    OwnershipStatus::Listed => {
                        let members = self.graph.members(node);
                        if members.iter().any(|m| direct.contains(m)) {
                            continue;
                        }
                        if let Some(m) = members
                            .iter()
                            .find(|m| self.effect(m, regime) == Some(ListingEffect::Blocking))
                        {
                            direct.insert(m.clone());
                            reasons.push(Reason {
                                kind: ReasonKind::DirectListing,
                                party: Some(i),
                                entity_id: Some(m.clone()),
                                score: None,
                                prohibition: None,
                                activity: None,
                                detail: format!(
                                    "{} is the same party as listed {} (exact name, or identified in ownership data)",
                                    party.public.given, m
                                ),
                                path: Vec::new(),
                            });
                        }
                    }
                    OwnershipStatus::Blocked => {
                        let path = self.graph.explain(eval, node);
                        reasons.push(Reason {
                            kind: ReasonKind::Ownership,
                            party: Some(i),
                            entity_id: None,
                            score: None,
                            prohibition: None,
                        activity: None,
                            detail: format!(
                                "{} is owned or controlled by designated parties under the {} rule: {}",
                                party.public.given,
                                rule_text(regime),
                                describe_path(&path)
                            ),
                            path,
                        });
                    }
                    OwnershipStatus::Review => {
                        let path = self.graph.explain(eval, node);
                        reasons.push(Reason {
                            kind: ReasonKind::UnknownOwnership,
                            party: Some(i),
                            entity_id: None,
                            score: None,
                            prohibition: None,
                        activity: None,
                            detail: format!(
                                "{} may be owned or controlled by designated parties ({}): the stake is unknown or control-only: {}",
                                party.public.given,
                                rule_text(regime),
                                describe_path(&path)
                            ),
                            path,
                        });
                    }
                    OwnershipStatus::Clear => {}
                }
            }
        }
        // Activity prohibitions.
        let mut places: HashSet<String> = request
            .nexus
            .jurisdictions
            .iter()
            .map(|j| j.trim().to_ascii_uppercase())
            .collect();
        if let Some(o) = &request.goods_origin {
            places.insert(o.trim().to_ascii_uppercase());
        }
        for p in self.licences.documents.iter().filter(|d| {
            d.kind == DocumentKind::Prohibition && d.regime == regime && d.in_force(request.date)
        }) {
            if !p.jurisdictions.is_empty()
                && !p
                    .jurisdictions
                    .iter()
                    .any(|j| places.contains(&j.to_ascii_uppercase()))
            {
                continue;
            }
            for a in &p.activities {
                if request.activities.iter().any(|x| x == &a.code) {
                    reasons.push(Reason {
                        kind: ReasonKind::ProhibitedActivity,
                        party: None,
                        entity_id: None,
                        score: None,
                        prohibition: Some(p.id.clone()),
                        activity: Some(a.code.clone()),
                        detail: format!(
                            "activity `{}` is prohibited by {} {}: {}",
                            a.code,
                            p.id,
                            a.clause.as_deref().unwrap_or(""),
                            a.description
                        ),
                        path: Vec::new(),
                    });
                }
            }
        }
        let blocking: Vec<&Reason> = reasons.iter().filter(|r| r.kind.blocks()).collect();
        let has_review = reasons.iter().any(|r| !r.kind.blocks());
        let mut licence = None;
        let mut rejected = Vec::new();
        let outcome = if blocking.is_empty() {
            if has_review {
                Outcome::Review
            } else {
                Outcome::Clear
            }
        } else {
            let mut best: Option<(&Licence, Vec<String>)> = None;
            for l in self
                .licences
                .documents
                .iter()
                .filter(|d| d.kind == DocumentKind::Licence && d.regime == regime)
            {
                match self.covers(l, request, parties, &blocking) {
                    Ok(clauses) => {
                        let better = match &best {
                            None => true,
                            Some((b, _)) => match (l.expires, b.expires) {
                                (None, Some(_)) => true,
                                (Some(x), Some(y)) => x > y,
                                _ => false,
                            },
                        };
                        if better {
                            best = Some((l, clauses));
                        }
                    }
                    Err(why) => rejected.push(format!("{}: {why}", l.id)),
                }
            }
            match best {
                Some((l, clauses)) => {
                    licence = Some(LicenceUse {
                        id: l.id.clone(),
                        title: l.title.clone(),
                        clauses,
                        expires: l.expires,
                        expires_text: l.expires_text.clone(),
                        days_remaining: l.expires.map(|e| request.date.days_until(e)),
                        conditions: l.conditions.clone(),
                        chain: self.licences.chain(&l.id),
                        source_url: l.source_url.clone(),
                        verified: l.verified,
                    });
                    if has_review {
                        Outcome::Review
                    } else {
                        Outcome::Authorised
                    }
                }
                None => Outcome::Blocked,
            }
        };
        RegimeDecision {
            regime,
            outcome,
            nexus,
            reasons,
            licence,
            licences_rejected: rejected,
        }
    }

    /// Whether licence `l` authorises every blocking finding; the clauses
    /// relied upon, or why not.
    fn covers(
        &self,
        l: &Licence,
        request: &DecisionRequest,
        parties: &[Resolved],
        blocking: &[&Reason],
    ) -> Result<Vec<String>, String> {
        let date = request.date;
        if date < l.effective {
            return Err(format!("not yet in effect (effective {})", l.effective));
        }
        if let Some(e) = l.expires {
            if date > e {
                return Err(format!(
                    "expired: last day of effect {e}{}",
                    l.expires_text
                        .as_deref()
                        .map(|t| format!(" (\"{t}\")"))
                        .unwrap_or_default()
                ));
            }
        }
        if let Some(newer) = self.licences.superseded_by(&l.id, date) {
            return Err(format!(
                "superseded by {} from {}",
                newer.id, newer.effective
            ));
        }
        let mut clauses = Vec::new();
        for a in &request.activities {
            if let Some(x) = l.exclusions.iter().find(|x| &x.code == a) {
                return Err(format!(
                    "activity `{a}` is excluded {}: {}",
                    x.clause.as_deref().unwrap_or(""),
                    x.description
                ));
            }
        }
        if !l.activities.is_empty() {
            for a in &request.activities {
                match l.activities.iter().find(|x| &x.code == a) {
                    Some(x) => clauses.extend(x.clause.clone()),
                    None => return Err(format!("activity `{a}` is not authorised")),
                }
            }
            if request.activities.is_empty() {
                return Err("the request names no activity and the licence authorises only listed activities".into());
            }
        }
        if !l.origin_countries.is_empty() {
            let origin = request
                .goods_origin
                .as_deref()
                .map(|o| o.trim().to_ascii_uppercase());
            match origin {
                Some(o)
                    if l.origin_countries
                        .iter()
                        .any(|c| c.eq_ignore_ascii_case(&o)) => {}
                Some(o) => {
                    return Err(format!(
                        "goods origin {o} is not one of {:?}",
                        l.origin_countries
                    ))
                }
                None => return Err("the request states no goods origin".into()),
            }
        }
        if !l.related_to.is_empty() {
            let hit = l
                .related_to
                .iter()
                .find(|r| parties.iter().any(|p| self.party_matches(r, p)));
            match hit {
                Some(r) => clauses.extend(r.clause.clone()),
                None => return Err("the transaction involves none of the projects / parties the licence is limited to".into()),
            }
        }
        for reason in blocking {
            match (reason.kind, reason.party) {
                (ReasonKind::ProhibitedActivity, _) => {
                    // Covered when the licence authorises the activity (or any activity).
                    let code = reason.activity.as_deref().unwrap_or("");
                    if !l.activities.is_empty() && !l.activities.iter().any(|x| x.code == code) {
                        return Err(format!(
                            "does not authorise the prohibited activity `{code}`"
                        ));
                    }
                }
                (_, Some(i)) => {
                    let p = &parties[i];
                    match l.parties.iter().find(|r| self.party_matches(r, p)) {
                        Some(r) => clauses.extend(r.clause.clone()),
                        None => {
                            return Err(format!("does not cover blocked party {}", p.public.given))
                        }
                    }
                }
                _ => {}
            }
        }
        clauses.sort();
        clauses.dedup();
        Ok(clauses)
    }

    fn party_matches(&self, r: &PartyRef, p: &Resolved) -> bool {
        if r.entity_ids
            .iter()
            .any(|id| p.public.entities.iter().any(|c| &c.entity_id == id))
        {
            return true;
        }
        if r.names.iter().any(|n| p.names.contains(&normalise_name(n))) {
            return true;
        }
        if !r.owned_by.is_empty() {
            let mut owners = Vec::new();
            for o in &r.owned_by {
                if let Some(n) = self.graph.node_of_key(o) {
                    owners.push(n);
                } else {
                    owners.extend(self.graph.nodes_of_name(o));
                }
            }
            // The owners themselves are covered too ("X or any entity X owns …").
            let members: HashSet<&str> = owners
                .iter()
                .flat_map(|&n| self.graph.members(n).iter().map(String::as_str))
                .collect();
            if p.public
                .entities
                .iter()
                .any(|c| members.contains(c.entity_id.as_str()))
            {
                return true;
            }
            let owned = self.graph.owned_by(&owners, r.min_percentage);
            if p.nodes.iter().any(|n| owned.contains(n)) {
                return true;
            }
        }
        false
    }
}

struct Resolved {
    public: PartyResolution,
    nodes: Vec<u32>,
    names: HashSet<String>,
}

fn listing_note(entity_id: &str, regime: Regime) -> String {
    if entity_id.starts_with("un_sc:") && regime != Regime::Un {
        format!(
            " on the UN list, which binds the {} regime through its implementing measures",
            regime_name(regime)
        )
    } else if entity_id.starts_with("us_ofac_cons:") {
        format!(" on the OFAC consolidated list, marked blocked under E.O. 14024 (\"{EO14024_BLOCKING_MARKER}\")")
    } else {
        String::new()
    }
}

fn regime_name(regime: Regime) -> &'static str {
    match regime {
        Regime::Un => "UN",
        Regime::Us => "US",
        Regime::Eu => "EU",
        Regime::Uk => "UK",
        Regime::Ca => "Canadian",
    }
}

fn rule_text(regime: Regime) -> &'static str {
    match regime {
        Regime::Us => "OFAC 50 % (≥ 50 %, aggregated)",
        Regime::Eu => "EU (≥ 50 % of proprietary rights, aggregated, or control)",
        Regime::Uk => "UK (> 50 % per designated person unless joint arrangement, or control)",
        Regime::Un => "UN (EU-style ≥ 50 %, aggregated, or control)",
        Regime::Ca => "Canadian",
    }
}

/// One line per edge: `A —50%→ B`.
pub fn describe_path(path: &[PathStep]) -> String {
    path.iter()
        .map(|s| {
            let stake = match (s.percentage, s.control) {
                (_, true) => "controls".to_string(),
                (Some(p), _) => format!("{p}%"),
                (None, _) => "unknown %".to_string(),
            };
            format!(
                "{}{} —{stake}→ {} [{}]",
                s.owner_name,
                if s.owner_listed {
                    format!(" ({}, designated)", s.owner)
                } else {
                    String::new()
                },
                s.owned_name,
                s.info.source
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}
