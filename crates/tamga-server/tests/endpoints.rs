//! Every endpoint over real HTTP against the real UN consolidated list.

mod common;

use common::{a_person, ids, load, TestServer, UN_XML};
use serde_json::{json, Value};
use tamga_model::{BirthDate, EntityKind};

fn iso(d: &BirthDate) -> String {
    match *d {
        BirthDate::Exact { year, month, day } => format!("{year:04}-{month:02}-{day:02}"),
        BirthDate::Month { year, month } => format!("{year:04}-{month:02}"),
        BirthDate::Year { year } | BirthDate::Approximate { year } => format!("{year:04}"),
        BirthDate::Range { from, .. } => format!("{from:04}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_endpoint_answers_from_the_real_un_list() {
    let list = load(UN_XML);
    let person = a_person(&list);
    let server = TestServer::with_lists(&[UN_XML]).await;
    server.wait_ready().await;

    // Health and readiness.
    let (s, health) = server.get_json("/healthz").await;
    assert_eq!((s, health["status"].as_str()), (200, Some("ok")));
    let (s, ready) = server.get_json("/readyz").await;
    assert_eq!(s, 200);
    assert_eq!(ready["entities"].as_u64(), Some(list.entities.len() as u64));
    assert_eq!(ready["lists_version"].as_u64(), Some(1));

    // Quick search finds the person by their caption, with a request id echoed.
    let r = server
        .client
        .get(server.url("/search"))
        .query(&[("q", person.caption()), ("kind", "person"), ("limit", "5")])
        .header("x-request-id", "test-req-42")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["x-request-id"], "test-req-42");
    let body: Value = r.json().await.unwrap();
    let found = ids(&body["results"]);
    assert!(found.contains(&person.id), "{} not in {found:?}", person.id);
    assert!(found.len() <= 5);
    for m in body["results"].as_array().unwrap() {
        assert_ne!(m["kind"], "organization", "kind=person filter: {m}");
        assert!(m["score"].as_f64().unwrap() >= 0.7);
    }
    // A generated request id when the client sends none.
    let r = server.get("/healthz", None).await;
    assert!(!r.headers()["x-request-id"].is_empty());

    // Bad search parameters are JSON 4xx.
    let (s, e) = server.get_json("/search").await;
    assert_eq!((s, e["error"].as_str()), (400, Some("bad_request")));
    assert!(e["detail"].as_str().unwrap().contains("`q`"));
    let (s, e) = server.get_json("/search?q=x&kind=spaceship").await;
    assert_eq!(s, 422, "{e}");
    let (s, e) = server.get_json("/search?q=x&limit=abc").await;
    assert_eq!(s, 400, "{e}");

    // The entity endpoint returns the unified model.
    let (s, entity) = server.get_json(&format!("/entities/{}", person.id)).await;
    assert_eq!(s, 200);
    assert_eq!(entity["id"].as_str(), Some(person.id.as_str()));
    assert_eq!(entity["source"], "un_sc");
    assert_eq!(
        entity["names"].as_array().unwrap().len(),
        person.names.len()
    );
    let (s, e) = server.get_json("/entities/un_sc:no-such-id").await;
    assert_eq!((s, e["error"].as_str()), (404, Some("not_found")));

    // /lists describes the list as loaded.
    let (s, lists) = server.get_json("/lists").await;
    assert_eq!(s, 200);
    assert_eq!(lists["ready"], true);
    let l = &lists["lists"][0];
    assert_eq!(l["source"], "un_sc");
    assert_eq!(l["format"].as_str(), Some(list.meta.format.as_str()));
    assert_eq!(l["entity_count"].as_u64(), Some(list.entities.len() as u64));
    assert_eq!(l["sha256"].as_str(), Some(list.meta.sha256.as_str()));
    assert_eq!(l["published"].as_str(), list.meta.published.as_deref());
    assert!(l["loaded_at"].as_str().is_some());
    assert_eq!(l["last_attempt"]["outcome"], "ok");
    assert_eq!(lists["last_refresh"]["trigger"], "initial");

    // Metrics count what happened.
    let searches = server
        .metric(r#"tamga_http_requests_total{method="GET",route="/search",status="200"}"#)
        .await;
    assert_eq!(searches, Some(1.0));
    assert_eq!(
        server.metric(r#"tamga_list_entities{list="un_sc"}"#).await,
        Some(list.entities.len() as f64)
    );
    assert_eq!(
        server.metric("tamga_refresh_attempts_total").await,
        Some(1.0)
    );
    assert!(
        server
            .metric(r#"tamga_list_age_seconds{list="un_sc"}"#)
            .await
            .unwrap()
            > 0.0
    );
    assert!(
        server
            .metric(r#"tamga_matches_returned_total{route="/search"}"#)
            .await
            .unwrap()
            >= 1.0
    );

    // Docs: the OpenAPI document is generated from the handlers.
    let (s, api) = server.get_json("/openapi.json").await;
    assert_eq!(s, 200);
    for path in [
        "/search",
        "/match/{dataset}",
        "/screen",
        "/entities/{id}",
        "/lists",
        "/admin/refresh",
    ] {
        assert!(
            api["paths"].get(path).is_some(),
            "{path} missing from OpenAPI"
        );
    }
    let page = server.get("/docs", None).await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("/openapi.json"));

    // Unknown routes and methods are JSON errors.
    let (s, e) = server.get_json("/nope").await;
    assert_eq!((s, e["error"].as_str()), (404, Some("not_found")));
    let r = server
        .client
        .delete(server.url("/search"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"], "method_not_allowed");
}

/// The request shapes of yente's documentation (`/match` docstring, the
/// OpenSanctions "request" and "quickstart" pages), filled with real listed
/// parties.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn yente_match_requests_as_documented() {
    let list = load(UN_XML);
    let person = a_person(&list);
    let org = list
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Organization && e.caption().split_whitespace().count() >= 3)
        .expect("an organisation with a multi-word name");
    let server = TestServer::with_lists(&[UN_XML]).await;
    server.wait_ready().await;

    // Two examples in one batch, as in yente's /match docstring.
    let mut person_props = json!({
        "name": [person.caption()],
        "birthDate": [iso(&person.birth_dates[0])],
    });
    if let Some(n) = person.nationalities.first() {
        person_props["nationality"] = json!([n]);
    }
    let body = json!({
        "queries": {
            "entity1": {"schema": "Person", "properties": person_props},
            "entity2": {"schema": "Company", "properties": {"name": [org.caption()], "jurisdiction": ["hk"]}}
        }
    });
    let r = server
        .client
        .post(server.url("/match/default"))
        .query(&[
            ("algorithm", "logic-v2"),
            ("threshold", "0.8"),
            ("topics", "sanction"),
        ])
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["x-batch-size"], "2");
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["limit"], 5);
    assert!(v["matcher"]["name_score"]["description"].is_string());
    let q1 = &v["responses"]["entity1"];
    assert_eq!(q1["status"], 200);
    assert_eq!(q1["query"]["schema"], "Person");
    let results = q1["results"].as_array().unwrap();
    let top = results
        .iter()
        .find(|r| r["id"] == person.id.as_str())
        .unwrap_or_else(|| panic!("{} not matched: {q1}", person.id));
    assert_eq!(top["caption"].as_str(), Some(person.caption()));
    assert_eq!(top["schema"], "Person");
    assert_eq!(top["datasets"], json!(["un_sc"]));
    assert_eq!(top["referents"], json!([person.source_id]));
    assert_eq!(top["target"], true);
    assert!(top["properties"]["name"]
        .as_array()
        .unwrap()
        .contains(&json!(person.caption())));
    assert!(top["properties"]["topics"]
        .as_array()
        .unwrap()
        .contains(&json!("sanction")));
    let score = top["score"].as_f64().unwrap();
    assert_eq!(top["match"], score >= 0.8);
    assert!(top["features"]["name_score"].is_number());
    assert!(top["explanation"]["tokens"].is_array());
    let matched = results.iter().filter(|r| r["match"] == true).count();
    assert_eq!(q1["total"]["value"].as_u64(), Some(matched as u64));
    assert_eq!(q1["total"]["relation"], "eq");
    for r in results {
        assert_ne!(r["schema"], "Organization", "Person query returned {r}");
    }
    let q2 = &v["responses"]["entity2"];
    assert!(ids(&q2["results"]).contains(&org.id), "{q2}");

    // The quickstart's firstName / lastName form, sent with `ApiKey` auth
    // header style (ignored here: no keys configured).
    let parts: Vec<&str> = person.caption().split_whitespace().collect();
    let quick = json!({"queries": {"q": {"schema": "Person", "properties": {
        "firstName": [parts[0]],
        "lastName": [parts[1..].join(" ")],
        "birthDate": [iso(&person.birth_dates[0])[..4].to_string()],
    }}}});
    let (s, v) = server.post_json("/match/default", &quick).await;
    assert_eq!(s, 200, "{v}");
    assert!(
        ids(&v["responses"]["q"]["results"]).contains(&person.id),
        "{v}"
    );

    // A dataset slug restricts; an unknown one is a 404; `limit` applies.
    let (s, v) = server.post_json("/match/un_sc?limit=1", &quick).await;
    assert_eq!(s, 200);
    assert!(v["responses"]["q"]["results"].as_array().unwrap().len() <= 1);
    let (s, e) = server.post_json("/match/us_ofac_sdn", &quick).await;
    assert_eq!(s, 404, "{e}");
    assert!(e["detail"].as_str().unwrap().contains("un_sc"));
    // Excluding the entity's dataset removes it.
    let (s, v) = server
        .post_json("/match/default?exclude_dataset=un_sc", &quick)
        .await;
    assert_eq!(s, 200);
    assert!(v["responses"]["q"]["results"]
        .as_array()
        .unwrap()
        .is_empty());

    // Malformed and invalid requests.
    let r = server
        .post_raw(
            "/match/default",
            "application/json",
            "{\"queries\": {\"q1\": ",
        )
        .await;
    assert_eq!(r.status(), 400);
    let e: Value = r.json().await.unwrap();
    assert!(
        e["detail"].as_str().unwrap().contains("not valid JSON"),
        "{e}"
    );
    let (s, e) = server
        .post_json(
            "/match/default",
            &json!({"queries": {"q1": {"schema": "Spaceship", "properties": {"name": ["x"]}}}}),
        )
        .await;
    assert_eq!(s, 400, "{e}");
    assert!(e["detail"].as_str().unwrap().contains("queries.q1.schema"));
    let (s, e) = server.post_json("/match/default", &json!({"queries": {"q1": {"schema": "Person", "properties": {"birthDate": ["1970"]}}}})).await;
    assert_eq!(s, 400, "{e}");
    let (s, e) = server
        .post_json("/match/default", &json!({"nothing": 1}))
        .await;
    assert_eq!(s, 422, "{e}");
    let (s, e) = server
        .post_json("/match/default?algorithm=magic", &quick)
        .await;
    assert_eq!(s, 400, "{e}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batch_screen_streams_ndjson_from_json_ndjson_and_csv() {
    let list = load(UN_XML);
    let person = a_person(&list);
    let server = TestServer::with_lists(&[UN_XML]).await;
    server.wait_ready().await;
    let long = "x".repeat(tamga_screen::MAX_NAME_BYTES + 1);

    let post = |ct: &'static str, body: String| {
        server
            .client
            .post(server.url("/screen?limit=3"))
            .header("content-type", ct)
            .body(body)
            .send()
    };
    let lines = |text: String| -> Vec<Value> {
        text.lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect()
    };

    // NDJSON: good, malformed, empty name, too long, good with id.
    let ndjson = format!(
        "{}\n{{not json\n\n{}\n{}\n{}\n",
        json!({"name": person.caption()}),
        json!({"name": "  "}),
        json!({"name": long}),
        json!({"id": "mine", "name": person.caption(), "kind": "person"}),
    );
    let r = post("application/x-ndjson", ndjson).await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/x-ndjson");
    let out = lines(r.text().await.unwrap());
    assert_eq!(out.len(), 5, "{out:?}");
    assert_eq!(out[0]["id"], "1");
    assert!(ids(&out[0]["matches"]).contains(&person.id));
    assert!(out[0]["matches"].as_array().unwrap().len() <= 3);
    assert_eq!(
        (out[1]["line"].as_u64(), out[1]["code"].as_str()),
        (Some(2), Some("invalid_json"))
    );
    assert_eq!(
        (out[2]["line"].as_u64(), out[2]["code"].as_str()),
        (Some(4), Some("empty_name"))
    );
    assert_eq!(
        (out[3]["line"].as_u64(), out[3]["code"].as_str()),
        (Some(5), Some("name_too_long"))
    );
    assert_eq!(out[3]["record"], 4);
    assert_eq!(out[4]["id"], "mine");
    assert!(ids(&out[4]["matches"]).contains(&person.id));

    // JSON array, same record shape.
    let array = json!([{"name": person.caption()}, {"name": 12}, person.caption()]).to_string();
    let out = lines(
        post("application/json", array)
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert_eq!(out.len(), 3);
    assert!(ids(&out[0]["matches"]).contains(&person.id));
    assert_eq!(out[1]["record"], 2);
    assert!(out[1]["error"].is_string());
    assert!(ids(&out[2]["matches"]).contains(&person.id));

    // CSV with a header; a short row is an error record naming its line.
    let csv = format!(
        "id,name,kind\nc1,\"{}\",person\nc2\nc3,\"{}\",starship\n",
        person.caption(),
        person.caption()
    );
    let out = lines(post("text/csv", csv).await.unwrap().text().await.unwrap());
    assert_eq!(out.len(), 3, "{out:?}");
    assert_eq!(out[0]["id"], "c1");
    assert!(ids(&out[0]["matches"]).contains(&person.id));
    assert_eq!(out[1]["line"], 3);
    assert_eq!(out[2]["code"], "invalid_field");

    // Whole-body problems are 4xx JSON and nothing is screened.
    for (ct, body, status) in [
        (
            "application/json",
            "[{\"name\": \"a\"}, ".to_string(),
            400u16,
        ),
        ("text/csv", "who,what\na,b\n".to_string(), 400),
        ("text/plain", "hello".to_string(), 415),
        ("application/x-ndjson", "\n\n".to_string(), 400),
    ] {
        let r = post(ct, body).await.unwrap();
        assert_eq!(r.status().as_u16(), status, "{ct}");
        assert_eq!(r.headers()["content-type"], "application/json");
        let e: Value = r.json().await.unwrap();
        assert!(e["detail"].is_string());
    }
}
