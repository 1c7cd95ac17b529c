//! Decisions: ownership rules per regime, licences with deadlines, and which
//! regime applies (to be implemented).
