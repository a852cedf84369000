//! dce-core: everything a DCE dossier is and becomes. No GUI dependency;
//! never reads the clock or the environment: dates and paths come from the caller.

pub mod award;
pub mod bindings;
pub mod canvas;
pub mod clauses;
pub mod compare;
pub mod compose;
pub mod export;
pub mod fields;
pub mod figures;
pub mod french;
pub mod model;
pub mod prices;
pub mod progress;
pub mod render;
pub mod rules;
pub mod samples;
pub mod sections;
pub mod store;
