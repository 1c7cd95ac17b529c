//! Country comparison for secondary evidence.
//!
//! Lists write countries as names ("Russia", "Russian Federation", "Korea,
//! North"), queries often as ISO codes ("RU", "RUS"). Both sides are reduced
//! to a canonical key: the ISO 3166-1 alpha-2 code when the text is a code or
//! a known name of one of the countries that appear on sanctions lists,
//! otherwise the lowercase letters of the text.

/// ISO alpha-2, alpha-3, then known names (lowercase letters and spaces only).
const COUNTRIES: &[(&str, &str, &[&str])] = &[
    ("af", "afg", &["afghanistan"]),
    ("ae", "are", &["united arab emirates", "uae"]),
    ("am", "arm", &["armenia"]),
    ("az", "aze", &["azerbaijan"]),
    ("ba", "bih", &["bosnia and herzegovina", "bosnia"]),
    ("by", "blr", &["belarus"]),
    (
        "cd",
        "cod",
        &[
            "democratic republic of the congo",
            "congo democratic republic of the",
            "drc",
        ],
    ),
    ("cf", "caf", &["central african republic"]),
    ("cn", "chn", &["china", "peoples republic of china"]),
    ("co", "col", &["colombia"]),
    ("cu", "cub", &["cuba"]),
    ("cy", "cyp", &["cyprus"]),
    ("de", "deu", &["germany"]),
    ("eg", "egy", &["egypt"]),
    ("er", "eri", &["eritrea"]),
    ("es", "esp", &["spain"]),
    ("et", "eth", &["ethiopia"]),
    ("fr", "fra", &["france"]),
    ("gb", "gbr", &["united kingdom", "uk", "great britain"]),
    ("ge", "geo", &["georgia"]),
    ("hk", "hkg", &["hong kong"]),
    ("in", "ind", &["india"]),
    ("iq", "irq", &["iraq"]),
    ("ir", "irn", &["iran", "islamic republic of iran"]),
    ("it", "ita", &["italy"]),
    ("jo", "jor", &["jordan"]),
    ("kg", "kgz", &["kyrgyzstan", "kyrgyz republic"]),
    (
        "kp",
        "prk",
        &[
            "north korea",
            "korea north",
            "democratic peoples republic of korea",
            "dprk",
        ],
    ),
    (
        "kr",
        "kor",
        &["south korea", "korea south", "republic of korea"],
    ),
    ("kw", "kwt", &["kuwait"]),
    ("kz", "kaz", &["kazakhstan"]),
    ("lb", "lbn", &["lebanon"]),
    ("ly", "lby", &["libya"]),
    ("md", "mda", &["moldova"]),
    ("ml", "mli", &["mali"]),
    ("mm", "mmr", &["burma", "myanmar"]),
    ("mx", "mex", &["mexico"]),
    ("ng", "nga", &["nigeria"]),
    ("ni", "nic", &["nicaragua"]),
    ("pa", "pan", &["panama"]),
    ("pk", "pak", &["pakistan"]),
    (
        "ps",
        "pse",
        &["palestine", "palestinian", "west bank", "gaza"],
    ),
    ("qa", "qat", &["qatar"]),
    ("rs", "srb", &["serbia"]),
    ("ru", "rus", &["russia", "russian federation"]),
    ("sa", "sau", &["saudi arabia"]),
    ("sd", "sdn", &["sudan"]),
    ("sg", "sgp", &["singapore"]),
    ("so", "som", &["somalia"]),
    ("ss", "ssd", &["south sudan"]),
    ("sy", "syr", &["syria", "syrian arab republic"]),
    ("tj", "tjk", &["tajikistan"]),
    ("tm", "tkm", &["turkmenistan"]),
    ("tr", "tur", &["turkey", "turkiye"]),
    ("ua", "ukr", &["ukraine"]),
    ("us", "usa", &["united states", "united states of america"]),
    ("uz", "uzb", &["uzbekistan"]),
    ("ve", "ven", &["venezuela"]),
    ("ye", "yem", &["yemen"]),
    ("zw", "zwe", &["zimbabwe"]),
];

/// The canonical key of a country as written (see the module docs).
pub fn country_key(text: &str) -> String {
    let plain: String = text
        .chars()
        .map(|c| {
            if c.is_alphabetic() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    for (a2, a3, names) in COUNTRIES {
        if plain == *a2 || plain == *a3 || names.contains(&plain.as_str()) {
            return (*a2).to_string();
        }
    }
    plain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_meet() {
        assert_eq!(country_key("RU"), country_key("Russian Federation"));
        assert_eq!(country_key("Korea, North"), country_key("PRK"));
        assert_ne!(country_key("Iran"), country_key("Iraq"));
        assert_eq!(country_key("Atlantis"), "atlantis");
    }
}
