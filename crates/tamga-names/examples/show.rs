//! Prints the analysis of names given on the command line (one per argument); with
//! `--compact`, one line per name of `latin/phonetic/consonants` per token.
fn main() {
    let compact = std::env::args().any(|a| a == "--compact");
    for a in std::env::args().skip(1).filter(|a| a != "--compact") {
        let n = tamga_names::analyze(&a, tamga_names::PartyHint::Unknown);
        if compact {
            let toks: Vec<String> = n
                .tokens
                .iter()
                .map(|t| format!("{}/{}/{}", t.latin, t.phonetic, t.consonants))
                .collect();
            println!("{:<50} {}", a, toks.join(" "));
            continue;
        }
        println!("{} [{}]", a, n.script);
        for t in &n.tokens {
            println!(
                "  {:<20} {:<20} {:<14} {:?} {:?} {:?} {} {}",
                t.text,
                t.latin,
                t.phonetic,
                t.class,
                t.role,
                t.variants,
                t.consonants,
                if t.hyphen_next { "-" } else { "" }
            );
        }
    }
}
