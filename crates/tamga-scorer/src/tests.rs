//! Tests of the scorer through its public interface (`score`, `score_as`):
//! what two names score and how the explanation reads, path by path.

use super::*;
use tamga_matcher::{MatchPath, NoStats, TokenMatch};

fn score(a: &str, b: &str) -> NameScore {
    let s = TamgaScorer;
    let a = s.prepare(a, NameKindHint::Unknown);
    let b = s.prepare(b, NameKindHint::Unknown);
    s.score(&a, &b, &NoStats)
}

fn score_as(kind: NameKindHint, a: &str, b: &str) -> f64 {
    let s = TamgaScorer;
    s.score(&s.prepare(a, kind), &s.prepare(b, kind), &NoStats)
        .score
}

/// A Chinese company name meets its Latin rendering part by part: the
/// trade name in pinyin (joined, or syllables written apart), industry
/// words and places by their English gloss, the legal form by class.
#[test]
fn chinese_company_names_meet_their_latin_renderings() {
    let org = NameKindHint::Organization;
    for (han, latin) in [
        (
            "香港恒邦微電子有限公司",
            "HK HENGBANGWEI ELECTRONICS LIMITED",
        ),
        ("華信船務(香港)有限公司", "HUAXIN SHIPPING HONGKONG LTD"),
        (
            "海能機械(香港)有限公司",
            "HAINENG MACHINERY (HONG KONG) CO., LIMITED",
        ),
        (
            "苏州百胜动力机器股份有限公司",
            "SUZHOU BAISHENG POWER MACHINERY CO., LTD.",
        ),
        ("新全電子(香港)有限公司", "Xin Quan Electronics Co Limited"),
        ("华信船务(香港)有限公司", "華信船務(香港)有限公司"),
    ] {
        let s = score_as(org, han, latin);
        assert!(s >= 0.85, "{han} ~ {latin}: {s}");
        let s = score_as(org, latin, han);
        assert!(s >= 0.85, "{latin} ~ {han}: {s}");
    }
}

/// What makes two Chinese company names the same is the trade name:
/// sharing the division, industry words and legal form is not enough,
/// nor is a homophone (same toneless pinyin, other characters), a trade
/// name one letter off, or an Arabic word with the same consonants.
#[test]
fn chinese_company_names_that_differ_stay_apart() {
    let org = NameKindHint::Organization;
    for (a, b) in [
        ("双敏电子科技有限公司", "信諾電子科技有限公司"),
        ("精芯传媒有限公司", "成都景昕科技有限公司"),
        ("深圳市飞海科技有限公司", "深圳市飞利信科技有限公司"),
        ("新全電子有限公司", "Xin Quang Electronics Co Limited"),
        ("新全電子有限公司", "Xinquang Electronics Co Limited"),
        ("七喜信息有限公司", "کیهان"),
    ] {
        let s = score_as(org, a, b);
        assert!(s < 0.6, "{a} ~ {b}: {s}");
    }
    // Homophone given names are other names.
    let s = score_as(NameKindHint::Person, "王晨", "王辰");
    assert!(s < 0.6, "王晨 ~ 王辰: {s}");
}

/// A Chinese personal name (family name, then the given name written as
/// one word) meets Latin renderings in either order, the given name
/// joined or in syllables.
#[test]
fn chinese_personal_names_meet_their_latin_renderings() {
    for latin in ["SHI Chun Mei", "Chunmei SHI", "Shi Chunmei"] {
        let s = score_as(NameKindHint::Person, "石春梅", latin);
        assert!(s >= 0.9, "石春梅 ~ {latin}: {s}");
    }
    let s = score_as(NameKindHint::Person, "石春梅", "SHI Chun Hui");
    assert!(s < 0.7, "石春梅 ~ SHI Chun Hui: {s}");
}

/// A company listed under its pre-2014 Russian form (ОАО, ЗАО) and screened under the
/// current or generic one (JSC) still has its legal form matched, a little below the
/// same class; a limited liability company is another form and stays unmatched.
#[test]
fn joint_stock_classes_match_each_other_below_the_same_class() {
    let path = |s: &NameScore, form: &str| {
        s.explanation
            .tokens
            .iter()
            .find(|t| t.query == form)
            .map(|t| t.similarity)
    };
    let same = score("AO Radioavionika", "Radioavionika JSC");
    let related = score("OAO Radioavionika", "Radioavionika JSC");
    let other = score("OOO Radioavionika", "Radioavionika JSC");
    assert_eq!(path(&same, "ao"), Some(1.0), "{same:?}");
    assert_eq!(
        path(&related, "oao"),
        Some(SIM_LEGAL_RELATED),
        "{related:?}"
    );
    assert_eq!(path(&other, "ooo"), None, "{other:?}");
    assert!(same.score > related.score && related.score > other.score);
}

#[test]
fn identical_names_score_one_and_are_exact() {
    // Names of OFAC SDN entries (sdn.csv 2023-12-28): 16667, 45937, 8279.
    let s = score("YAKUNIN, Vladimir Ivanovich", "YAKUNIN, Vladimir Ivanovich");
    assert!(s.score > 0.99, "{s:?}");
    assert!(all_match(&s, |t| t.path == MatchPath::Exact));
}

#[test]
fn candidates_scored_together_score_as_one_by_one() {
    // More candidates than the prefetch pipeline is deep, sharing tokens,
    // in several scripts and with a joined run.
    let s = TamgaScorer::new();
    let preparer = s.list_preparer();
    let hint = NameKindHint::Person;
    let names = [
        "YAKUNIN, Vladimir Ivanovich",
        "Vladimir Ivanovich USTINOV",
        "Владимир Якунин",
        "Abd al Rahman Yakunin",
        "عبد الرحمن",
        "Yakunina Vladimira",
        "Wladimir Jakunin",
        "V. I. Yakunin",
    ];
    let prepared: Vec<PreparedName> = names
        .iter()
        .map(|n| preparer(n, hint, &analyze(n, PartyHint::Person)))
        .collect();
    let candidates: Vec<&PreparedName> = prepared.iter().collect();
    for query in [
        "Vladimir Yakunin",
        "Abdurrahman Yakunin",
        "Ustinov Vladimir",
    ] {
        let query = s.prepare(query, hint);
        let one_by_one: Vec<f64> = candidates
            .iter()
            .map(|c| s.score_value(&query, c, &NoStats))
            .collect();
        assert!(one_by_one.iter().any(|&v| v > 0.5));
        assert_eq!(s.score_values(&query, &candidates, &NoStats), one_by_one);
    }
}

#[test]
fn order_does_not_matter() {
    let a = score("ZAKHAROV Aleksandr", "Aleksandr ZAKHAROV");
    assert!(a.score > 0.99, "{a:?}");
}

#[test]
fn typos_and_joins_are_explained() {
    // OFAC SDN 35037 "OOO NAUCHNO-TEKHNICHESKII TSENTR METROTEK", with the
    // hyphenated words written together and a typo in the last word.
    let s = score(
        "Nauchnotekhnicheskii Tsentr Metrotel",
        "OOO NAUCHNO-TEKHNICHESKII TSENTR METROTEK",
    );
    let paths: Vec<_> = s.explanation.tokens.iter().map(|t| &t.path).collect();
    assert!(paths.contains(&&MatchPath::Joined), "{s:?}");
    assert!(
        paths
            .iter()
            .any(|p| matches!(p, MatchPath::EditDistance { distance: 1 })),
        "{s:?}"
    );
    assert!((0.7..0.99).contains(&s.score), "{s:?}");
}

#[test]
fn a_join_needs_more_of_the_second_word_than_its_edits() {
    // OFAC SDN `JSC A.S. YAKOVLEV DB`: `Yakovleva` is two edits from
    // `yakovlevdb`, every letter of `DB` an edit, so the surname meets
    // `YAKOVLEV` and `DB` stays unmatched.
    let s = org("ООО «Яковлева»", "JSC A.S. YAKOVLEV DB");
    assert!(all_match(&s, |t| t.path != MatchPath::Joined), "{s:?}");
    // A join with an edit inside the words is still one.
    let s = org(
        "Nauchnotekhnicheskii Metrotek",
        "NAUCHNO-TEKHNICHESKY METROTEK",
    );
    assert!(any_match(&s, |t| t.path == MatchPath::Joined), "{s:?}");
}

#[test]
fn a_repeated_name_does_not_crowd_out_a_run_written_together() {
    // Egyptian double names repeat the father's and grandfather's name
    // (Mohamed Mohamed) and write a compound given name as one word or
    // two. Best-first alone pairs the first `Mohamed` exactly and leaves
    // `Mohamedsherif` and `Sherif` unmatched.
    let s = score(
        "Awaad Mohamedsherif Mohamed Mohamed",
        "Awaad Mohamed Sherif Mohamed Mohamed",
    );
    let joined: Vec<_> = s
        .explanation
        .tokens
        .iter()
        .filter(|t| t.path == MatchPath::Joined)
        .collect();
    assert_eq!(joined.len(), 1, "{s:?}");
    assert_eq!(joined[0].query, "mohamedsherif", "{s:?}");
    assert!(s.explanation.unmatched_query.is_empty(), "{s:?}");
    assert!(s.explanation.unmatched_list.is_empty(), "{s:?}");
    assert!(s.score > 0.95, "{s:?}");
}

#[test]
fn a_compound_written_as_one_word_meets_its_three_parts() {
    // ʿAbd al-Majid, ʿAbd ar-Raḥmān, Naṣīr ad-Dīn: one word against the
    // name, the article and the second name written apart, with the
    // article's vowel varied and assimilated to a sun letter.
    for (one, three) in [
        ("Abdelmajid Hamdan", "Abd-al-Majid Hamdan"),
        ("Abdurrahman Hamdan", "Abd al Rahman Hamdan"),
        ("Abd el Rahman Hamdan", "Abdulrahman Hamdan"),
        ("Nasiruddin Hamdan", "Nasir ud Din Hamdan"),
    ] {
        let s = score(one, three);
        assert!(s.score > 0.9, "{one} / {three}: {s:?}");
        assert!(any_match(&s, |t| t.path == MatchPath::Joined), "{s:?}");
    }
    // A middle word that is not the article is not skipped over.
    let s = score("Abdbinmajid Hamdan", "Abd bin Majid Hamdan");
    assert!(all_match(&s, |t| t.path != MatchPath::Joined), "{s:?}");
}

#[test]
fn arabic_script_meets_its_latin_rendering() {
    // UN consolidated list (2026-02-27), DATAID 6908052: its
    // NAME_ORIGINAL_SCRIPT and its FIRST..FOURTH_NAME parts.
    let s = score("علي حسن المجيد التكريتي", "ALI HASSAN AL-MAJID AL-TIKRITI");
    assert!(s.score >= 0.7, "{s:?}");
    assert!(s.explanation.unmatched_query.is_empty(), "{s:?}");
    assert!(any_match(&s, |t| t.list == "ali"
        && matches!(t.path, MatchPath::Phonetic { .. })));
}

/// Names in Arabic script meet Latin ones only on what the script writes:
/// the consonants, the long and final vowels, the letter of a first vowel.
/// Innocent names that met listed names on less (left) stay apart; the
/// same parties' names as the lists publish them in both scripts (right)
/// still meet.
#[test]
fn abjad_names_meet_latin_ones_on_what_the_script_writes() {
    for (innocent, listed) in [
        // Elnaz is one word, not al- + Naz; Movahed is not the abbreviation Mohd.
        ("الناز موحد", "MUHAMMAD, Niaz"),
        // Roqayeh starts on a consonant (not Araghi); Abd al-Ali ends on ی, not
        // on the h of Abdollah.
        ("رقیه عبدالعلی", "Abdollah ARAGHI"),
        // Haniyeh writes the long i that Khan lacks.
        ("هانيه عبدالعلی", "KHAN, Abdullah"),
        // Runs written together spell their words' long vowels (-ri, Rudi).
        ("اصيل الوعري", "SILVER"),
        ("Radislav Nosov", "رودي سليــوة"),
        // Ihsanoglu starts on a vowel the script would write.
        ("Nabil İhsanoğlu", "حسن غول"),
        // Shadda doubles; it is no vowel: Abboud is not Abd.
        ("عبّود بارق", "AL-BARI, 'Abd"),
        // Kermani ends on the -i the script writes; Karimian does not.
        ("علي کرمانی", "Ali KARIMIAN"),
        // A short rendering one letter off the vowel-less transliteration
        // differs in what the script writes: Javan is not Jan, Qaʿi not Qasi.
        ("جوان القاعي", "SA'ID JAN, Qasi"),
    ] {
        let s = score(innocent, listed);
        assert!(s.score < 0.6, "{innocent} / {listed}: {s:?}");
    }
    // Keyhan is not Khan; Arj (ج) is not Ari.
    let org = NameKindHint::Organization;
    assert!(score_as(org, "Khan Inc", "کیهان") < 0.6);
    assert!(score_as(org, "ارج", "ARI") < 0.6);
    // A legal form abbreviates the word the script spells in full; a longer
    // word one letter off is still a rendering (ليبية ~ Libyan).
    assert!(score_as(org, "راحت لمتد", "RAHAT LTD.") > 0.7);
    assert!(
        score_as(
            org,
            "الجماعة الاسلامية المقاتلة الليبية",
            "LIBYAN ISLAMIC FIGHTING GROUP"
        ) > 0.8
    );
    for (abjad, latin) in [
        (
            "موسى بن عمر بن علي السعدي",
            "MOUSSA BEN OMAR BEN ALI ESSAADI",
        ),
        ("ابوالفضل نظری", "Abualfazl Nazeri"),
        ("محمد رستمی چشمه گچی", "Mohammad Rostami Cheshmeh Gachi"),
        (
            "محمد بن بلقاسم بن عبد الله العوادي",
            "MOHAMED BEN BELGACEM BEN ABDALLAH AL-AOUADI",
        ),
    ] {
        let s = score(abjad, latin);
        assert!(s.score > 0.8, "{abjad} / {latin}: {s:?}");
        let back = score(latin, abjad);
        assert!(back.score > 0.8, "{latin} / {abjad}: {back:?}");
    }
}

#[test]
fn abjad_letters_read_otherwise_meet_their_latin_renderings() {
    // Each pair needs one other reading of a letter (data/abjad_readings.tsv):
    // و as w, ة as -at, ك+ح as kh, ث as s, a final ی joined (Abdulhai),
    // an initial و as `ou`, Hebrew ו/ח/כ unpointed.
    for (abjad, latin) in [
        ("خولة برزان", "KHAWLA BARZAN"),
        ("عصبة الأنصار", "ASBAT AL-ANSAR"),
        ("محمد لكحل", "MOHAMED LAKHAL"),
        ("نور محمد ثاقب", "NOOR MOHAMMAD SAQIB"),
        ("عبدالحی سالک", "ABDULHAI SALEK"),
        ("حماده ولد محمد", "Hamada OULD MOHAMED"),
        ("דוד חי חסדאי", "David Chai Chasdai"),
        ("שלום זיכרמן", "Shalom Zicherman"),
        ("ינון לוי", "Yinon LEVY"),
    ] {
        let s = score(abjad, latin);
        assert!(s.score > 0.8, "{abjad} / {latin}: {s:?}");
        let back = score(latin, abjad);
        assert!(back.score > 0.8, "{latin} / {abjad}: {back:?}");
    }
    // The other readings stay within each letter's conventions: a و next
    // to alif is always w (Qawasim is not Kassem), ج is never g (Jamal is
    // not Kamal).
    for (abjad, latin) in [("لقاء القواسم", "Kassem ALIQ"), ("جمال حسن", "Kamal Hasan")]
    {
        let s = score(abjad, latin);
        assert!(s.score < 0.6, "{abjad} / {latin}: {s:?}");
    }
}

#[test]
fn a_split_article_does_not_take_the_one_a_joined_run_needs() {
    // `el` could pair with either article of the Arabic name; the one inside
    // عبد الرحمن belongs to the joined run Abderrahmane.
    let s = score("ABDERRAHMANE EL AMAR", "عبد الرحمن العامر");
    assert!(s.score > 0.8, "{s:?}");
    assert!(s.explanation.unmatched_query.is_empty(), "{s:?}");
    // Without the run, the article still pairs with an article.
    let s = score("EL AMAR", "العامر");
    assert!(s.explanation.unmatched_query.is_empty(), "{s:?}");
}

#[test]
fn the_conjunction_wa_is_split_off_an_article_word() {
    let with = score("NUSRAT UL-ISLAM WA AL-MUSLIMIN", "نصرة الإسلام والمسلمين");
    assert!(with.score > 0.8, "{with:?}");
    // A different last word still costs.
    let other = score("NUSRAT UL-ISLAM WA AL-MUHAJIRIN", "نصرة الإسلام والمسلمين");
    assert!(other.score < with.score - 0.1, "{other:?} vs {with:?}");
}

#[test]
fn a_three_letter_token_may_miss_one_letter_of_four() {
    // SDN "SHAPOVALOV, Oleg Georgievich" with a letter of the given name lost.
    let s = score("Oeg Georgievich Shapovalov", "Oleg Georgievich SHAPOVALOV");
    assert!(s.explanation.unmatched_query.is_empty(), "{s:?}");
    assert!(any_match(&s, |t| t.query == "oeg"
        && t.path == MatchPath::EditDistance { distance: 1 }));
}

#[test]
fn han_syllables_one_letter_apart_are_different_names() {
    // OFSI Group 16461: 赵光宗, published in Latin as "Guangzong ZHAO".
    let same = score("赵光宗", "Guangzong ZHAO");
    assert!(same.score > 0.9, "{same:?}");
    // 中 (zhong) is not 宗 (zong): no edit-distance path from Han.
    let other = score("赵光宗", "Guangzhong ZHAO");
    assert!(
        all_match(&other, |t| !matches!(
            t.path,
            MatchPath::EditDistance { .. }
        )),
        "{other:?}"
    );
    assert!(other.score < 0.7, "{other:?}");
    // Nor a generic phonetic path: 熊 is xiong, not Hung; 倩 is qian, not Ken.
    assert_eq!(score("熊", "HUNG").score, 0.0);
    assert_eq!(score("倩", "KEN").score, 0.0);
    // The Latin forms stay within edit distance of each other.
    let latin = score("Guangzhong ZHAO", "Guangzong ZHAO");
    assert!(latin.score > 0.8, "{latin:?}");
}

#[test]
fn hangul_syllables_with_other_vowels_are_different_names() {
    // The same syllables in Revised Romanization and McCune-Reischauer.
    for (korean, latin) in [
        ("김성훈", "KIM Song Hun"),
        ("김현", "KIM Hyon"),
        ("박광", "PAK Kwang"),
        ("최생", "CHOE Saeng"),
    ] {
        let s = score(korean, latin);
        assert!(s.score > 0.8, "{korean} {latin} {s:?}");
    }
    // 건 geon is not hyon (현), 상 sang is not saeng (생), 현 hyeon is not hun (훈).
    for (korean, latin) in [("건", "HYON"), ("상", "SAENG"), ("현", "HUN")] {
        assert_eq!(score(korean, latin).score, 0.0, "{korean} {latin}");
    }
    let s = score("김건우", "KIM Hyon U");
    assert!(s.score < 0.7, "{s:?}");
}

#[test]
fn a_consonant_key_match_needs_the_long_vowels_arabic_script_writes() {
    // The same names in Persian or Arabic script and Latin.
    for (abjad, latin) in [
        ("حسین ابراهیمی", "Hossein Ebrahimi"),
        ("مرتضی صالح", "Morteza Saleh"),
        ("احمد عبدالله", "Ahmad Abdullah"),
        ("زهرا حسینی", "Zahra Hosseini"),
    ] {
        let s = score(abjad, latin);
        assert!(s.score > 0.8, "{abjad} / {latin}: {s:?}");
    }
    // Different names on a shared two- or three-consonant key: Ehsan is not Hossein
    // (`hsn`), Zahra not Zouhair (`zhr`), Hamidi not Hamad (`hmd`), Abbasi not Abbas,
    // Raed not Riyad, Salim not Salama.
    for (abjad, latin) in [
        ("احسان حمیدی", "Hossein Hamad"),
        ("زهرا عباسی", "Zouhair Abbas"),
        ("رائد سليم", "رياض سلامة"),
    ] {
        let s = score(abjad, latin);
        assert_eq!(s.score, 0.0, "{abjad} / {latin}: {s:?}");
    }
    // Nor one edit apart: Khaldi خالدي (the nisba's final ي) is not Khalid, whose
    // `khaldi` is one transposition away.
    assert_eq!(score("خالدي", "Khalid").score, 0.0);
    assert!(score("خالد", "Khalid").score > 0.8);
}

#[test]
fn hangul_syllables_keep_their_initial_and_are_never_initials() {
    // 영 yeong is not 정 jeong (the phonetic key reads j as a glide).
    assert_eq!(score("영", "JONG").score, 0.0);
    assert!(score("김은영", "KIM Jong Un").score < 0.7);
    // 이 is a surname, not the initial of `Il`.
    assert!(score("이영호", "HO Yong Il").score < 0.7);
    // A syllable of one letter is part of the name: Ryu Woo-jin is not Ryu Jin.
    // A given name shares a syllable with another (우진 Woo-jin, 진 Jin;
    // 도현 Do-hyeon, Hyon-U): the shared syllable alone is weak evidence.
    let dropped = score("류우진", "RYU Jin").score;
    assert!(dropped < 0.7, "{dropped}");
    assert!(score("류진", "RYU Jin").score > 0.9);
    let s = score("김도현", "KIM Hyon U");
    assert!(s.score < 0.7, "{s:?}");
    // A given name's syllables keep their order, the surname may stand at
    // either end: 김광수 is Kim Gwang-su, not Su-gwang.
    assert!(score("김광수", "KIM Gwang Su").score > 0.9);
    assert!(score("김광수", "Gwang Su KIM").score > 0.9);
    assert!(score("김광수", "Su Gwang KIM").score < 0.7);
    assert!(score("김정은", "김은정").score < 0.75);
    // The initial-sound rule: South Korean 이, 임, 유 are North Korean and
    // English-style Ri, Lee, Rim, Lim, Ryu.
    for (korean, latin) in [
        ("이설주", "RI Sol Ju"),
        ("이설주", "LEE Sol Ju"),
        ("임영수", "LIM Yong Su"),
        ("유진", "RYU Jin"),
    ] {
        let s = score(korean, latin);
        assert!(s.score > 0.9, "{korean} / {latin}: {s:?}");
    }
}

#[test]
fn a_names_own_unmatched_abbreviation_costs_nothing() {
    let org = |a: &str, b: &str| score_as(NameKindHint::Organization, a, b);
    // OFAC: DEFENSE INDUSTRIES ORGANIZATION, also written with its abbreviation.
    let with = org(
        "DEFENSE INDUSTRIES ORGANIZATION (DIO)",
        "DEFENSE INDUSTRIES ORGANIZATION",
    );
    let without = org(
        "DEFENSE INDUSTRIES ORGANIZATION",
        "DEFENSE INDUSTRIES ORGANIZATION",
    );
    assert_eq!(with, without);
    // An acronym that abbreviates nothing matched still costs.
    let other = org(
        "DEFENSE INDUSTRIES ORGANIZATION (KTJ)",
        "DEFENSE INDUSTRIES ORGANIZATION",
    );
    assert!(other < with, "{other} vs {with}");
    // On the list side too.
    let list = org(
        "DEFENCE INDUSTRIES ORGANISATION",
        "DEFENCE INDUSTRIES ORGANISATION (DIO)",
    );
    assert_eq!(
        list,
        org(
            "DEFENCE INDUSTRIES ORGANISATION",
            "DEFENCE INDUSTRIES ORGANISATION"
        )
    );
}

#[test]
fn short_words_two_letters_apart_are_weak_phonetic_evidence() {
    let sim = |a: &str, b: &str| {
        let s = score(a, b);
        assert_eq!(s.explanation.tokens.len(), 1, "{s:?}");
        assert!(
            matches!(s.explanation.tokens[0].path, MatchPath::Phonetic { .. }),
            "{s:?}"
        );
        s.explanation.tokens[0].similarity
    };
    // The key folds `ch` to `h` and final `e` to `a`: two different words.
    assert_eq!(sim("Chase", "Hasa"), SIM_SHORT_PHONETIC);
    // The cost: a short name in two conventions two letters apart
    // (French `Iouri`, English `Yuri`) is weaker evidence too; a given
    // name is rarely a match's only evidence.
    assert_eq!(sim("Iouri", "Yuri"), SIM_SHORT_PHONETIC);
    // One letter apart, or long enough that the key keeps the word.
    assert_eq!(sim("Ilya", "Ilia"), SIM_PHONETIC);
    assert_eq!(sim("Mirziyoyev", "Mirzijojev"), SIM_PHONETIC);
}

#[test]
fn an_organisation_name_repeating_itself_is_not_penalised_for_it() {
    // UK OFSI lists the full name and, in brackets, its short form.
    let listed = "Общество с ограниченной ответственностью «ПЛАЗ» (ООО «ПЛАЗ»)";
    let org = score_as(NameKindHint::Organization, "PLAZ LLC", listed);
    assert!(org > 0.9, "{org}");
    // In a person's name a repeated name is another person's (the
    // grandfather's): the listed name that lacks it still differs.
    let person = |a: &str, b: &str| score_as(NameKindHint::Person, a, b);
    let without = person("Mohamed Ahmed Hassan", "Mohamed Ahmed Hassan");
    let repeated = person("Mohamed Ahmed Hassan", "Mohamed Ahmed Hassan Mohamed");
    assert!(repeated < without - 0.05, "{repeated} vs {without}");
}

#[test]
fn an_edit_of_the_first_letter_costs_more() {
    let edit = |a: &str, b: &str| {
        let s = score(a, b);
        assert!(
            matches!(
                s.explanation.tokens[..],
                [TokenMatch {
                    path: MatchPath::EditDistance { distance: 1 },
                    ..
                }]
            ),
            "{s:?}"
        );
        s.explanation.tokens[0].similarity
    };
    // An innocent customer against a listed company, and one typo of the
    // same listed name (OFAC SDN: KARNES).
    let first = edit("Barnes", "KARNES");
    let later = edit("Karmes", "KARNES");
    assert!(
        (later - first - FIRST_LETTER_EDIT_COST).abs() < 1e-3,
        "{first} {later}"
    );
}

#[test]
fn a_surname_formed_on_a_given_name_is_not_its_typo() {
    // Muhammadov is Muhammad + the Russian surname suffix: two letters,
    // within the edit allowance of an 8-letter word, but another name.
    let derived = score_as(NameKindHint::Person, "Umar Muhammadov", "UMAR, Muhammad");
    let typo = score_as(NameKindHint::Person, "Umar Muhamamd", "UMAR, Muhammad");
    assert!(derived < 0.6, "{derived}");
    assert!(typo > 0.8, "{typo}");
    // Against another surname the suffix is a spelling: Kazakh deputies
    // drop the Russian -ov (EveryPolitician Kazakhstan: KOZHAKHMET Arman
    // = Кожахметов Арман).
    let kazakh = score_as(NameKindHint::Person, "KOZHAKHMET Arman", "КОЖАХМЕТОВ Арман");
    assert!(kazakh > 0.75, "{kazakh}");
}

#[test]
fn spellings_of_one_arabic_or_persian_given_name_meet() {
    let person = |a: &str, b: &str| score_as(NameKindHint::Person, a, b);
    // Aliases OFAC publishes for one person: Yussef and Yusif are two letters
    // apart and their vowels differ, but they are one name (يوسف).
    let yusuf = person("HAMADI, Hamed Yussef", "AL-HAMMADI, Hamid Yusif");
    assert!(yusuf > 0.85, "{yusuf}");
    // The UN's two spellings of one Somali name: the Somali orthography
    // writes ع as c and ح as x (Cusman = Osman, Maxamed = Mohamed).
    let somali = person(
        "ABDULLAHI OSMAN MOHAMED CADDOW",
        "Cabdullahi Cusman Maxamed Caddow",
    );
    assert!(somali > 0.85, "{somali}");
    // Names of one root are different names, kept apart by the table: the
    // given names stay unmatched.
    for (a, b) in [("Hamid", "Ahmad"), ("Hamid", "Mahmud"), ("Nizam", "Nazim")] {
        let s = score(&format!("{a} Yusif"), &format!("{b} Yusif"));
        assert!(
            all_match(&s, |t| t.list != b.to_lowercase()),
            "{a} ~ {b}: {s:?}"
        );
    }
}

#[test]
fn a_conjunction_is_not_an_initial_and_partners_is_a_generic_word() {
    // A customer's law firm against a listed Russian investment group: only
    // the generic "partners" is shared; и is "and", not the initial of
    // INVESTITSIONNAYA (such pairs scored 0.67-0.69 in the evaluation
    // before: alerts at the 1 % threshold).
    let s = score_as(
        NameKindHint::Organization,
        "Лукин и партнеры",
        "INVESTITSIONNAYA GRUPPA PARTNERY OOO",
    );
    assert!(s < 0.5, "{s}");
}

#[test]
fn the_other_gender_form_of_a_surname_is_another_person() {
    let person = |a: &str, b: &str| score_as(NameKindHint::Person, a, b);
    // A man and a woman of one family: the surname's `-a` is not a typo.
    let relative = person("Osipova Aleksandra", "OSIPOV, Aleksandr");
    let typo = person("Osipov Aleksandr", "OSIPOV, Aleksandr");
    assert!(relative < 0.6, "{relative}");
    assert!(typo > 0.95, "{typo}");
    // In an organisation's name `-ova` is the genitive of a namesake:
    // Завод имени Кулакова is the plant named after Kulakov.
    let plant = score_as(
        NameKindHint::Organization,
        "Plant named after Kulakov",
        "Завод имени Кулакова",
    );
    assert!(plant > 0.8, "{plant}");
}

#[test]
fn surnames_sharing_a_formant_are_compared_on_their_stems() {
    let paths = |a: &str, b: &str| -> Vec<MatchPath> {
        let s = score(a, b);
        s.explanation
            .tokens
            .iter()
            .map(|t| t.path.clone())
            .collect()
    };
    // Two letters apart in a short stem: another surname.
    assert!(paths("Kashchenko", "Ishchenko").is_empty());
    assert!(paths("Voronova", "Morozova").is_empty());
    // Two letters apart in a long stem, or one letter anywhere: a typo.
    assert_eq!(
        paths("Kolesnikova", "Kolisnykova"),
        [MatchPath::EditDistance { distance: 2 }]
    );
    assert_eq!(
        paths("Zlutskiy", "Slutskiy"),
        [MatchPath::EditDistance { distance: 1 }]
    );
}

#[test]
fn a_patronymic_is_not_the_surname_one_letter_away() {
    let person = |a: &str, b: &str| score_as(NameKindHint::Person, a, b);
    // Lyubov Mikhailova is not Lyubov, daughter of Mikhail.
    let daughter = person("Mikhailova Lyubov", "Lyubov Mikhailovna KABAEVA");
    assert!(daughter < 0.6, "{daughter}");
    // A patronymic whose suffix a typo spoilt, or written with a
    // surname's suffix in the patronymic's place, still meets it.
    let typo = person("Tatiana Ivaonvna DYAKONOVA", "Tatiana Ivanovna DYAKONOVA");
    assert!(typo > 0.9, "{typo}");
    let misspelt = person(
        "Lyubov Valentinova PRIGOZHINA",
        "Lyubov Valentinovna PRIGOZHINA",
    );
    assert!(misspelt > 0.9, "{misspelt}");
}

#[test]
fn hebrew_words_are_not_run_together() {
    // Eden Levi: with its vowel letters optional, the two Hebrew words
    // joined have the consonants of Daniel.
    let s = score("Daniel Martinez", "עדן לוי");
    assert!(s.score < 0.3, "{s:?}");
    // An Arabic compound still meets its one-word rendering.
    let s = score("Abdullah Hamdan", "عبد الله حمدان");
    assert!(s.score > 0.8, "{s:?}");
}

#[test]
fn arabic_script_words_one_consonant_apart_are_different_names() {
    // Nouri and Nazari in Persian script: one letter, another consonant.
    let other = score("ابوالفضل نوری", "ابوالفضل نظری");
    assert!(other.score < 0.6, "{other:?}");
    // Dawud written with one waw or two: a vowel letter, the same name, which both
    // spellings' given-name class says.
    let vowel = score("داود", "داوود");
    assert!(
        any_match(&vowel, |t| matches!(
            &t.path,
            MatchPath::Phonetic { key } if key == "@g:dawud"
        )),
        "{vowel:?}"
    );
}

#[test]
fn short_tokens_need_equality() {
    let s = score("Ali", "Ari");
    assert_eq!(s.score, 0.0, "{s:?}");
    assert_eq!(s.explanation.unmatched_query, vec!["ali".to_string()]);
}

#[test]
fn initials_match_full_tokens_weakly() {
    let full = score("Viktor Bout", "Viktor Anatolijevitch BOUT");
    let initial = score("V. Bout", "Viktor Anatolijevitch BOUT");
    assert!(any_match(&initial, |t| t.path == MatchPath::Initial));
    assert!(initial.score < full.score, "{initial:?} vs {full:?}");
}

#[test]
fn arabic_romanisations_meet_on_consonants() {
    // OFAC SDN: KAWTHARANI, Adnan Hussein and a later rendering of the surname.
    let s = score("KUTHERANI, Adnan", "KAWTHARANI, Adnan");
    assert!(s.score > 0.8, "{s:?}");
    assert!(any_match(&s, |t| t.list == "kawtharani"
        && matches!(t.path, MatchPath::Phonetic { .. })));
    // Words of three consonants are not compared that way: they collide
    // too often (measured on the evaluation's innocent names).
    // (Sadeq = Sadegh meets on the q-as-g phonetic variant instead, and
    // Yusif = Yussef on the given-name table.)
    assert!(score("Nizam", "Nazem").explanation.tokens.is_empty());
    let sadeq = score("Sadeq", "Sadegh");
    assert!(
        all_match(&sadeq, |t| matches!(t.path, MatchPath::Phonetic { .. })),
        "{sadeq:?}"
    );
    assert!(!sadeq.explanation.tokens.is_empty(), "{sadeq:?}");
    assert_eq!(score("Omar", "Amir").score, 0.0);
}

/// Whether some token pair of a score's explanation satisfies `f`.
fn any_match(s: &NameScore, f: impl Fn(&TokenMatch) -> bool) -> bool {
    s.explanation.tokens.iter().any(f)
}

/// Whether every token pair of a score's explanation satisfies `f`.
fn all_match(s: &NameScore, f: impl Fn(&TokenMatch) -> bool) -> bool {
    s.explanation.tokens.iter().all(f)
}

fn org(a: &str, b: &str) -> NameScore {
    let s = TamgaScorer;
    let a = s.prepare(a, NameKindHint::Organization);
    let b = s.prepare(b, NameKindHint::Organization);
    s.score(&a, &b, &NoStats)
}

#[test]
fn a_stump_compound_meets_its_words_and_another_compound_of_them() {
    // Russian compound abbreviations: Рос(сийская) электроника, газ +
    // пром(ышленность) + банк, against the words translated.
    let s = org("AO ROSELEKTRONIKA", "RUSSIAN ELECTRONICS");
    assert!(s.score > 0.8, "{s:?}");
    assert!(any_match(&s, |t| t.path == MatchPath::Joined
        && t.list == "russian electronics"));
    let s = org("Газпромбанк", "Gas Industry Bank");
    assert!(s.score > 0.8, "{s:?}");
    let s = org("Нефтегаз", "Oil and Gas");
    assert!(s.score > 0.8, "{s:?}");
    // Two compounds of the same words, each romanised its own way.
    let s = org("АО Росэлектроника", "JSC RUSELECTRONICS");
    assert!(s.score > 0.8, "{s:?}");
    // Every piece must meet: a compound sharing a stump is another name.
    let s = org("ROSAGRO LLC", "ROSNEFT LLC");
    assert!(s.score < 0.5, "{s:?}");
    let s = org("Rosneft", "Russian Agricultural Bank");
    assert!(s.score < 0.5, "{s:?}");
    // A person's name is never cut into stumps.
    let s = score_as(NameKindHint::Person, "Gasprom Alan", "Gas Industry Alan");
    assert!(s < 0.7, "{s}");
}

#[test]
fn acronyms_meet_the_words_they_abbreviate() {
    // OFAC SDN names of one entity (sdn.csv 2023-12-28): the initials of a
    // run of words, with the rest of the name agreeing.
    let s = org(
        "OGC-VICTORIA HOLDING LTD",
        "OIL GAS CONSULTING - VICTORIA HOLDING, LTD.",
    );
    assert!(s.score > 0.85, "{s:?}");
    assert!(any_match(&s, |t| t.path == MatchPath::Acronym
        && t.list == "oil gas consulting"));
    // Initials written apart are the same letters.
    let s = org(
        "MDS IMPORT EXPORT CO., LTD.",
        "M. D. S. IMPORT EXPORT CO., LTD.",
    );
    assert!(s.score > 0.9, "{s:?}");
}

#[test]
fn private_limited_forms_of_two_laws_are_related() {
    // A Bulgarian OOD published under the English Ltd., with the noun inflected.
    let s = org("National Lottery OOD", "National Lotteries Ltd.");
    assert!(s.score > 0.85, "{s:?}");
    assert!(
        any_match(&s, |t| t.list == "ltd"
            && matches!(t.path, MatchPath::LegalForm { .. })),
        "{s:?}"
    );
    // Related, not the same: a match below the one on the same class.
    let same = org("Neva Trade OOO", "Neva Trade LLC");
    let related = org("Neva Trade OOO", "Neva Trade Ltd");
    let other = org("Neva Trade OOO", "Neva Trade PLC");
    assert!(same.score > related.score, "{same:?} vs {related:?}");
    assert!(related.score > other.score, "{related:?} vs {other:?}");
    // A UAE free-zone establishment is a limited-liability company too.
    let fze = org("Neva Trade FZE", "Neva Trade L.L.C.");
    assert!(
        any_match(&fze, |t| matches!(t.path, MatchPath::LegalForm { .. })),
        "{fze:?}"
    );
}

#[test]
fn translated_and_generic_organisation_words_cost_little() {
    // A foundation named in French against its English name.
    let s = org("Fondation Famille Martin", "Martin Family Foundation");
    assert!(s.score > 0.85, "{s:?}");
    // A descriptor the list leaves out (what the company does) costs less than a word
    // of the name.
    let descriptor = org("Neva Shipyard", "Neva");
    let word = org("Neva Baltika", "Neva");
    assert!(descriptor.score > word.score, "{descriptor:?} vs {word:?}");
    assert!(descriptor.score > 0.75, "{descriptor:?}");
}

#[test]
fn a_four_letter_acronym_alone_reaches_the_alert_band() {
    let s = org("NRTC", "National Rail Transport Company");
    assert!(s.score > 0.72, "{s:?}");
    let three = org("NRT", "National Rail Transport");
    assert!(three.score < s.score, "{three:?} vs {s:?}");
}

#[test]
fn a_cyrillic_letter_romanised_with_two_gives_an_acronym_either() {
    // Acronyms written from the Cyrillic take one letter per word, which
    // the romanisation writes with two (Ц ts, Ч ch): OFAC SDN's
    // `AO NTSLSK ASTROFIZIKA` is a Natsionalnyi TSentr Lazernykh Sistem
    // i Kompleksov.
    let s = org(
        "AO NTSLSK ASTROFIZIKA",
        "Natsionalniy Tsentr Lazernykh Sistem i Kompleksov Astrofizika",
    );
    assert!(s.score > 0.85, "{s:?}");
    assert!(any_match(&s, |t| t.path == MatchPath::Acronym
        && t.list.starts_with("natsionalniy tsentr")));
    let s = org("CHTZ", "Chelyabinskii Traktornyi Zavod");
    assert!(any_match(&s, |t| t.path == MatchPath::Acronym), "{s:?}");
    // Only a word that starts with the two letters gives both.
    let s = org("CHTZ", "Kurganskii Traktornyi Zavod");
    assert!(all_match(&s, |t| t.path != MatchPath::Acronym), "{s:?}");
    let s = org(
        "AO NTSLSK ASTROFIZIKA",
        "Natsionalniy Laboratoriya Sistem i Kompleksov Astrofizika",
    );
    assert!(all_match(&s, |t| t.path != MatchPath::Acronym), "{s:?}");
}

#[test]
fn a_two_letter_initial_confirms_one_word() {
    // `CHTZ` of three words is as weak as a three-letter acronym; the
    // same letters given by four words are a four-letter one.
    let three = org("CHTZ", "Chelyabinskii Traktornyi Zavod");
    let four = org("CHTZ", "Chelyabinskii Holding Traktornyi Zavod");
    assert!(three.score < 0.7, "{three:?}");
    assert!(three.score < four.score, "{three:?} vs {four:?}");
}

#[test]
fn an_acronym_written_in_several_tokens_is_one_acronym() {
    // OFAC SDN: `AO NII SVT` of AKTSIONERNOE OBSHCHESTVO NAUCHNO
    // ISSLEDOVATELSKII INSTITUT SREDSTV VYCHISLITELNOI TEKHNIKI. НИИ is
    // written out by the analyser; `SVT` continues the words it gave, in
    // order, so chance would have to spell all six initials.
    // The words НИИ gives are common in a list of Russian organisations.
    struct Common;
    impl TokenStats for Common {
        fn frequency(&self, token: &str) -> f64 {
            let common = ["nauch", "issled", "instit", "zavod"];
            if common.iter().any(|c| token.starts_with(c)) {
                0.3
            } else {
                0.0
            }
        }
    }
    let org = |a: &str, b: &str| {
        let s = TamgaScorer;
        let a = s.prepare(a, NameKindHint::Organization);
        let b = s.prepare(b, NameKindHint::Organization);
        s.score(&a, &b, &Common)
    };
    let long = "AKTSIONERNOE OBSHCHESTVO NAUCHNO ISSLEDOVATELSKII INSTITUT SREDSTV VYCHISLITELNOI TEKHNIKI";
    let s = org("AO NII SVT", long);
    assert!(s.explanation.distinctiveness > 0.99, "{s:?}");
    assert!(s.score > 0.9, "{s:?}");
    // The same three letters away from the words they would continue
    // (and from the legal form, which would close them) are a
    // three-letter acronym alone.
    let apart = org(
        "SVT ZAVOD NII AO",
        "SREDSTV VYCHISLITELNOI TEKHNIKI NAUCHNO ISSLEDOVATELSKII INSTITUT ZAVOD AKTSIONERNOE OBSHCHESTVO",
    );
    assert!(
        apart.explanation.distinctiveness < s.explanation.distinctiveness,
        "{apart:?} vs {s:?}"
    );
}

#[test]
fn a_short_acronym_alone_does_not_alert() {
    let s = org("AAB", "Asadov, Abbosov and Bonueva");
    assert!(any_match(&s, |t| t.path == MatchPath::Acronym), "{s:?}");
    assert!(s.score < 0.7, "{s:?}");
    // A person's name has no acronyms.
    let s = TamgaScorer;
    let a = s.prepare("AAB", NameKindHint::Person);
    let b = s.prepare("Asadov Abbosov Bonueva", NameKindHint::Person);
    assert_eq!(s.score(&a, &b, &NoStats).score, 0.0);
    // A word written in lowercase is not read as an acronym.
    let w = org("Rust GmbH", "RAPID UNITED SHIPPING TRADING GMBH");
    assert!(all_match(&w, |t| t.path != MatchPath::Acronym), "{w:?}");
}

#[test]
fn a_function_word_gives_an_acronym_a_letter_but_no_evidence() {
    // Faker-style partnership names joined by `and` against listed four-letter acronyms
    // (OFAC SDN `JOINT STOCK COMPANY SCAN`): the `A` of `and` is nearly free, so the
    // acronym is as weak as three letters from three names.
    let s = org("Sarvinozova, Charosova and Nurmuhammadov", "SCAN");
    assert!(any_match(&s, |t| t.path == MatchPath::Acronym), "{s:?}");
    assert!(s.score < 0.7, "{s:?}");
    let free = org("BONY", "Bank of New York");
    let spelt = org("BNYM", "Bank New York Mellon");
    assert!(
        any_match(&free, |t| t.path == MatchPath::Acronym),
        "{free:?}"
    );
    assert!(free.score < spelt.score, "{free:?} vs {spelt:?}");
    assert!(spelt.score > 0.72, "{spelt:?}");
}

#[test]
fn a_legal_form_closing_an_acronym_counts_as_one_of_its_words() {
    // OFAC SDN `PTC GMBH`, published also as `PRINTING TRADE CENTER GMBH`:
    // the same form after the acronym and after the words it spells.
    let s = org("PRINTING TRADE CENTER GMBH", "PTC GMBH");
    assert!(any_match(&s, |t| t.path == MatchPath::Acronym), "{s:?}");
    assert!(s.score > 0.72, "{s:?}");
    // Without the form, or with a form of another class, three letters stay weak.
    let bare = org("PRINTING TRADE CENTER", "PTC");
    assert!(bare.score < 0.7, "{bare:?}");
    let other = org("PRINTING TRADE CENTER PLC", "PTC GMBH");
    assert!(other.score < 0.7, "{other:?}");
    // Nor does a form elsewhere in the name.
    let apart = org("GMBH PRINTING TRADE CENTER", "PTC GMBH");
    assert!(apart.score < s.score, "{apart:?} vs {s:?}");
}

#[test]
fn an_extra_query_token_costs_less_than_a_missing_list_token() {
    let extra_in_query = score("Viktor Anatolijevitch Bout", "Viktor BOUT");
    let extra_in_list = score("Viktor Bout", "Viktor Anatolijevitch BOUT");
    assert!(
        extra_in_query.score > extra_in_list.score,
        "{extra_in_query:?} vs {extra_in_list:?}"
    );
    assert!(extra_in_query.score < 0.99, "{extra_in_query:?}");
}

#[test]
fn missing_tokens_cost_score() {
    let full = score("Viktor Anatolijevitch Bout", "Viktor Anatolijevitch BOUT");
    let partial = score("Bout", "Viktor Anatolijevitch BOUT");
    assert!(partial.score < 0.7, "{partial:?}");
    assert!(full.score > partial.score);
}
