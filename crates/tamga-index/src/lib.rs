//! Candidate index over list names (to be implemented: fst token dictionary,
//! Levenshtein automata, phonetic and skeleton postings).
