//! The remarks parser on real remarks, copied verbatim from the bundled
//! `data/lists/ofac/sdn_2023-12-28/sdn.csv` (ent_num in each test name). The
//! last test checks the copies still match the bundled file.

use tamga_model::{BirthDate, NameKind, NameQuality, RelationKind};
use tamga_sources::remarks::parse_remarks;

const SDN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/ofac/sdn_2023-12-28/sdn.csv"
);

const R18535: &str = "DOB 03 May 1964; alt. DOB 02 May 1964; POB Taif, Saudi Arabia; nationality Saudi Arabia; Passport H376590 (Saudi Arabia) expires 16 Oct 2012; alt. Passport B912630 (Saudi Arabia); National ID No. 1020539712 (Saudi Arabia); a.k.a. 'HAFEZ, Abu-Obaidah K.'; a.k.a. 'HAFIZ, Abu Obidah K'; a.k.a. 'AL-AGHA, Abu-'Ubaydah'; a.k.a. 'ALAGHA, Abu Obaida'; a.k.a. 'HAFEZ, Abo Obeida'; a.k.a. 'HAFIZ, Abu Ubayda'; a.k.a. 'HAFEZ, Abu Obaida'; a.k.a. 'HAFETH, Abu Ubaydah'; a.k.a. 'HAFITH, Abu Ubaydah'; Linked To: HAMAS.";
const R21387: &str = "DOB 10 Sep 1964; alt. DOB 05 Jan 1968; POB Quetta, Balochistan, Pakistan; nationality Pakistan; Gender Male; Passport J349992 (Pakistan); National ID No. 2083655452 (Saudi Arabia); a.k.a. 'MOHAMMED, Ali'; a.k.a. 'TURAB, Abu'; Linked To: JAMA'AT UL DAWA AL-QU'RAN; Linked To: AMEEN AL-PESHAWARI, Fazeel-A-Tul Shaykh Abu Mohammed.";
const R26138: &str = "DOB 09 Mar 1987; POB Tehran, Iran; nationality Iran; Website www.enexchanger.com; Email Address EnExchanger@gmail.com; alt. Email Address Ensaniyat1365@gmail.com; Additional Sanctions Information - Subject to Secondary Sanctions; Gender Male; Digital Currency Address - XBT 1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V; Identification Number 008-046347-9 (Iran); Birth Certificate Number 32270 (Iran); a.k.a. 'Ensaniyat'; a.k.a. 'Ensaniyat_Exchanger'; a.k.a. 'EnExchanger'.";
const R15036: &str = "Former Vessel Flag Malta; alt. Former Vessel Flag Tuvalu; alt. Former Vessel Flag None Identified; alt. Former Vessel Flag Tanzania; Additional Sanctions Information - Subject to Secondary Sanctions; Vessel Registration Identification IMO 9187629; MMSI 572469210; f.k.a. 'ALPHA'; Linked To: NATIONAL IRANIAN TANKER COMPANY.";
const R18150: &str = "Aircraft Manufacture Date 2002; Aircraft Model Airbus A340-642; Aircraft Manufacturer's Serial Number (MSN) 391; Aircraft Tail Number EP-MMH; Additional Sanctions Information - Subject to Secondary Sanctions; Linked To: MAHAN AIR.";
const R9754: &str = "DOB circa 1945; alt. DOB circa 1950; POB Sistan Va Baluchistan, Iran; nationality Iran; Additional Sanctions Information - Subject to Secondary Sanctions.";
const R16865: &str = "Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209; Organization Established Date 19 Nov 1991; Target Type State-Owned Enterprise; Tax ID No. 7731084175 (Russia); Government Gazette Number 11593871 (Russia); Registration Number 1027739001993 (Russia).";
const R906: &str =
    "SWIFT/BIC HAVIGB2L; Website www.havanaintbank.co.uk; alt. Website www.hib.uk.com; Company Number 01074897 (United Kingdom).";

#[test]
fn person_with_two_dobs_passports_national_id_weak_aliases_and_link_18535() {
    let p = parse_remarks(R18535);
    assert_eq!(
        p.birth_dates,
        vec![
            BirthDate::Exact {
                year: 1964,
                month: 5,
                day: 3
            },
            BirthDate::Exact {
                year: 1964,
                month: 5,
                day: 2
            },
        ]
    );
    assert_eq!(p.birth_places, vec!["Taif, Saudi Arabia"]);
    assert_eq!(p.nationalities, vec!["Saudi Arabia"]);
    let ids: Vec<_> = p
        .identifiers
        .iter()
        .map(|i| {
            (
                i.id_type.as_str(),
                i.number.as_str(),
                i.country.as_deref(),
                i.note.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        ids,
        vec![
            (
                "passport",
                "H376590",
                Some("Saudi Arabia"),
                Some("expires 16 Oct 2012")
            ),
            ("passport", "B912630", Some("Saudi Arabia"), None),
            ("national_id", "1020539712", Some("Saudi Arabia"), None),
        ]
    );
    assert_eq!(p.names.len(), 9);
    assert!(p
        .names
        .iter()
        .all(|n| n.kind == NameKind::Aka && n.quality == NameQuality::Weak));
    // An apostrophe inside a quoted alias is part of the name.
    assert_eq!(p.names[2].full, "AL-AGHA, Abu-'Ubaydah");
    assert_eq!(p.names[0].full, "HAFEZ, Abu-Obaidah K.");
    assert_eq!(p.relationships.len(), 1);
    assert_eq!(p.relationships[0].kind, RelationKind::LinkedTo);
    assert_eq!(p.relationships[0].target_name.as_deref(), Some("HAMAS"));
    assert!(p.unparsed.is_empty(), "{:?}", p.unparsed);
}

#[test]
fn two_links_gender_and_quoted_apostrophes_21387() {
    let p = parse_remarks(R21387);
    assert_eq!(p.gender.as_deref(), Some("male"));
    let targets: Vec<_> = p
        .relationships
        .iter()
        .filter_map(|r| r.target_name.as_deref())
        .collect();
    assert_eq!(
        targets,
        vec![
            "JAMA'AT UL DAWA AL-QU'RAN",
            "AMEEN AL-PESHAWARI, Fazeel-A-Tul Shaykh Abu Mohammed"
        ]
    );
    assert_eq!(p.identifiers.len(), 2);
    assert_eq!(p.identifiers[1].country.as_deref(), Some("Saudi Arabia"));
}

#[test]
fn crypto_email_website_and_other_ids_26138() {
    let p = parse_remarks(R26138);
    let crypto = p
        .identifiers
        .iter()
        .find(|i| i.id_type == "crypto")
        .expect("crypto address");
    assert_eq!(crypto.number, "1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V");
    assert_eq!(crypto.note.as_deref(), Some("XBT"));
    assert_eq!(
        p.properties["email"],
        vec!["EnExchanger@gmail.com", "Ensaniyat1365@gmail.com"]
    );
    assert_eq!(p.properties["website"], vec!["www.enexchanger.com"]);
    let types: Vec<_> = p.identifiers.iter().map(|i| i.id_type.as_str()).collect();
    assert_eq!(types, vec!["crypto", "identification", "birth_certificate"]);
    assert_eq!(p.names.len(), 3);
    assert!(p.unparsed.is_empty(), "{:?}", p.unparsed);
}

#[test]
fn vessel_flags_imo_mmsi_and_weak_former_name_15036() {
    let p = parse_remarks(R15036);
    assert_eq!(
        p.properties["vessel_former_flag"],
        vec!["Malta", "Tuvalu", "None Identified", "Tanzania"]
    );
    let ids: Vec<_> = p
        .identifiers
        .iter()
        .map(|i| (i.id_type.as_str(), i.number.as_str()))
        .collect();
    assert_eq!(ids, vec![("imo", "9187629"), ("mmsi", "572469210")]);
    assert_eq!(p.names.len(), 1);
    assert_eq!(p.names[0].kind, NameKind::Fka);
    assert_eq!(p.names[0].quality, NameQuality::Weak);
    assert_eq!(p.names[0].full, "ALPHA");
}

#[test]
fn aircraft_fields_become_properties_18150() {
    let p = parse_remarks(R18150);
    assert_eq!(p.properties["aircraft_manufacture_date"], vec!["2002"]);
    assert_eq!(p.properties["aircraft_model"], vec!["Airbus A340-642"]);
    assert_eq!(p.properties["aircraft_msn"], vec!["391"]);
    assert_eq!(p.identifiers[0].id_type, "aircraft_tail_number");
    assert_eq!(p.identifiers[0].number, "EP-MMH");
    assert_eq!(p.relationships[0].target_name.as_deref(), Some("MAHAN AIR"));
}

#[test]
fn circa_dates_9754() {
    let p = parse_remarks(R9754);
    assert_eq!(
        p.birth_dates,
        vec![
            BirthDate::Approximate { year: 1945 },
            BirthDate::Approximate { year: 1950 }
        ]
    );
}

#[test]
fn organisation_established_date_and_russian_ids_16865() {
    let p = parse_remarks(R16865);
    assert_eq!(
        p.birth_dates,
        vec![BirthDate::Exact {
            year: 1991,
            month: 11,
            day: 19
        }]
    );
    let ids: Vec<_> = p
        .identifiers
        .iter()
        .map(|i| (i.id_type.as_str(), i.number.as_str()))
        .collect();
    assert_eq!(
        ids,
        vec![
            ("tax_id", "7731084175"),
            ("okpo", "11593871"),
            ("registration", "1027739001993")
        ]
    );
    assert_eq!(p.properties["target_type"], vec!["State-Owned Enterprise"]);
}

#[test]
fn swift_bic_and_company_number_906() {
    let p = parse_remarks(R906);
    assert_eq!(p.identifiers[0].id_type, "swift_bic");
    assert_eq!(p.identifiers[0].number, "HAVIGB2L");
    assert_eq!(p.identifiers[1].country.as_deref(), Some("United Kingdom"));
    assert_eq!(p.properties["website"].len(), 2);
}

#[test]
fn the_copied_remarks_are_verbatim_from_the_bundled_file() {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(SDN)
        .expect("bundled sdn.csv");
    let wanted = [
        ("18535", R18535),
        ("21387", R21387),
        ("26138", R26138),
        ("15036", R15036),
        ("18150", R18150),
        ("9754", R9754),
        ("16865", R16865),
        ("906", R906),
    ];
    let mut found = 0;
    for row in reader.records() {
        let row = row.expect("csv row");
        if let Some((_, text)) = wanted.iter().find(|(id, _)| row.get(0) == Some(*id)) {
            assert_eq!(row.get(11), Some(*text));
            found += 1;
        }
    }
    assert_eq!(found, wanted.len());
}
