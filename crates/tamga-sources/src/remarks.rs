//! Parser for OFAC free-text Remarks (to be implemented).
