//! Urna's storage (being built; see ARCHITECTURE.md).
