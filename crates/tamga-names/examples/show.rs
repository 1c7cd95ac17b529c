//! Prints the analysis of names given on the command line (one per argument).
fn main() {
    for a in std::env::args().skip(1) {
        let n = tamga_names::analyze(&a, tamga_names::PartyHint::Unknown);
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
