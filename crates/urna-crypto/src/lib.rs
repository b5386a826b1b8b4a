//! Urna's cryptography (being built; see ARCHITECTURE.md).
