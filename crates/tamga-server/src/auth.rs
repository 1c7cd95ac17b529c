//! API keys: hashed at rest, compared in constant time, with roles.

use crate::config::ApiKeyConfig;
use crate::error::ApiError;
use axum::http::HeaderMap;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// What a key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Search, match, screen, read entities and lists.
    Screen,
    /// Refresh the lists.
    Admin,
}

impl Role {
    /// Parses `screen` / `admin`.
    pub fn parse(text: &str) -> Option<Role> {
        match text.trim().to_ascii_lowercase().as_str() {
            "screen" => Some(Role::Screen),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Its name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Screen => "screen",
            Role::Admin => "admin",
        }
    }
}

/// Hex SHA-256 of a key: the form in which keys are configured.
pub fn hash_key(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// Who made a request, as far as logs are concerned: the key's label, never
/// the key.
#[derive(Debug, Clone)]
pub struct Principal {
    /// The configured name of the key, or `anonymous`.
    pub name: String,
}

struct Key {
    name: String,
    hash: [u8; 32],
    roles: Vec<Role>,
}

/// The configured keys.
pub struct KeyRing {
    keys: Vec<Key>,
}

impl KeyRing {
    /// Builds the ring from validated config (bad hashes are skipped; config
    /// validation has already rejected them).
    pub fn new(config: &[ApiKeyConfig]) -> KeyRing {
        let keys = config
            .iter()
            .filter_map(|k| {
                let bytes = hex::decode(&k.sha256).ok()?;
                let hash: [u8; 32] = bytes.try_into().ok()?;
                Some(Key {
                    name: k.name.clone(),
                    hash,
                    roles: k.roles.clone(),
                })
            })
            .collect();
        KeyRing { keys }
    }

    /// No keys: the service is open (loopback only, enforced at start).
    pub fn is_open(&self) -> bool {
        self.keys.is_empty()
    }

    /// Checks the request's key for `role`.
    ///
    /// The presented key is hashed and compared with *every* configured hash
    /// in constant time, so neither the position of a matching key nor the
    /// length of a common prefix shows in the response time.
    pub fn authorize(&self, headers: &HeaderMap, role: Role) -> Result<Principal, ApiError> {
        if self.is_open() {
            return Ok(Principal {
                name: "anonymous".to_string(),
            });
        }
        let Some(presented) = presented_key(headers) else {
            return Err(ApiError::unauthorized(
                "an API key is required: send `Authorization: Bearer KEY`, \
                 `Authorization: ApiKey KEY` or `X-API-Key: KEY`",
            ));
        };
        let digest: [u8; 32] = Sha256::digest(presented.as_bytes()).into();
        let mut found: Option<&Key> = None;
        for key in &self.keys {
            let equal: bool = key.hash.ct_eq(&digest).into();
            if equal && found.is_none() {
                found = Some(key);
            }
        }
        match found {
            None => Err(ApiError::unauthorized("the API key is not valid")),
            Some(key) if !key.roles.contains(&role) => Err(ApiError::forbidden(format!(
                "this API key lacks the `{}` role",
                role.as_str()
            ))),
            Some(key) => Ok(Principal {
                name: key.name.clone(),
            }),
        }
    }
}

/// The key from `X-API-Key`, or from `Authorization` with scheme `Bearer` or
/// `ApiKey` (yente clients), or a bare `Authorization` value (OpenSanctions'
/// curl examples send the key without a scheme).
fn presented_key(headers: &HeaderMap) -> Option<String> {
    if let Some(v) = headers.get("x-api-key").and_then(|v| v.to_str().ok()) {
        let v = v.trim();
        if !v.is_empty() {
            return Some(v.to_string());
        }
    }
    let auth = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .trim();
    let key = match auth.split_once(' ') {
        Some((scheme, rest))
            if scheme.eq_ignore_ascii_case("bearer") || scheme.eq_ignore_ascii_case("apikey") =>
        {
            rest.trim()
        }
        Some(_) => return None,
        None => auth,
    };
    (!key.is_empty()).then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ring() -> KeyRing {
        KeyRing::new(&[
            ApiKeyConfig {
                name: "app".into(),
                sha256: hash_key("s3cret-app"),
                roles: vec![Role::Screen],
            },
            ApiKeyConfig {
                name: "ops".into(),
                sha256: hash_key("s3cret-ops"),
                roles: vec![Role::Screen, Role::Admin],
            },
        ])
    }

    fn headers(name: &str, value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            axum::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
        h
    }

    #[test]
    fn every_header_form_is_accepted_and_roles_are_enforced() {
        let ring = ring();
        for (h, v) in [
            ("authorization", "Bearer s3cret-app"),
            ("authorization", "ApiKey s3cret-app"),
            ("authorization", "s3cret-app"),
            ("x-api-key", "s3cret-app"),
        ] {
            let p = ring.authorize(&headers(h, v), Role::Screen).unwrap();
            assert_eq!(p.name, "app", "{h}: {v}");
            let err = ring.authorize(&headers(h, v), Role::Admin).unwrap_err();
            assert_eq!(err.status.as_u16(), 403);
        }
        assert_eq!(
            ring.authorize(&headers("x-api-key", "s3cret-ops"), Role::Admin)
                .unwrap()
                .name,
            "ops"
        );
        let none = ring.authorize(&HeaderMap::new(), Role::Screen).unwrap_err();
        assert_eq!(none.status.as_u16(), 401);
        let wrong = ring
            .authorize(&headers("authorization", "Bearer nope"), Role::Screen)
            .unwrap_err();
        assert_eq!(wrong.status.as_u16(), 401);
        let basic = ring
            .authorize(&headers("authorization", "Basic czNjcmV0"), Role::Screen)
            .unwrap_err();
        assert_eq!(basic.status.as_u16(), 401);
    }

    #[test]
    fn hash_matches_sha256sum() {
        // `printf %s abc | sha256sum`
        assert_eq!(
            hash_key("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
