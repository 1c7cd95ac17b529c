//! The tamga HTTP screening service (to be implemented).
