//! Offers scored with the dossier's own criteria.

mod price_score;

pub use price_score::*;
