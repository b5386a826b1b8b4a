//! Tests of the whole module; see the submodules for unit tests.
