//! The zip around the parts. docx-rs stores its entries uncompressed
//! (626 KB where deflate gives 38 KB), so the parts it built are zipped
//! again, deflated, after `additions.rs` has done its work.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::render::RenderError;

/// Zips the parts, deflated. Content types first: some readers sniff the
/// package by its first entry.
pub fn zip(parts: &[(&str, &[u8])]) -> Result<Vec<u8>, RenderError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(*name, options).map_err(RenderError::docx)?;
        zip.write_all(content).map_err(RenderError::docx)?;
    }
    Ok(zip.finish().map_err(RenderError::docx)?.into_inner())
}
