//! Shared by the integration tests: a fresh dossier from the bundled sample.
#![allow(dead_code)] // each test file uses its own subset

use std::io::{Cursor, Read, Write};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::NaiveDate;
use dce_core::model::Dossier;
use dce_core::prices::write_xlsx;
use dce_core::samples;

pub fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

/// The school-catering sample, launched on 30 November 2026.
pub fn catering() -> Dossier {
    samples::find("restauration-scolaire")
        .expect("sample")
        .instantiate(date("2026-11-22"), "test-uid".into())
}

/// The village-hall sample (three lots), launched on 22 November 2026 like [`catering`].
pub fn village_hall() -> Dossier {
    samples::find("renovation-salle-des-fetes")
        .expect("sample")
        .instantiate(date("2026-11-22"), "u".into())
}

/// The six sub-criteria of the village hall, in the order of its DCE.
pub const VILLAGE_HALL_SUBS: [&str; 6] = [
    "tech-methode",
    "tech-planning",
    "tech-service",
    "env-energie",
    "env-materiaux",
    "env-dechets",
];

/// A bidder on its own, without SIRET.
pub fn bidder(name: &str) -> dce_core::model::Bidder {
    dce_core::model::Bidder {
        name: name.into(),
        siret: None,
        group: false,
        group_members: vec![],
    }
}

/// Adds a base offer to lot 1 with a typed price, received an hour before the deadline.
pub fn lot1_offer(d: &mut Dossier, name: &str, euros: i64) -> u32 {
    let received = d
        .submission
        .deadline
        .map(|t| t - chrono::Duration::hours(1));
    dce_core::award::add_offer(
        d,
        dce_core::award::NewOffer {
            lot: Some(1),
            bidder: bidder(name),
            received_at: received,
            variant: None,
            price: Some(dce_core::award::typed_price(euros * 100)),
            documents: vec!["Acte d’engagement".into()],
        },
    )
    .unwrap()
}

/// Runs the `dce` binary on the database `db`, whatever `DCE_DB` says.
pub fn dce(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_dce"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("DCE_DB")
        .output()
        .expect("run dce")
}

/// Runs a LibreOffice check script of `scripts/` with `args`; panics, with
/// its output, when it fails or when LibreOffice is absent (it then says « IGNORÉ »).
pub fn libreoffice_script(name: &str, args: &[&std::path::Path], what: &str) -> String {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../scripts")
        .join(name);
    let out = std::process::Command::new("bash")
        .arg(&script)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{} could not run: {e}", script.display()));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}{stderr}");
    assert!(
        out.status.success(),
        "LibreOffice could not {what}:\n{stdout}{stderr}"
    );
    assert!(
        !stdout.starts_with("IGNORÉ"),
        "LibreOffice is needed by this test (Debian packages libreoffice-calc, libreoffice-writer and python3-uno):\n{stdout}"
    );
    stdout
}

/// The school-catering sample as ordinary services: a non-social CPV code
/// and no procedure chosen, so the rules' proposal decides.
pub fn ordinary_services() -> Dossier {
    let mut d = catering();
    d.purchase.cpv = "90911200-8".into();
    d.procedure.choice = None;
    d
}

/// The school-catering sample with the Egalim shares and the weekly
/// vegetarian menu stated only in its environmental execution conditions:
/// its imperative needs no longer state them, and the products need is
/// flexible and scored.
pub fn catering_shares_in_clauses_only() -> Dossier {
    let mut d = catering();
    d.needs[0].appraisal_criterion = "Respect des règles nutritionnelles".into();
    d.needs[0].level = "100 % des menus conformes".into();
    d.needs[2].level = "Au moins 50 %, dont 20 % de produits biologiques".into();
    d.needs[2].flexibility = dce_core::model::Flexibility::F1;
    d.needs[2].subcriterion_id = Some("env-produits".into());
    d
}

/// The text of a PDF, through poppler's pdftotext.
pub fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is needed by this test (Debian package poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// One XML part of a DOCX, e.g. `word/document.xml`.
pub fn docx_part(docx: &[u8], part: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a DOCX is a zip");
    let mut s = String::new();
    zip.by_name(part)
        .unwrap_or_else(|_| panic!("{part} in the DOCX"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// The running text of a DOCX body: the XML without its tags, entities decoded.
pub fn docx_text(docx: &[u8]) -> String {
    let xml = docx_part(docx, "word/document.xml");
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Text with its spaces, line breaks and hyphens taken out: the PDF breaks
/// and hyphenates the words of narrow table cells where it must.
pub fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{ad}'))
        .collect()
}

// The price schedule filled as a spreadsheet would fill it.

/// A value typed into a cell.
pub enum Typed<'a> {
    Number(f64),
    Text(&'a str),
    Nothing,
}

/// An XLSX being filled: its parts, rewritten in place.
pub struct Filled {
    pub parts: Vec<(String, Vec<u8>)>,
}

impl Filled {
    pub fn new(xlsx: &[u8]) -> Self {
        let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).expect("an XLSX is a zip");
        let parts = (0..zip.len())
            .map(|i| {
                let mut f = zip.by_index(i).unwrap();
                let mut bytes = Vec::new();
                f.read_to_end(&mut bytes).unwrap();
                (f.name().to_string(), bytes)
            })
            .collect();
        Self { parts }
    }

    pub fn part(&self, name: &str) -> String {
        let (_, bytes) = self
            .parts
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name} in the XLSX"));
        String::from_utf8(bytes.clone()).unwrap()
    }

    pub fn set_part(&mut self, name: &str, xml: String) {
        let part = self.parts.iter_mut().find(|(n, _)| n == name).unwrap();
        part.1 = xml.into_bytes();
    }

    /// `xl/worksheets/sheetN.xml` of a sheet, by its place in the workbook.
    pub fn sheet_part(&self, sheet: &str) -> String {
        let workbook = self.part("xl/workbook.xml");
        let names: Vec<&str> = workbook
            .split("<sheet ")
            .skip(1)
            .map(|s| {
                s.split("name=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
            })
            .collect();
        let index = names
            .iter()
            .position(|n| *n == sheet)
            .unwrap_or_else(|| panic!("sheet {sheet} in {names:?}"));
        format!("xl/worksheets/sheet{}.xml", index + 1)
    }

    pub fn sheet_xml(&self, sheet: &str) -> String {
        self.part(&self.sheet_part(sheet))
    }

    /// Types a value into a cell that exists in the sheet (every cell to fill does).
    pub fn set(&mut self, sheet: &str, cell: &str, value: Typed) -> &mut Self {
        let part = self.sheet_part(sheet);
        let xml = self.part(&part);
        let open = format!("<c r=\"{cell}\"");
        let start = xml
            .find(&format!("{open} "))
            .or_else(|| xml.find(&format!("{open}>")))
            .or_else(|| xml.find(&format!("{open}/")))
            .unwrap_or_else(|| panic!("cell {cell} in {sheet}"));
        let tag_end = start + xml[start..].find('>').unwrap();
        let end = if xml.as_bytes()[tag_end - 1] == b'/' {
            tag_end + 1
        } else {
            tag_end + xml[tag_end..].find("</c>").unwrap() + 4
        };
        let style = xml[start..tag_end]
            .split("s=\"")
            .nth(1)
            .map(|s| format!(" s=\"{}\"", s.split('"').next().unwrap()))
            .unwrap_or_default();
        let new = match value {
            Typed::Number(n) => format!("{open}{style}><v>{n}</v></c>"),
            Typed::Text(t) => {
                let t = t.replace('&', "&amp;").replace('<', "&lt;");
                format!("{open}{style} t=\"inlineStr\"><is><t>{t}</t></is></c>")
            }
            Typed::Nothing => format!("{open}{style}/>"),
        };
        let xml = format!("{}{new}{}", &xml[..start], &xml[end..]);
        self.set_part(&part, xml);
        self
    }

    /// Deletes a whole row, as « Supprimer la ligne » on an unprotected sheet.
    pub fn remove_row(&mut self, sheet: &str, row: u32) -> &mut Self {
        let part = self.sheet_part(sheet);
        let xml = self.part(&part);
        let start = xml.find(&format!("<row r=\"{}\"", row + 1)).unwrap();
        let end = start + xml[start..].find("</row>").unwrap() + "</row>".len();
        let xml = format!("{}{}", &xml[..start], &xml[end..]);
        self.set_part(&part, xml);
        self
    }

    pub fn bytes(&self) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in &self.parts {
            out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(bytes).unwrap();
        }
        out.finish().unwrap().into_inner()
    }
}

/// The 0-based row of a marker in a sheet's hidden column (the first cell
/// « entete » is found in), as a firm never sees it.
pub fn marker_row(xlsx: &[u8], sheet: &str, marker: &str) -> u32 {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(xlsx)).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range
        .cells()
        .find(|(_, _, v)| **v == Data::String(marker.to_string()))
        .map(|(r, _, _)| r as u32 + range.start().unwrap().0)
        .unwrap_or_else(|| panic!("marker {marker} in {sheet}"))
}

/// « D12 » for a 0-based row.
pub fn at(col: char, row: u32) -> String {
    format!("{col}{}", row + 1)
}

/// Catering prices: base meals and the afternoon snack PSE.
pub const CATERING: [(&str, f64); 5] = [
    ("L1", 3.45),
    ("L2", 3.8),
    ("L3", 5.17),
    ("L4", 4.15),
    ("L5", 0.85),
];

pub fn catering_filled(d: &Dossier) -> Filled {
    let xlsx = write_xlsx(d, None).unwrap();
    let mut f = Filled::new(&xlsx);
    for (id, price) in CATERING {
        let row = marker_row(&xlsx, "BPU", &format!("ligne:{id}"));
        f.set("BPU", &at('D', row), Typed::Number(price));
    }
    let firm = marker_row(&xlsx, "BPU", "entreprise");
    f.set("BPU", &at('C', firm), Typed::Text("Cuisines du Val SARL"));
    let siret = marker_row(&xlsx, "BPU", "siret");
    f.set("BPU", &at('C', siret), Typed::Text("01234567800019"));
    f
}
