//! Document -> DOCX (docx-rs). To be written.
use super::RenderError;
use crate::compose::document::{Document, RenderOptions};

pub fn render(_doc: &Document, _opts: RenderOptions) -> Result<Vec<u8>, RenderError> {
    Err(RenderError::docx("not implemented"))
}
