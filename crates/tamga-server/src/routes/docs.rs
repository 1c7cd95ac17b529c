//! `GET /openapi.json` (generated from the handlers' annotations) and a
//! small human-readable page at `/` and `/docs`.

use super::{batch, decide, ops, search, yente};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// The OpenAPI document of the service.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "tamga screening service",
        description = "Sanctions screening over official lists: quick search, a yente-compatible \
                       /match, native batch /screen, licensing decisions (/decide), and safe \
                       list refresh."
    ),
    paths(
        search::search,
        yente::match_entities,
        batch::screen,
        decide::decide,
        ops::entity,
        ops::lists,
        ops::refresh,
        ops::healthz,
        ops::readyz,
        ops::metrics,
    ),
    components(schemas(
        search::SearchResponse,
        yente::MatchRequest,
        yente::MatchResponse,
        yente::EntityMatches,
        yente::ScoredEntity,
        yente::Total,
        ops::ListsResponse,
        ops::ListStatus,
        ops::RulesStatus,
    )),
    modifiers(&Security)
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "x_api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-API-Key"))),
        );
    }
}

/// `GET /openapi.json`.
pub async fn openapi() -> Response {
    Json(ApiDoc::openapi()).into_response()
}

/// `GET /` and `GET /docs`.
pub async fn index() -> Html<&'static str> {
    Html(INDEX)
}

const INDEX: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tamga screening service</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}
code,pre{background:#f4f4f4;padding:.1rem .3rem}pre{padding:.6rem;overflow:auto}
td{padding:.2rem .6rem;vertical-align:top}</style></head><body>
<h1>tamga screening service</h1>
<p>Sanctions screening over official lists. Machine-readable API description:
<a href="/openapi.json">/openapi.json</a>. Send the API key as
<code>Authorization: Bearer KEY</code>, <code>Authorization: ApiKey KEY</code> or
<code>X-API-Key: KEY</code>. Errors are JSON: <code>{"status", "error", "detail"}</code>.</p>
<table>
<tr><td><code>GET /search?q=&amp;kind=&amp;country=&amp;limit=&amp;threshold=</code></td><td>Quick name search.</td></tr>
<tr><td><code>POST /match/{dataset}</code></td><td>yente-compatible query-by-example
(<code>default</code> = all lists, or a list slug such as <code>un_sc</code>).</td></tr>
<tr><td><code>POST /screen</code></td><td>Batch: JSON array, NDJSON or CSV in; NDJSON out, one line per record.</td></tr>
<tr><td><code>POST /decide</code></td><td>Licensing decision for a transaction (parties, date,
activities, nexus): clear, review, authorised or blocked per regime (UN, US, EU, UK) and overall,
with the listings, ownership paths and licences behind it.</td></tr>
<tr><td><code>GET /entities/{id}</code></td><td>One listed entity, e.g. <code>un_sc:6908555</code>.</td></tr>
<tr><td><code>GET /lists</code></td><td>Loaded lists: source, format, date, count, SHA-256, refresh status.</td></tr>
<tr><td><code>POST /admin/refresh[?force=true]</code></td><td>Re-read the lists; the old ones serve until the new ones validate.</td></tr>
<tr><td><code>GET /healthz</code>, <code>/readyz</code>, <code>/metrics</code></td><td>Liveness, readiness, Prometheus metrics.</td></tr>
</table>
<h2>Examples</h2>
<pre>curl -H "Authorization: Bearer $KEY" 'http://127.0.0.1:8000/search?q=Saddam+Hussein'

curl -H "Authorization: ApiKey $KEY" -H 'Content-Type: application/json' \
  -d '{"queries":{"q1":{"schema":"Person","properties":{"name":["Saddam Hussein"],"birthDate":["1937"]}}}}' \
  http://127.0.0.1:8000/match/default

printf '{"name":"Saddam Hussein"}\n{"name":"Kim Jong Un","kind":"person"}\n' |
  curl -H "X-API-Key: $KEY" -H 'Content-Type: application/x-ndjson' --data-binary @- \
  http://127.0.0.1:8000/screen

curl -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d '{"date":"2026-03-01","parties":[{"entity_id":"un_sc:690735","role":"beneficiary"}],"nexus":{"currency":"EUR"}}' \
  http://127.0.0.1:8000/decide</pre>
</body></html>
"#;
