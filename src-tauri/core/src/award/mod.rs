//! Offers received, scored with the dossier's own criteria: price by the
//! formula the DCE states, the other criteria by the buyer with a written
//! justification; ranking per lot, abnormally low offers flagged (never
//! excluded automatically), irregular and unacceptable offers recorded.

mod action;
mod error;
mod low_offer;
mod price_formula;
mod ranking;
mod record;
mod standing;

pub use action::*;
pub use error::*;
pub use low_offer::{estimate_cents, request_letter};
pub use price_formula::*;
pub use ranking::*;
pub use record::*;
pub use standing::*;
