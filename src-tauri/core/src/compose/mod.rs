//! Dossier + templates -> Document (the IR).

pub mod document;
