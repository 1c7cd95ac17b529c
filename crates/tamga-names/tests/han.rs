//! Chinese names: company names written without spaces are cut into division, trade name,
//! industry words and legal form; traditional characters fold to simplified.

mod common;

use tamga_names::{analyze, PartyHint, TokenClass};

fn org(name: &str) -> Vec<(String, String, TokenClass, Vec<String>)> {
    analyze(name, PartyHint::Organization)
        .tokens
        .into_iter()
        .map(|t| (t.text, t.latin, t.class, t.variants))
        .collect()
}

use common::token_texts as texts;

#[test]
fn a_company_name_is_cut_into_its_parts() {
    let t = org("香港恒邦微電子有限公司");
    let latin: Vec<&str> = t.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(
        latin,
        ["xianggang", "hengbangwei", "dianzi", "youxiangongsi"]
    );
    assert_eq!(t[0].2, TokenClass::Stopword);
    assert!(t[0].3.contains(&"@hongkong".to_string()));
    // The trade name is the distinctive part, read as one pinyin word.
    assert_eq!(t[1].2, TokenClass::Name);
    assert!(t[2].3.contains(&"@electronic".to_string()));
    assert_eq!(t[3].2, TokenClass::LegalForm("ltd".into()));
}

#[test]
fn the_dictionary_reading_settles_characters_with_several() {
    // 行 alone reads xing; in 银行 (bank) it is hang.
    let t = org("华夏银行有限公司");
    assert_eq!(t[1].1, "yinhang");
    assert!(t[1].3.contains(&"@bank".to_string()));
}

#[test]
fn traditional_and_simplified_characters_fold_together() {
    assert_eq!(
        texts("華信船務(香港)有限公司", PartyHint::Organization),
        texts("华信船务(香港)有限公司", PartyHint::Organization)
    );
    assert_eq!(texts("習近平", PartyHint::Person), ["习", "近平"]);
}

#[test]
fn a_division_suffix_is_cut_only_after_a_place() {
    assert_eq!(
        texts("深圳市羅約科技有限公司", PartyHint::Organization),
        ["深圳", "市", "罗约", "科技", "有限公司"]
    );
    // 超市 (supermarket) is not a division: 市 stays in the trade name.
    assert_eq!(
        texts("超市科技有限公司", PartyHint::Organization),
        ["超市", "科技", "有限公司"]
    );
}

#[test]
fn names_without_an_industry_word_or_legal_form_are_not_cut() {
    // A person's name (or one the table cannot read) keeps the family / given split.
    assert_eq!(texts("石春梅", PartyHint::Person), ["石", "春梅"]);
    assert_eq!(texts("石春梅", PartyHint::Unknown), ["石", "春梅"]);
    // A person's name is never read as a company's, whatever its characters.
    assert_eq!(texts("王科技", PartyHint::Person), ["王", "科技"]);
    assert_eq!(texts("深圳恒邦", PartyHint::Organization), ["深圳恒邦"]);
}

#[test]
fn pinyin_legal_forms_are_legal_forms() {
    let t = org("Ruiyuan Keji Youxian Gongsi");
    assert_eq!(
        t.last().map(|x| &x.2),
        Some(&TokenClass::LegalForm("ltd".into()))
    );
    assert_eq!(t.len(), 3);
}
