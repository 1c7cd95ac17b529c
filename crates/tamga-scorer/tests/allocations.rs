//! Scoring a candidate allocates nothing once the scorer's buffers have grown
//! (screening scores tens of thousands of candidates a query), on every path
//! but the few the scorer's `Scratch` lists. Counted by an allocator that
//! counts the allocations of the calling thread, so that the other tests of
//! this binary, run in parallel, do not count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use tamga_matcher::{NameKindHint, NameScorer, NoStats};
use tamga_scorer::TamgaScorer;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is passed on to the system allocator unchanged; the
// count is a const-initialised thread-local, which allocates nothing.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// The allocations of scoring `query` against `listed` a second time, after
/// a first scoring has grown the buffers and memoised the tokens' data.
fn allocations(query: &str, listed: &str, kind: NameKindHint) -> (f64, usize) {
    let s = TamgaScorer;
    let (q, l) = (s.prepare(query, kind), s.prepare(listed, kind));
    s.score_value(&q, &l, &NoStats);
    let before = ALLOCATIONS.with(Cell::get);
    let score = s.score_value(&q, &l, &NoStats);
    (score, ALLOCATIONS.with(Cell::get) - before)
}

#[test]
fn scoring_a_candidate_allocates_nothing() {
    // Every failing pair is reported, not the first only.
    let mut failures = Vec::new();
    for (query, listed, kind) in [
        // Token pairs: exact, transliteration, phonetic, edit distance, initial.
        ("Vladimir PUTIN", "Wladimir Poutine", NameKindHint::Person),
        (
            "Aleksandr LUKASHENKO",
            "Alexander Lukashenka",
            NameKindHint::Person,
        ),
        ("J. Smith", "John SMITH", NameKindHint::Person),
        // Two tokens written together, and three around the Arabic article
        // written in Arabic script's order.
        (
            "Mohamedsherif AWAAD",
            "Mohamed Sherif AWADD",
            NameKindHint::Person,
        ),
        // A joined pair crowded out by an exact match, which re-runs the
        // alignment joined pairs first.
        (
            "AWAAD, Mohamedsherif Mohamed Mohamed",
            "AWADD, Mohamed Sherif Mohamed Mohamed",
            NameKindHint::Person,
        ),
        // A stump compound and an acronym.
        (
            "Роснефть",
            "Russian Oil Company",
            NameKindHint::Organization,
        ),
        (
            "PCC",
            "Petrochemical Commercial Company",
            NameKindHint::Organization,
        ),
        // An Arabic-script word on the consonant path, against a name no
        // run of which can have its consonant key (the runs' keys are
        // built, and allocate, only where one can).
        ("حسن", "Mohammad Hassan", NameKindHint::Person),
        // Abjad names whose runs may have a key of the other side's tokens:
        // the runs' keys are built and, for a run some single token has the
        // key of, the run's vowel frames read and checked (two tokens
        // written as one Latin word, and three around a split article).
        ("محمد حسن", "Mohammad Hassan", NameKindHint::Person),
        (
            "عبد ال رحمن محمد",
            "Abdulrahman Mohamed",
            NameKindHint::Person,
        ),
        // A Latin word against three around the article split off an
        // Arabic-script word (نصير ال دين), either side the query.
        (
            "Abdullah NASIRUDDIN",
            "عبد الله نصير الدين",
            NameKindHint::Person,
        ),
        (
            "عبد الله نصير الدين",
            "Abdullah NASIRUDDIN",
            NameKindHint::Person,
        ),
    ] {
        let (score, n) = allocations(query, listed, kind);
        if score <= 0.0 || n > 0 {
            failures.push(format!(
                "{query} ~ {listed} (score {score}): {n} allocations"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
