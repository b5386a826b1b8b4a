//! Urna's election domain (being built; see ARCHITECTURE.md).
