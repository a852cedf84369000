//! Tests on the produced bytes: parsed back with lopdf (and pdftotext when
//! installed), never on the renderer's internals.

use super::fonts::Metrics;
use super::render;
use crate::compose::document::*;
use lopdf::{Document as Pdf, Object};

fn p(text: &str) -> Block {
    Block::Paragraph(Paragraph {
        runs: vec![Run::plain(text)],
        style: ParagraphStyle::Body,
    })
}

fn h(level: u8, number: &str, text: &str) -> Block {
    Block::Heading(Heading {
        level,
        number: number.into(),
        text: text.into(),
    })
}

fn doc_with(blocks: Vec<Block>) -> Document {
    Document {
        meta: Meta {
            title: "Règlement de la consultation".into(),
            subject: "Réfection de la toiture de l'école".into(),
            author: "Commune de Saint-Julien-des-Prés".into(),
            language: "fr-FR".into(),
            identifier: String::new(),
        },
        cover: Cover {
            buyer: "Commune de Saint-Julien-des-Prés".into(),
            kicker: "Dossier de consultation des entreprises".into(),
            title: "Réfection de la toiture de l'école communale".into(),
            facts: vec![
                ("Référence".into(), "2026-TRX-04".into()),
                (
                    "Procédure".into(),
                    "Procédure adaptée (art. R2123-1 du code de la commande publique)".into(),
                ),
                (
                    "Date limite".into(),
                    "vendredi 12 juin 2026 à 12\u{202F}h\u{A0}00".into(),
                ),
            ],
        },
        running_header: "Commune de Saint-Julien-des-Prés — RC — Réfection de la toiture".into(),
        blocks,
    }
}

const LOREM: &str = "Le présent règlement fixe les règles de la consultation. Les candidats \
    sont invités à lire attentivement l'ensemble des pièces du dossier, et notamment le cahier \
    des clauses administratives particulières, avant de remettre leur offre au pouvoir adjudicateur.";

/// A realistic dossier: cover, contents, articles with sub-articles, a long
/// table, a note, lists, answer fields and check boxes.
pub fn sample_document() -> Document {
    let mut blocks = vec![Block::TableOfContents];
    let articles = [
        "Objet de la consultation",
        "Conditions de la consultation",
        "Contenu du dossier de consultation",
        "Présentation des candidatures et des offres",
        "Critères d'attribution",
        "Conditions d'envoi et de remise des plis",
    ];
    for (a, title) in articles.iter().enumerate() {
        let n = a + 1;
        blocks.push(h(1, &n.to_string(), title));
        blocks.push(p(LOREM));
        for s in 1..=2 {
            blocks.push(h(
                2,
                &format!("{n}.{s}"),
                &format!("Disposition particulière n°\u{A0}{s} de l'article"),
            ));
            blocks.push(Block::Paragraph(Paragraph {
                runs: vec![
                    Run::plain("Le montant estimé est de "),
                    Run::bold("1\u{202F}234,56\u{A0}€ HT"),
                    Run::plain(" ; les prix sont « fermes et actualisables ». "),
                    Run {
                        text: "Aucune variante n'est autorisée.".into(),
                        bold: false,
                        italic: true,
                    },
                    Run::plain(" "),
                    Run::plain(LOREM),
                ],
                style: ParagraphStyle::Body,
            }));
        }
        if n == 2 {
            blocks.push(h(3, "2.2.1", "Allotissement"));
            blocks.push(Block::Paragraph(Paragraph {
                runs: vec![Run::plain("Le marché n'est pas alloti : une seule entreprise réalise l'ensemble des prestations, pour des raisons de coordination technique.")],
                style: ParagraphStyle::Note,
            }));
            blocks.push(Block::List(List {
                ordered: false,
                items: vec![
                    vec![Run::plain("le règlement de la consultation (RC) ;")],
                    vec![Run::plain("l'acte d'engagement (AE) et ses annexes ;")],
                    vec![Run::plain("le cahier des clauses administratives particulières (CCAP), qui fixe les conditions d'exécution du marché.")],
                ],
            }));
        }
        if n == 3 {
            let rows = (1..=45)
                .map(|i| {
                    vec![
                        vec![Run::plain(format!("{i}"))],
                        vec![Run::plain(format!("Pièce n°\u{A0}{i} : document technique décrivant les ouvrages de couverture et de zinguerie"))],
                        vec![Run::plain(if i % 3 == 0 { "Oui" } else { "Non" })],
                    ]
                })
                .collect();
            blocks.push(Block::Table(Table {
                header: vec![
                    "N°".into(),
                    "Désignation de la pièce".into(),
                    "À signer".into(),
                ],
                widths: vec![1, 8, 2],
                rows,
            }));
        }
        if n == 4 {
            blocks.push(Block::List(List {
                ordered: true,
                items: vec![
                    vec![Run::plain("la lettre de candidature (DC1) ;")],
                    vec![Run::plain("la déclaration du candidat (DC2) ;")],
                    vec![Run::plain("le mémoire technique.")],
                ],
            }));
            blocks.push(Block::AnswerField(AnswerField {
                id: "moyens_humains".into(),
                label: "Moyens humains affectés au chantier".into(),
                placeholder: "Décrivez l'équipe, les qualifications et l'encadrement.".into(),
                lines: 5,
            }));
            blocks.push(Block::AnswerField(AnswerField {
                id: "delai".into(),
                label: "Délai d'exécution proposé".into(),
                placeholder: "En semaines".into(),
                lines: 1,
            }));
            blocks.push(Block::Checkbox(Checkbox {
                id: "visite".into(),
                label: "J'ai effectué la visite du site.".into(),
                checked: true,
            }));
            blocks.push(Block::Checkbox(Checkbox {
                id: "pme".into(),
                label: "L'entreprise est une PME au sens du droit de l'Union européenne.".into(),
                checked: false,
            }));
        }
        if n == 5 {
            blocks.push(Block::Table(Table {
                header: vec!["Critère".into(), "Pondération".into()],
                widths: vec![4, 1],
                rows: vec![
                    vec![
                        vec![Run::plain("Prix des prestations")],
                        vec![Run::plain("60\u{A0}%")],
                    ],
                    vec![
                        vec![Run::plain("Valeur technique")],
                        vec![Run::plain("40\u{A0}%")],
                    ],
                ],
            }));
            blocks.push(Block::Paragraph(Paragraph {
                runs: vec![Run::plain(
                    "Article R2152-7 du code de la commande publique.",
                )],
                style: ParagraphStyle::Small,
            }));
        }
    }
    doc_with(blocks)
}

fn parse(bytes: &[u8]) -> Pdf {
    Pdf::load_mem(bytes).expect("the PDF parses")
}

fn catalog(pdf: &Pdf) -> &lopdf::Dictionary {
    pdf.catalog().expect("catalog")
}

fn string(o: &Object) -> String {
    match o {
        Object::String(b, _) if b.starts_with(&[0xFE, 0xFF]) => {
            let units: Vec<u16> = b[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        Object::String(b, _) => String::from_utf8_lossy(b).into_owned(),
        _ => String::new(),
    }
}

/// Glyph code -> text of one font, from its ToUnicode map (the codes are
/// the subset's glyph ids, not the bundled face's).
fn to_unicode(pdf: &Pdf, font: &lopdf::Dictionary) -> std::collections::HashMap<u16, String> {
    let cmap = font
        .get(b"ToUnicode")
        .and_then(Object::as_reference)
        .and_then(|r| pdf.get_object(r))
        .and_then(Object::as_stream)
        .expect("every font has a ToUnicode map");
    let bytes = cmap
        .decompressed_content()
        .unwrap_or_else(|_| cmap.content.clone());
    let hex = |t: &str| -> Vec<u16> {
        let t = t.trim_matches(|c| c == '<' || c == '>');
        (0..t.len() / 4)
            .map(|i| u16::from_str_radix(&t[4 * i..4 * i + 4], 16).unwrap())
            .collect()
    };
    String::from_utf8_lossy(&bytes)
        .lines()
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            match (it.next(), it.next(), it.next()) {
                (Some(code), Some(text), None)
                    if code.starts_with('<') && text.starts_with('<') =>
                {
                    Some((hex(code)[0], String::from_utf16_lossy(&hex(text))))
                }
                _ => None,
            }
        })
        .collect()
}

/// Text drawn on a page, read back from the content stream: the fonts are
/// Identity-H, so every string is a run of glyph codes, mapped back to text
/// through the ToUnicode map of the font selected by the last Tf.
fn page_text(pdf: &Pdf, page: lopdf::ObjectId) -> String {
    let fonts = pdf.get_page_fonts(page).expect("page fonts");
    let maps: std::collections::HashMap<Vec<u8>, _> = fonts
        .iter()
        .map(|(res, font)| (res.clone(), to_unicode(pdf, font)))
        .collect();
    let content = pdf.get_and_decode_page_content(page).expect("content");
    let mut out = String::new();
    let mut face: &[u8] = b"";
    let decode = |bytes: &[u8], face: &[u8], out: &mut String| {
        for pair in bytes.chunks(2) {
            let gid = u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
            match maps.get(face).and_then(|m| m.get(&gid)) {
                Some(t) => out.push_str(t),
                None => out.push('?'),
            }
        }
    };
    for op in &content.operations {
        match op.operator.as_str() {
            "Tf" => {
                if let Some(Ok(name)) = op.operands.first().map(Object::as_name) {
                    face = name;
                }
            }
            "Tj" => {
                if let Some(Object::String(b, _)) = op.operands.first() {
                    decode(b, face, &mut out);
                }
            }
            "TJ" => {
                if let Some(Object::Array(items)) = op.operands.first() {
                    for it in items {
                        if let Object::String(b, _) = it {
                            decode(b, face, &mut out);
                        }
                    }
                }
            }
            "ET" => out.push('\n'),
            _ => {}
        }
    }
    out
}

fn all_text(pdf: &Pdf) -> String {
    pdf.get_pages()
        .values()
        .map(|&id| page_text(pdf, id))
        .collect()
}

#[test]
fn sample_parses_and_has_lang_info_and_fonts() {
    let bytes = render(&sample_document(), RenderOptions::default()).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let pdf = parse(&bytes);
    assert!(
        pdf.get_pages().len() >= 5,
        "only {} pages",
        pdf.get_pages().len()
    );
    assert_eq!(string(catalog(&pdf).get(b"Lang").unwrap()), "fr-FR");

    let info = pdf
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .unwrap();
    let info = pdf.get_dictionary(info).unwrap();
    assert_eq!(
        string(info.get(b"Title").unwrap()),
        "Règlement de la consultation"
    );
    assert_eq!(
        string(info.get(b"Author").unwrap()),
        "Commune de Saint-Julien-des-Prés"
    );

    // Every font is embedded: four faces, each with a FontFile2 program.
    let descriptors: Vec<_> = pdf
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor".as_slice())
        })
        .collect();
    assert_eq!(descriptors.len(), 4);
    assert!(descriptors.iter().all(|d| d.has(b"FontFile2")));
}

#[test]
fn page_breaks_give_the_expected_page_count() {
    let doc = doc_with(vec![
        p("Un."),
        Block::PageBreak,
        p("Deux."),
        Block::PageBreak,
        Block::PageBreak,
        p("Trois."),
    ]);
    let pdf = parse(&render(&doc, RenderOptions::default()).unwrap());
    // Cover + three pages; a page break at the top of a page adds nothing.
    assert_eq!(pdf.get_pages().len(), 4);
    let pages: Vec<_> = pdf.get_pages().into_values().collect();
    assert!(page_text(&pdf, pages[3]).contains("Trois."));
    assert!(page_text(&pdf, pages[2]).contains("Page 3 / 4"));
    assert!(
        !page_text(&pdf, pages[0]).contains("Page 1"),
        "the cover has no footer"
    );
}

fn outline_children(pdf: &Pdf, parent: &lopdf::Dictionary) -> Vec<(String, lopdf::Dictionary)> {
    let mut out = Vec::new();
    let mut next = parent.get(b"First").and_then(Object::as_reference).ok();
    while let Some(id) = next {
        let d = pdf.get_dictionary(id).unwrap().clone();
        assert!(d.get(b"Dest").is_ok(), "outline entry without destination");
        next = d.get(b"Next").and_then(Object::as_reference).ok();
        out.push((string(d.get(b"Title").unwrap()), d));
    }
    out
}

#[test]
fn outline_is_nested_by_heading_level() {
    let pdf = parse(&render(&sample_document(), RenderOptions::default()).unwrap());
    let root = catalog(&pdf)
        .get(b"Outlines")
        .and_then(Object::as_reference)
        .unwrap();
    let root = pdf.get_dictionary(root).unwrap();
    let top = outline_children(&pdf, root);
    assert_eq!(
        top.len(),
        6,
        "{:?}",
        top.iter().map(|t| &t.0).collect::<Vec<_>>()
    );
    assert_eq!(top[4].0, "5 Critères d'attribution");
    let subs = outline_children(&pdf, &top[1].1);
    assert_eq!(
        subs.iter().map(|s| s.0.as_str()).collect::<Vec<_>>(),
        [
            "2.1 Disposition particulière n°\u{A0}1 de l'article",
            "2.2 Disposition particulière n°\u{A0}2 de l'article",
        ]
    );
    let third = outline_children(&pdf, &subs[1].1);
    assert_eq!(third[0].0, "2.2.1 Allotissement");
}

#[test]
fn answer_fields_and_checkboxes_become_acroform_fields() {
    let pdf = parse(&render(&sample_document(), RenderOptions::default()).unwrap());
    let form = catalog(&pdf)
        .get(b"AcroForm")
        .and_then(Object::as_dict)
        .unwrap();
    let fields = form.get(b"Fields").and_then(Object::as_array).unwrap();
    let mut found = std::collections::HashMap::new();
    for f in fields {
        let d = pdf.get_dictionary(f.as_reference().unwrap()).unwrap();
        found.insert(string(d.get(b"T").unwrap()), d.clone());
    }
    let text = &found["moyens_humains"];
    assert_eq!(text.get(b"FT").unwrap().as_name().unwrap(), b"Tx");
    assert_eq!(
        text.get(b"Ff").unwrap().as_i64().unwrap() & (1 << 12),
        1 << 12,
        "multiline"
    );
    assert_eq!(
        found["delai"].get(b"Ff").unwrap().as_i64().unwrap() & (1 << 12),
        0
    );
    assert_eq!(
        found["visite"].get(b"FT").unwrap().as_name().unwrap(),
        b"Btn"
    );
    assert_eq!(
        found["visite"].get(b"V").unwrap().as_name().unwrap(),
        b"Yes"
    );
    assert_eq!(found["pme"].get(b"V").unwrap().as_name().unwrap(), b"Off");
    // Each widget is listed in its page's annotations.
    let page = text.get(b"P").and_then(Object::as_reference).unwrap();
    let annots = pdf
        .get_dictionary(page)
        .unwrap()
        .get(b"Annots")
        .and_then(Object::as_array)
        .unwrap();
    assert!(annots
        .iter()
        .any(|a| a.as_reference().ok() == fields[0].as_reference().ok()));
}

#[test]
fn watermark_only_in_drafts() {
    let doc = sample_document();
    let draft = parse(&render(&doc, RenderOptions { draft: true }).unwrap());
    let final_ = parse(&render(&doc, RenderOptions { draft: false }).unwrap());
    for (_, id) in draft.get_pages() {
        assert!(
            page_text(&draft, id).contains("PROJET"),
            "page without watermark"
        );
    }
    assert!(!all_text(&final_).contains("PROJET"));
}

#[test]
fn table_of_contents_lists_headings_with_page_numbers_and_links() {
    let pdf = parse(&render(&sample_document(), RenderOptions::default()).unwrap());
    let pages: Vec<_> = pdf.get_pages().into_values().collect();
    let toc = page_text(&pdf, pages[1]);
    assert!(toc.contains("Sommaire"));
    assert!(toc.contains("5 Critères d'attribution"));
    // The page number printed for article 5 is the page the heading is on.
    let target = pages.iter().position(|&p| {
        let t = page_text(&pdf, p);
        t.contains("5 Critères d'attribution") && !t.contains("Sommaire")
    });
    let target = target.expect("article 5 is drawn") + 1;
    let line = toc
        .lines()
        .position(|l| l.contains("5 Critères d'attribution"))
        .unwrap();
    // The number is drawn right after the entry text, as its own text object.
    let number: String = toc.lines().nth(line + 1).unwrap().to_string();
    assert_eq!(number.trim(), target.to_string());
    let links = pdf
        .get_dictionary(pages[1])
        .unwrap()
        .get(b"Annots")
        .and_then(Object::as_array)
        .unwrap();
    assert!(links.len() >= 8, "one link per entry");
}

/// Degenerate content the renderer must survive.
fn hostile_document() -> Document {
    let huge = "Anticonstitutionnellement".repeat(60);
    let mut blocks = vec![
        p(&huge),
        Block::Table(Table {
            header: vec![],
            widths: vec![],
            rows: vec![],
        }),
        Block::Table(Table {
            header: vec!["Seule".into()],
            widths: vec![0],
            rows: vec![vec![vec![Run::plain(huge.clone())]]],
        }),
        Block::Table(Table {
            header: vec!["A".into(), "B".into()],
            widths: vec![1],
            rows: vec![vec![vec![Run::plain(LOREM.repeat(40))], vec![]], vec![]],
        }),
        Block::AnswerField(AnswerField {
            id: "a.b".into(),
            label: String::new(),
            placeholder: String::new(),
            lines: 0,
        }),
        Block::AnswerField(AnswerField {
            id: "a.b".into(),
            label: "x".into(),
            placeholder: "y".into(),
            lines: 500,
        }),
        Block::Checkbox(Checkbox {
            id: String::new(),
            label: String::new(),
            checked: true,
        }),
        Block::List(List {
            ordered: true,
            items: vec![vec![], vec![Run::plain("")]],
        }),
        h(9, "", ""),
        h(1, "1", &huge),
    ];
    for i in 0..500 {
        blocks.push(p(&format!("Paragraphe {i}. {LOREM}")));
    }
    blocks.push(h(1, "99", "Titre final en bas de document"));
    blocks.push(p("Fin."));
    doc_with(blocks)
}

#[test]
fn hostile_inputs_do_not_panic() {
    let empty = doc_with(vec![]);
    let pdf = parse(&render(&empty, RenderOptions { draft: true }).unwrap());
    assert_eq!(pdf.get_pages().len(), 1);

    let mut blank = doc_with(vec![Block::TableOfContents]);
    blank.cover = Cover {
        buyer: String::new(),
        kicker: String::new(),
        title: String::new(),
        facts: vec![],
    };
    blank.meta.language = String::new();
    let pdf = parse(&render(&blank, RenderOptions::default()).unwrap());
    assert_eq!(
        pdf.get_pages().len(),
        2,
        "cover and contents, no trailing blank page"
    );

    let bytes = render(&hostile_document(), RenderOptions { draft: true }).unwrap();
    let pdf = parse(&bytes);
    assert!(pdf.get_pages().len() > 40);
    assert!(all_text(&pdf).contains("Paragraphe 499."));
}

#[test]
fn heading_never_ends_a_page() {
    // Fill a page so that the heading would land on its last line.
    let mut blocks = Vec::new();
    for i in 0..60 {
        // One-line and three-line paragraphs: the three-line case is the
        // one where the widow rule could strand the heading.
        blocks.push(if i % 2 == 0 {
            p(&format!("Ligne {i}"))
        } else {
            p(LOREM)
        });
        blocks.push(h(2, &format!("{i}"), &format!("Intertitre {i}")));
    }
    blocks.push(p("Fin."));
    let pdf = parse(&render(&doc_with(blocks), RenderOptions::default()).unwrap());
    for (_, id) in pdf.get_pages().into_iter().skip(1) {
        let text = page_text(&pdf, id);
        let body: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with("Page ") && !l.contains("RC —"))
            .collect();
        let last = body.last().copied().unwrap_or("");
        assert!(
            !last.contains("Intertitre"),
            "page ends with heading {last:?}"
        );
    }
}

#[test]
fn pdftotext_reads_accents_quotes_and_narrow_spaces() {
    let probe = std::process::Command::new("pdftotext").arg("-v").output();
    if probe.is_err() {
        println!("pdftotext not installed: skipping");
        return;
    }
    let bytes = render(&sample_document(), RenderOptions::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Critères d'attribution"), "{text}");
    // Poppler prints U+202F and U+00A0 as plain spaces; that they are in the
    // file is checked by `narrow_no_break_space_is_kept` on the raw content.
    assert!(
        text.contains("1 234,56 €") || text.contains("1\u{202F}234,56\u{A0}€"),
        "amount lost"
    );
    assert!(text.contains("« fermes et actualisables »"));
    assert!(text.contains("Page 2 /"));
}

#[test]
fn narrow_no_break_space_is_kept() {
    let pdf = parse(&render(&sample_document(), RenderOptions::default()).unwrap());
    assert!(all_text(&pdf).contains("1\u{202F}234,56\u{A0}€ HT"));
    // And a reader extracting text maps the glyph back to U+202F.
    let cmaps: String = pdf
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter_map(|s| {
            s.decompressed_content()
                .ok()
                .or_else(|| Some(s.content.clone()))
        })
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .filter(|t| t.contains("beginbfchar"))
        .collect();
    assert!(
        cmaps.to_uppercase().contains("<202F>"),
        "no ToUnicode entry for U+202F"
    );
}

#[test]
#[ignore = "writes /tmp/pdf-sample.pdf for a visual check"]
fn write_sample() {
    let t = std::time::Instant::now();
    let bytes = render(&sample_document(), RenderOptions { draft: true }).unwrap();
    println!("sample rendered in {:?}", t.elapsed());
    std::fs::write("/tmp/pdf-sample.pdf", &bytes).unwrap();

    let mut big = sample_document();
    let blocks = big.blocks.clone();
    for _ in 0..6 {
        big.blocks.extend(
            blocks
                .iter()
                .filter(|b| !matches!(b, Block::TableOfContents))
                .cloned(),
        );
    }
    let t = std::time::Instant::now();
    let bytes = render(&big, RenderOptions::default()).unwrap();
    let pages = parse(&bytes).get_pages().len();
    println!("{pages} pages rendered in {:?}", t.elapsed());
    std::fs::write("/tmp/pdf-big.pdf", &bytes).unwrap();
    std::fs::write(
        "/tmp/pdf-hostile.pdf",
        render(&hostile_document(), RenderOptions::default()).unwrap(),
    )
    .unwrap();
}

#[test]
fn the_contents_shortcut_gives_the_pages_of_two_full_passes() {
    use super::layout::Engine;
    use super::paint::FontIds;
    // As in the composed DCE: the contents, then a page break.
    let mut doc = sample_document();
    let toc = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::TableOfContents))
        .unwrap();
    doc.blocks.insert(toc + 1, Block::PageBreak);
    let m = Metrics::get().unwrap();
    let fonts = FontIds::new(m);
    let breaker = super::text::Breaker::default();
    let first = Engine::new(m, &fonts, &breaker, None).run(&doc);
    let full = Engine::new(m, &fonts, &breaker, Some(&first.headings)).run(&doc);
    let short = super::lay_out(&doc, m, &fonts);
    assert_eq!(short.pages.len(), full.pages.len());
    assert_eq!(short.headings, full.headings);
    for (i, (a, b)) in short.pages.iter().zip(&full.pages).enumerate() {
        assert!(a.content == b.content, "page {}", i + 1);
        assert_eq!(a.links, b.links, "page {}", i + 1);
    }
}

/// Runs a poppler or qpdf tool on a PDF; None when the tool is missing.
fn tool(name: &str, pdf: &[u8], args: &[&str]) -> Option<(bool, String)> {
    std::process::Command::new(name)
        .arg("--version")
        .output()
        .ok()?;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut cmd = std::process::Command::new(name);
    cmd.args(args).arg(&path);
    if name == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd.output().unwrap();
    Some((
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    ))
}

#[test]
fn symbols_the_main_font_lacks_come_from_the_subsetted_fallback() {
    let doc = doc_with(vec![
        h(1, "1", "Seuils ≤ et ≥"),
        p("Taux de réclamations ≤ 5 % par mois."),
        p("Température à cœur ≥ 63 °C, soit ≈ 80 repas à −8 °C en chambre froide."),
        Block::Paragraph(Paragraph {
            runs: vec![
                Run::plain("Délai "),
                Run {
                    text: "≤ 3 jours".into(),
                    bold: true,
                    italic: false,
                },
                Run::plain(" pour l'entreprise Łódź Dvořák."),
            ],
            style: ParagraphStyle::Body,
        }),
    ]);
    let bytes = render(&doc, RenderOptions::default()).unwrap();
    let pdf = parse(&bytes);
    let text = all_text(&pdf);
    for s in [
        "≤ 5 %",
        "≥ 63 °C",
        "≈ 80 repas",
        "−8 °C",
        "≤ 3 jours",
        "Łódź Dvořák",
    ] {
        assert!(text.contains(s), "{s:?} not drawn: {text}");
    }

    // One fallback font, subsetted to the glyphs drawn with it.
    let fallback: Vec<&lopdf::Dictionary> = pdf
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor".as_slice())
                && d.get(b"FontName")
                    .and_then(Object::as_name)
                    .is_ok_and(|n| n.ends_with(b"+DejaVuSans"))
        })
        .collect();
    assert_eq!(fallback.len(), 1);
    let program = fallback[0]
        .get(b"FontFile2")
        .and_then(Object::as_reference)
        .and_then(|r| pdf.get_object(r))
        .and_then(Object::as_stream)
        .unwrap()
        .decompressed_content()
        .unwrap();
    let bundled = super::fonts::face_bytes(super::fonts::FALLBACK).len();
    assert!(
        program.len() < bundled / 4,
        "fallback embedded with {} of its {bundled} bytes",
        program.len()
    );

    if let Some((ok, out)) = tool("pdftotext", &bytes, &["-enc", "UTF-8"]) {
        assert!(ok);
        for s in ["≤ 5 %", "≥ 63 °C", "≈ 80 repas", "−8 °C", "Łódź Dvořák"] {
            assert!(out.contains(s), "pdftotext lacks {s:?}: {out}");
        }
    }
    if let Some((ok, out)) = tool("pdffonts", &bytes, &[]) {
        assert!(ok);
        let line = out
            .lines()
            .find(|l| l.contains("+DejaVuSans"))
            .unwrap_or_else(|| panic!("no fallback font listed: {out}"));
        // Columns: name, type (two words), encoding, emb, sub, uni.
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(&cols[4..7], ["yes", "yes", "yes"], "{line}");
    }
    if let Some((ok, out)) = tool("qpdf", &bytes, &["--check"]) {
        assert!(ok, "qpdf --check: {out}");
    }
}

#[test]
fn no_fallback_font_when_nothing_needs_it() {
    let bytes = render(&doc_with(vec![p(LOREM)]), RenderOptions::default()).unwrap();
    assert!(!bytes.windows(10).any(|w| w == b"DejaVuSans"));
}
