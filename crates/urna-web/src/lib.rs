//! Urna's web server (being built; see ARCHITECTURE.md).
