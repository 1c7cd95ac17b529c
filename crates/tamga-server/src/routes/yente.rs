//! `POST /match/{dataset}`: OpenSanctions yente-compatible query-by-example.
//!
//! Request and response follow yente's `/match` (`EntityMatchQuery` →
//! `EntityMatchResponse`); the differences are listed in the crate docs.

use super::search::limit_and_threshold;
use super::{blocking, check_content_length, query_error, read_body, ready_snapshot};
use crate::error::ApiError;
use crate::state::{AppState, Snapshot};
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use tamga_matcher::Explanation;
use tamga_model::{BirthDate, Entity, EntityKind, NameKind, NameQuality};
use tamga_screen::{Match, ScreenOptions};
use utoipa::ToSchema;

/// yente's default `limit` for `/match` (its `MATCH_PAGE`).
pub const DEFAULT_MATCH_LIMIT: usize = 5;
/// Most names screened for one query example.
pub const MAX_NAMES_PER_QUERY: usize = 20;

/// Algorithm names accepted in `?algorithm=` for compatibility. tamga has one
/// scorer; every accepted name runs it.
const ALGORITHMS: &[&str] = &[
    "tamga",
    "best",
    "default",
    "logic-v1",
    "logic-v2",
    "name-based",
    "name-qualified",
    "regression-v1",
    "regression-v2",
    "regression-v3",
];

/// The body of `POST /match/{dataset}` (yente's `EntityMatchQuery`).
#[derive(Debug, Deserialize, ToSchema)]
pub struct MatchRequest {
    /// Query examples keyed by a client-chosen id.
    #[schema(value_type = Object, example = json!({"q1": {"schema": "Person", "properties": {"name": ["Saddam Hussein"], "birthDate": ["1937"]}}}))]
    pub queries: Map<String, Value>,
    /// yente feature weights: accepted and ignored (tamga's scorer is not a
    /// weighted feature sum).
    #[serde(default)]
    #[schema(value_type = Object)]
    pub weights: Option<Value>,
    /// yente algorithm config: accepted and ignored.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub config: Option<Value>,
    /// Results per query (a query parameter of the same name wins).
    pub limit: Option<usize>,
    /// Score at or above which a result is a `match` (query parameter wins).
    pub threshold: Option<f64>,
    /// Lowest score returned at all (query parameter wins; capped at `threshold`).
    pub cutoff: Option<f64>,
}

/// One query example (yente's `EntityExample`).
#[derive(Debug, Deserialize)]
struct EntityExample {
    #[serde(default)]
    id: Option<String>,
    schema: String,
    #[serde(default)]
    properties: Map<String, Value>,
}

/// yente's `TotalSpec`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Total {
    /// Number of results with `match: true`.
    pub value: usize,
    /// Always `eq`.
    pub relation: &'static str,
}

/// A scored result (yente's `ScoredEntityResponse`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ScoredEntity {
    /// `<source>:<source_id>`.
    pub id: String,
    /// Primary name.
    pub caption: String,
    /// FollowTheMoney schema (`Person`, `Organization`, `Vessel`, `Airplane`, `LegalEntity`).
    pub schema: &'static str,
    /// FollowTheMoney-style properties.
    pub properties: BTreeMap<String, Vec<String>>,
    /// The list slug.
    pub datasets: Vec<String>,
    /// The id as published by the authority.
    pub referents: Vec<String>,
    /// Listed on a sanctions list.
    pub target: bool,
    /// Date of listing, when published.
    pub first_seen: Option<String>,
    /// Not tracked by tamga (always null).
    pub last_seen: Option<String>,
    /// Not tracked by tamga (always null).
    pub last_change: Option<String>,
    /// Score in [0, 1].
    pub score: f64,
    /// Score components (`name_score` and each secondary-evidence adjustment).
    pub features: BTreeMap<String, f64>,
    /// `score >= threshold`.
    #[serde(rename = "match")]
    pub is_match: bool,
    /// The entity name that matched best (tamga extension).
    pub matched_name: String,
    /// Token-level explanation (tamga extension).
    #[schema(value_type = Object)]
    pub explanation: Explanation,
}

/// Results for one query (yente's `EntityMatches`).
#[derive(Debug, Serialize, ToSchema)]
pub struct EntityMatches {
    /// Always 200 (a query that cannot be read fails the whole request, as in yente).
    pub status: u16,
    /// Results, best first.
    pub results: Vec<ScoredEntity>,
    /// How many results are matches.
    pub total: Total,
    /// The query as understood.
    #[schema(value_type = Object)]
    pub query: Value,
}

/// The response of `POST /match/{dataset}` (yente's `EntityMatchResponse`).
#[derive(Debug, Serialize, ToSchema)]
pub struct MatchResponse {
    /// Per query id.
    pub responses: BTreeMap<String, EntityMatches>,
    /// What each feature means.
    #[schema(value_type = Object)]
    pub matcher: Value,
    /// The limit applied.
    pub limit: usize,
    /// The algorithm that ran (always `tamga`; tamga extension).
    pub algorithm: &'static str,
    /// Version of the list set that answered (tamga extension).
    pub lists_version: u64,
}

/// Query-by-example matching, compatible with yente's `/match`.
#[utoipa::path(
    post,
    path = "/match/{dataset}",
    params(
        ("dataset" = String, Path, description = "`default` (all lists) or a list slug such as `un_sc`"),
        ("limit" = Option<usize>, Query, description = "Results per query (default 5)"),
        ("threshold" = Option<f64>, Query, description = "Score from which a result is a match (default 0.7)"),
        ("cutoff" = Option<f64>, Query, description = "Lowest score returned (default: threshold)"),
        ("algorithm" = Option<String>, Query, description = "Accepted for compatibility; always tamga's scorer"),
        ("include_dataset" = Option<Vec<String>>, Query, description = "Only these lists"),
        ("exclude_dataset" = Option<Vec<String>>, Query, description = "Not these lists"),
        ("exclude_schema" = Option<Vec<String>>, Query, description = "Not these schemata"),
        ("exclude_entity_ids" = Option<Vec<String>>, Query, description = "Not these entity ids"),
        ("topics" = Option<Vec<String>>, Query, description = "Only entities with one of these topics (`sanction`)"),
    ),
    request_body = MatchRequest,
    responses(
        (status = 200, description = "Results per query", body = MatchResponse),
        (status = 400, description = "Malformed JSON, unknown schema or algorithm, query without a name"),
        (status = 404, description = "Unknown dataset"),
        (status = 413, description = "Body too large or too many queries"),
        (status = 422, description = "A name is too long, or limit / threshold out of range"),
        (status = 503, description = "Lists not loaded yet, or overloaded (see Retry-After)"),
    ),
    security(("api_key" = []))
)]
pub async fn match_entities(
    State(state): State<Arc<AppState>>,
    Path(dataset): Path<String>,
    params: Result<Query<Vec<(String, String)>>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let limit_bytes = state.config.limits.max_body_bytes;
    check_content_length(&headers, limit_bytes)?;
    let bytes = read_body(body, limit_bytes).await?;
    let request: MatchRequest = serde_json::from_slice(&bytes).map_err(|e| json_error(&e))?;
    let params = Params::parse(&params)?;

    let n = request.queries.len();
    if n > state.config.limits.max_match_queries {
        return Err(ApiError::too_large(
            "batch_too_large",
            format!(
                "{n} queries in one request; the limit is {}",
                state.config.limits.max_match_queries
            ),
        ));
    }
    let (limit, threshold) = limit_and_threshold(
        &state,
        params.limit.or(request.limit),
        params.threshold.or(request.threshold),
        DEFAULT_MATCH_LIMIT,
    )?;
    let cutoff = params
        .cutoff
        .or(request.cutoff)
        .unwrap_or(threshold)
        .clamp(0.0, 1.0)
        .min(threshold);

    let mut prepared = Vec::with_capacity(n);
    for (qid, example) in &request.queries {
        if example.is_null() {
            continue;
        }
        prepared.push(PreparedQuery::new(qid, example)?);
    }
    if prepared.is_empty() {
        return Err(ApiError::bad_request("no queries provided"));
    }

    let snapshot = ready_snapshot(&state)?;
    let datasets = dataset_filter(&snapshot, &dataset, &params)?;
    let fetch = state.config.limits.max_results;
    let version = snapshot.version;
    let responses = blocking(move || {
        let mut responses = BTreeMap::new();
        for query in prepared {
            let matches = query.run(&snapshot, cutoff, fetch)?;
            let results: Vec<ScoredEntity> = matches
                .into_iter()
                .filter_map(|m| {
                    let entity = snapshot.screener.entity(&m.entity_id)?;
                    let keep = datasets.allows(entity)
                        && query.schema_allows(entity.kind)
                        && params.allows(entity);
                    keep.then(|| scored_entity(entity, m, threshold))
                })
                .take(limit)
                .collect();
            let matched = results.iter().filter(|r| r.is_match).count();
            responses.insert(
                query.qid.clone(),
                EntityMatches {
                    status: 200,
                    results,
                    total: Total {
                        value: matched,
                        relation: "eq",
                    },
                    query: query.echo,
                },
            );
        }
        Ok::<_, ApiError>(responses)
    })
    .await??;
    let returned: usize = responses.values().map(|r| r.results.len()).sum();
    state
        .metrics
        .matches
        .with_label_values(&["/match/{dataset}"])
        .inc_by(returned as u64);
    let batch = responses.len();
    let mut response = Json(MatchResponse {
        responses,
        matcher: FEATURE_DOCS.clone(),
        limit,
        algorithm: "tamga",
        lists_version: version,
    })
    .into_response();
    response
        .headers_mut()
        .insert("x-batch-size", HeaderValue::from(batch));
    Ok(response)
}

/// A JSON body that cannot be read: 400 when it is not JSON at all, 422 when
/// it is JSON of the wrong shape (as FastAPI answers).
pub(crate) fn json_error(e: &serde_json::Error) -> ApiError {
    use serde_json::error::Category;
    match e.classify() {
        Category::Data => ApiError::unprocessable("invalid_body", format!("request body: {e}")),
        _ => ApiError::bad_request(format!("request body is not valid JSON: {e}")),
    }
}

/// Query parameters, read by hand because yente repeats keys for lists
/// (`?include_dataset=a&include_dataset=b`).
#[derive(Default)]
struct Params {
    limit: Option<usize>,
    threshold: Option<f64>,
    cutoff: Option<f64>,
    include_dataset: Vec<String>,
    exclude_dataset: Vec<String>,
    exclude_schema: Vec<String>,
    exclude_entity_ids: HashSet<String>,
    topics: Vec<String>,
}

impl Params {
    fn parse(pairs: &[(String, String)]) -> Result<Params, ApiError> {
        fn number<T: std::str::FromStr>(key: &str, value: &str) -> Result<T, ApiError> {
            value.trim().parse().map_err(|_| {
                ApiError::unprocessable(
                    "invalid_field",
                    format!("query parameter `{key}`: `{value}` is not a number"),
                )
            })
        }
        let mut p = Params::default();
        for (key, value) in pairs {
            match key.as_str() {
                "limit" => p.limit = Some(number(key, value)?),
                "threshold" => p.threshold = Some(number(key, value)?),
                "cutoff" => p.cutoff = Some(number(key, value)?),
                "algorithm" if !ALGORITHMS.contains(&value.as_str()) => {
                    return Err(ApiError::bad_request(format!(
                        "unknown algorithm `{value}`; accepted: {}",
                        ALGORITHMS.join(", ")
                    )));
                }
                "include_dataset" => p.include_dataset.push(value.clone()),
                "exclude_dataset" => p.exclude_dataset.push(value.clone()),
                "exclude_schema" => p.exclude_schema.push(value.clone()),
                "exclude_entity_ids" => {
                    p.exclude_entity_ids.insert(value.clone());
                }
                "topics" => p.topics.push(value.clone()),
                // yente parameters with no tamga equivalent are accepted and
                // ignored, so existing clients keep working.
                _ => {}
            }
        }
        Ok(p)
    }

    fn allows(&self, entity: &Entity) -> bool {
        let dataset = entity.source.as_str();
        (self.include_dataset.is_empty() || self.include_dataset.iter().any(|d| d == dataset))
            && !self.exclude_dataset.iter().any(|d| d == dataset)
            && !self
                .exclude_schema
                .iter()
                .any(|s| s == ftm_schema(entity.kind))
            && !self.exclude_entity_ids.contains(&entity.id)
            && (self.topics.is_empty()
                || topics(entity)
                    .iter()
                    .any(|t| self.topics.iter().any(|w| w == t)))
    }
}

/// Which lists a dataset name covers.
enum Datasets {
    All,
    One(String),
}

impl Datasets {
    fn allows(&self, entity: &Entity) -> bool {
        match self {
            Datasets::All => true,
            Datasets::One(slug) => entity.source.as_str() == slug,
        }
    }
}

fn dataset_filter(snapshot: &Snapshot, dataset: &str, _p: &Params) -> Result<Datasets, ApiError> {
    if matches!(dataset, "default" | "all" | "sanctions") {
        return Ok(Datasets::All);
    }
    if snapshot.lists.iter().any(|l| l.label == dataset) {
        return Ok(Datasets::One(dataset.to_string()));
    }
    let mut known: Vec<&str> = vec!["default"];
    known.extend(snapshot.lists.iter().map(|l| l.label.as_str()));
    Err(ApiError::not_found(format!(
        "dataset `{dataset}` not found; available: {}",
        known.join(", ")
    )))
}

/// One example turned into tamga queries (one per name).
struct PreparedQuery {
    qid: String,
    allowed: &'static [EntityKind],
    queries: Vec<tamga_screen::Query>,
    echo: Value,
}

const PERSON_KINDS: &[EntityKind] = &[EntityKind::Person, EntityKind::Unknown];
const ORG_KINDS: &[EntityKind] = &[EntityKind::Organization, EntityKind::Unknown];
const LEGAL_KINDS: &[EntityKind] = &[
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Unknown,
];
const VESSEL_KINDS: &[EntityKind] = &[EntityKind::Vessel, EntityKind::Unknown];
const AIRCRAFT_KINDS: &[EntityKind] = &[EntityKind::Aircraft, EntityKind::Unknown];
const ALL_KINDS: &[EntityKind] = &[
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Vessel,
    EntityKind::Aircraft,
    EntityKind::Unknown,
];

impl PreparedQuery {
    fn new(qid: &str, example: &Value) -> Result<PreparedQuery, ApiError> {
        let example: EntityExample = serde_json::from_value(example.clone())
            .map_err(|e| ApiError::unprocessable("invalid_body", format!("queries.{qid}: {e}")))?;
        let (kind, allowed) = match example.schema.as_str() {
            "Person" => (Some(EntityKind::Person), PERSON_KINDS),
            "Company" | "Organization" | "PublicBody" => {
                (Some(EntityKind::Organization), ORG_KINDS)
            }
            "LegalEntity" => (None, LEGAL_KINDS),
            "Vessel" => (Some(EntityKind::Vessel), VESSEL_KINDS),
            "Airplane" => (Some(EntityKind::Aircraft), AIRCRAFT_KINDS),
            "Thing" => (None, ALL_KINDS),
            other => {
                return Err(ApiError::bad_request(format!(
                    "queries.{qid}.schema: `{other}` is not supported; use Person, Company, \
                     Organization, PublicBody, LegalEntity, Vessel, Airplane or Thing"
                )))
            }
        };
        let mut props: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, value) in &example.properties {
            let values = string_values(value).ok_or_else(|| {
                ApiError::unprocessable(
                    "invalid_field",
                    format!(
                        "queries.{qid}.properties.{key}: expected a string or a list of strings"
                    ),
                )
            })?;
            props.insert(key.clone(), values);
        }
        let get = |key: &str| props.get(key).map(Vec::as_slice).unwrap_or(&[]);
        let first = |keys: &[&str]| {
            keys.iter()
                .flat_map(|k| get(k).iter())
                .find(|v| !v.trim().is_empty())
                .cloned()
        };

        let mut names: Vec<(String, String)> = Vec::new();
        for key in ["name", "alias", "previousName"] {
            for (i, v) in get(key).iter().enumerate() {
                names.push((format!("queries.{qid}.properties.{key}[{i}]"), v.clone()));
            }
        }
        // FtM name parts, joined in the order people write them.
        let parts: Vec<String> = [
            "firstName",
            "secondName",
            "middleName",
            "fatherName",
            "lastName",
        ]
        .iter()
        .filter_map(|k| get(k).first().cloned())
        .filter(|v| !v.trim().is_empty())
        .collect();
        if !parts.is_empty() {
            names.push((
                format!("queries.{qid}.properties.firstName/lastName"),
                parts.join(" "),
            ));
        }
        let mut seen = HashSet::new();
        names.retain(|(_, n)| seen.insert(n.trim().to_lowercase()));
        if names.len() > MAX_NAMES_PER_QUERY {
            return Err(ApiError::unprocessable(
                "too_many_names",
                format!(
                    "queries.{qid}: {} names; at most {MAX_NAMES_PER_QUERY} per query",
                    names.len()
                ),
            ));
        }
        let birth_date = first(&["birthDate", "incorporationDate"]);
        let country = first(&[
            "nationality",
            "citizenship",
            "country",
            "jurisdiction",
            "birthCountry",
            "flag",
        ]);
        let identifier = first(&[
            "idNumber",
            "passportNumber",
            "registrationNumber",
            "taxNumber",
            "innCode",
            "ogrnCode",
            "imoNumber",
            "mmsi",
            "swiftBic",
            "leiCode",
            "vatCode",
        ]);
        let mut queries = Vec::new();
        for (field, name) in names {
            let query = tamga_screen::Query {
                id: Some(qid.to_string()),
                name,
                kind,
                birth_date: birth_date.clone(),
                country: country.clone(),
                identifier: identifier.clone(),
            };
            match tamga_screen::validate(&query) {
                Ok(()) => queries.push(query),
                // A blank alias among real names is skipped, not fatal.
                Err(tamga_screen::QueryError::EmptyName) => {}
                Err(e) => return Err(query_error(&e, &field)),
            }
        }
        if queries.is_empty() {
            return Err(ApiError::bad_request(format!(
                "queries.{qid}: no usable name (give `name`, or `firstName`/`lastName`); \
                 tamga screens by name"
            )));
        }
        let echo = serde_json::json!({
            "id": example.id,
            "schema": example.schema,
            "properties": props,
        });
        Ok(PreparedQuery {
            qid: qid.to_string(),
            allowed,
            queries,
            echo,
        })
    }

    fn schema_allows(&self, kind: EntityKind) -> bool {
        self.allowed.contains(&kind)
    }

    /// Screens every name; an entity's score is its best over all names.
    fn run(&self, snapshot: &Snapshot, cutoff: f64, fetch: usize) -> Result<Vec<Match>, ApiError> {
        let options = ScreenOptions {
            threshold: cutoff,
            limit: fetch,
        };
        let mut best: HashMap<String, Match> = HashMap::new();
        for query in &self.queries {
            let matches = snapshot
                .screener
                .screen(query, &options)
                .map_err(|e| query_error(&e, &format!("queries.{}", self.qid)))?;
            for m in matches {
                match best.get(&m.entity_id) {
                    Some(b) if b.score >= m.score => {}
                    _ => {
                        best.insert(m.entity_id.clone(), m);
                    }
                }
            }
        }
        let mut all: Vec<Match> = best.into_values().collect();
        all.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.entity_id.cmp(&b.entity_id))
        });
        Ok(all)
    }
}

/// A property value: a string, or a list of strings / numbers.
fn string_values(value: &Value) -> Option<Vec<String>> {
    fn one(v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
    match value {
        Value::Array(items) => items.iter().map(one).collect(),
        Value::Null => Some(Vec::new()),
        other => one(other).map(|s| vec![s]),
    }
}

/// The FollowTheMoney schema of a kind.
pub fn ftm_schema(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organization",
        EntityKind::Vessel => "Vessel",
        EntityKind::Aircraft => "Airplane",
        EntityKind::Unknown => "LegalEntity",
    }
}

fn topics(entity: &Entity) -> Vec<&'static str> {
    if entity.source.regime().is_some() {
        vec!["sanction"]
    } else {
        Vec::new()
    }
}

fn scored_entity(entity: &Entity, m: Match, threshold: f64) -> ScoredEntity {
    let mut features = BTreeMap::new();
    features.insert("name_score".to_string(), m.explanation.name_score);
    for adj in &m.explanation.adjustments {
        *features.entry(adj.evidence.clone()).or_insert(0.0) += adj.delta;
    }
    ScoredEntity {
        id: entity.id.clone(),
        caption: entity.caption().to_string(),
        schema: ftm_schema(entity.kind),
        properties: ftm_properties(entity),
        datasets: vec![entity.source.as_str().to_string()],
        referents: vec![entity.source_id.clone()],
        target: entity.source.regime().is_some(),
        first_seen: entity.listed_on.clone(),
        last_seen: None,
        last_change: None,
        score: m.score,
        features,
        is_match: m.score >= threshold,
        matched_name: m.matched_name,
        explanation: m.explanation,
    }
}

fn birth_date_text(d: &BirthDate) -> Vec<String> {
    match *d {
        BirthDate::Exact { year, month, day } => vec![format!("{year:04}-{month:02}-{day:02}")],
        BirthDate::Month { year, month } => vec![format!("{year:04}-{month:02}")],
        BirthDate::Year { year } | BirthDate::Approximate { year } => vec![format!("{year:04}")],
        BirthDate::Range { from, to } => vec![format!("{from:04}"), format!("{to:04}")],
    }
}

/// The unified entity as FollowTheMoney-style properties (the full model is
/// at `GET /entities/{id}`).
pub fn ftm_properties(e: &Entity) -> BTreeMap<String, Vec<String>> {
    let mut p: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut push = |key: &str, value: String| {
        if !value.trim().is_empty() {
            let slot = p.entry(key.to_string()).or_default();
            if !slot.contains(&value) {
                slot.push(value);
            }
        }
    };
    for name in &e.names {
        let key = match (name.quality, name.kind) {
            (NameQuality::Weak, _) => "weakAlias",
            (_, NameKind::Primary) => "name",
            (_, NameKind::Fka) => "previousName",
            (_, NameKind::Aka | NameKind::Nka | NameKind::OriginalScript) => "alias",
        };
        push(key, name.full.clone());
    }
    let date_key = if e.kind == EntityKind::Person {
        "birthDate"
    } else {
        "incorporationDate"
    };
    for d in &e.birth_dates {
        for text in birth_date_text(d) {
            push(date_key, text);
        }
    }
    for v in &e.birth_places {
        push("birthPlace", v.clone());
    }
    for v in &e.nationalities {
        push("nationality", v.clone());
    }
    for v in &e.citizenships {
        push("citizenship", v.clone());
    }
    for v in &e.countries {
        push("country", v.clone());
    }
    if let Some(g) = &e.gender {
        push("gender", g.clone());
    }
    for id in &e.identifiers {
        let key = match id.id_type.as_str() {
            "passport" => "passportNumber",
            "imo" => "imoNumber",
            "mmsi" => "mmsi",
            "swift_bic" => "swiftBic",
            "tax_id" => "taxNumber",
            "inn" => "innCode",
            "ogrn" => "ogrnCode",
            "registration" => "registrationNumber",
            _ => "idNumber",
        };
        push(key, id.number.clone());
    }
    for a in &e.addresses {
        let text = a.full.clone().unwrap_or_else(|| {
            [&a.street, &a.city, &a.region, &a.postal_code, &a.country]
                .iter()
                .filter_map(|x| x.as_deref())
                .filter(|x| !x.trim().is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        });
        push("address", text);
    }
    for prog in &e.programs {
        push("program", prog.clone());
    }
    if let Some(r) = &e.remarks {
        push("notes", r.clone());
    }
    if let Some(d) = &e.listed_on {
        push("createdAt", d.clone());
    }
    for t in topics(e) {
        push("topics", t.to_string());
    }
    p
}

/// yente's `matcher` block, built once.
static FEATURE_DOCS: std::sync::LazyLock<Value> = std::sync::LazyLock::new(feature_docs);

/// yente's `matcher` block: what each feature in `features` means.
fn feature_docs() -> Value {
    serde_json::json!({
        "name_score": {
            "description": "Similarity of the best-matching names (tokens aligned by exact, transliteration, phonetic, edit-distance, initial, joined and legal-form evidence), before adjustments.",
            "coefficient": 1.0,
            "url": null
        },
        "birth_date": {
            "description": "Adjustment for agreement or conflict of the birth (incorporation) date.",
            "coefficient": 1.0,
            "url": null
        },
        "country": {
            "description": "Adjustment for agreement or conflict of nationality / country.",
            "coefficient": 1.0,
            "url": null
        },
        "identifier": {
            "description": "Adjustment for a matching or conflicting identifier (passport, registration, IMO, …).",
            "coefficient": 1.0,
            "url": null
        },
        "kind": {
            "description": "Adjustment when the listed entity's kind differs from the query's schema.",
            "coefficient": 1.0,
            "url": null
        },
        "weak_alias": {
            "description": "Cut when the best name is a publisher-graded weak alias.",
            "coefficient": 1.0,
            "url": null
        },
        "one_word_name": {
            "description": "Cut when the best name is a person's name of one word that names no family (a nickname or one given name) and the publisher grades no alias weak.",
            "coefficient": 1.0,
            "url": null
        }
    })
}
