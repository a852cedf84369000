//! Tests on the produced package: open the zip, parse each part, and look
//! for the markup that makes each feature work in Word and LibreOffice.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;
use zip::{CompressionMethod, ZipArchive};

use super::render;
use crate::compose::document::*;

pub(super) fn sample_document() -> Document {
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
            title: "Réfection de la toiture de l'école".into(),
            facts: vec![
                ("Référence".into(), "2026-07".into()),
                ("Procédure".into(), "Procédure adaptée".into()),
            ],
        },
        running_header: "RC — Réfection de la toiture".into(),
        blocks: vec![
            Block::TableOfContents,
            Block::PageBreak,
            heading(1, "1", "Objet de la consultation"),
            body("La présente consultation porte sur la réfection de la toiture."),
            heading(2, "1.1", "Décomposition"),
            Block::List(List {
                ordered: true,
                items: vec![vec![Run::plain("Lot 1")], vec![Run::plain("Lot 2")]],
            }),
            Block::List(List {
                ordered: false,
                items: vec![vec![Run::bold("Puce")]],
            }),
            Block::Table(Table {
                header: vec!["Critère".into(), "Pondération".into()],
                widths: vec![3, 1],
                rows: vec![
                    vec![vec![Run::plain("Prix")], vec![Run::plain("60 %")]],
                    vec![
                        vec![Run::plain("Valeur technique")],
                        vec![Run::plain("40 %")],
                    ],
                ],
            }),
            Block::Paragraph(Paragraph {
                runs: vec![Run::plain("Une note.")],
                style: ParagraphStyle::Note,
            }),
            Block::AnswerField(AnswerField {
                id: "memoire_moyens".into(),
                label: "Moyens humains".into(),
                placeholder: "Décrivez l'équipe…".into(),
                lines: 4,
            }),
            Block::Checkbox(Checkbox {
                id: "pme".into(),
                label: "Je suis une PME".into(),
                checked: false,
            }),
            Block::Checkbox(Checkbox {
                id: "accord".into(),
                label: "J'accepte".into(),
                checked: true,
            }),
        ],
    }
}

fn heading(level: u8, number: &str, text: &str) -> Block {
    Block::Heading(Heading {
        level,
        number: number.into(),
        text: text.into(),
    })
}

fn body(text: &str) -> Block {
    Block::Paragraph(Paragraph {
        runs: vec![Run::plain(text)],
        style: ParagraphStyle::Body,
    })
}

fn empty_document() -> Document {
    Document {
        meta: Meta {
            title: String::new(),
            subject: String::new(),
            author: String::new(),
            language: String::new(),
            identifier: String::new(),
        },
        cover: Cover {
            buyer: String::new(),
            kicker: String::new(),
            title: String::new(),
            facts: vec![],
        },
        running_header: String::new(),
        blocks: vec![],
    }
}

/// Every entry of the package, by name.
fn parts(bytes: &[u8]) -> Vec<(String, String, CompressionMethod)> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().to_string(), s, f.compression())
        })
        .collect()
}

fn part(bytes: &[u8], name: &str) -> String {
    parts(bytes)
        .into_iter()
        .find(|(n, _, _)| n == name)
        .unwrap_or_else(|| panic!("no part {name}"))
        .1
}

/// Parses `xml` completely: matching end tags, a single root, only the
/// predefined entities, and attribute values that unescape.
fn check_well_formed(name: &str, xml: &str) {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let (mut depth, mut roots) = (0i32, 0);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
                for a in e.attributes() {
                    let a = a.unwrap_or_else(|err| panic!("{name}: bad attribute: {err}"));
                    check_attribute(name, &a, &reader);
                }
            }
            Ok(Event::Empty(e)) => {
                if depth == 0 {
                    roots += 1;
                }
                for a in e.attributes() {
                    let a = a.unwrap_or_else(|err| panic!("{name}: bad attribute: {err}"));
                    check_attribute(name, &a, &reader);
                }
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::GeneralRef(r)) => {
                let known = ["amp", "lt", "gt", "quot", "apos"].contains(&&*r.decode().unwrap());
                assert!(
                    known || r.is_char_ref(),
                    "{name}: unknown entity &{};",
                    r.decode().unwrap()
                );
            }
            Ok(Event::Text(t)) => {
                let t = t.decode().unwrap();
                assert!(
                    !t.contains('<') && !t.contains('>'),
                    "{name}: raw markup character in text"
                );
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "{name} is not well-formed at {}: {e}",
                reader.buffer_position()
            ),
        }
    }
    assert_eq!(depth, 0, "{name}: unclosed elements");
    assert_eq!(roots, 1, "{name}: expected exactly one root element");
}

fn check_attribute(
    name: &str,
    a: &quick_xml::events::attributes::Attribute,
    reader: &Reader<&[u8]>,
) {
    // quick-xml does not reject a raw `<` in attribute values; XML does.
    assert!(!a.value.contains(&b'<'), "{name}: raw < in attribute");
    a.decoded_and_normalized_value(quick_xml::XmlVersion::Explicit1_0, reader.decoder())
        .unwrap_or_else(|err| panic!("{name}: bad attribute value: {err}"));
}

fn check_all_parts(bytes: &[u8]) {
    for (name, xml, _) in parts(bytes) {
        check_well_formed(&name, &xml);
    }
}

#[test]
fn well_formed_checker_rejects_broken_xml() {
    for bad in [
        "<a><b></a>",
        "<a>x & y</a>",
        "<a>&nope;</a>",
        "<a/><b/>",
        r#"<a x="1 < 2"/>"#,
    ] {
        let r = std::panic::catch_unwind(|| check_well_formed("bad", bad));
        assert!(r.is_err(), "accepted {bad}");
    }
}

#[test]
fn headings_use_word_heading_styles_with_their_labels() {
    let bytes = render(&sample_document(), RenderOptions::default()).unwrap();
    let doc = part(&bytes, "word/document.xml");
    let h1 = doc
        .find(r#"<w:pStyle w:val="Heading1"/>"#)
        .expect("a Heading1 paragraph");
    let para_end = h1 + doc[h1..].find("</w:p>").unwrap();
    assert!(doc[h1..para_end].contains("1 Objet de la consultation"));
    let h2 = doc
        .find(r#"<w:pStyle w:val="Heading2"/>"#)
        .expect("a Heading2 paragraph");
    assert!(doc[h2..].starts_with(r#"<w:pStyle w:val="Heading2"/>"#));
    assert!(doc[h2..h2 + 300].contains("1.1 Décomposition"));
}

#[test]
fn styles_define_headings_and_default_normal() {
    let bytes = render(&sample_document(), RenderOptions::default()).unwrap();
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#));
    for (lvl, name) in ["heading 1", "heading 2", "heading 3"].iter().enumerate() {
        let at = styles
            .find(&format!(r#"<w:name w:val="{name}"/>"#))
            .unwrap_or_else(|| panic!("{name}"));
        let end = at + styles[at..].find("</w:style>").unwrap();
        assert!(
            styles[at..end].contains(&format!(r#"<w:outlineLvl w:val="{lvl}"/>"#)),
            "{name} outline level"
        );
    }
    assert!(styles.contains(r#"w:ascii="Arial""#));
    assert!(styles.contains(r#"<w:lang w:val="fr-FR""#));
}

#[test]
fn tables_repeat_their_header_row() {
    let bytes = render(&sample_document(), RenderOptions::default()).unwrap();
    let doc = part(&bytes, "word/document.xml");
    let tbl = doc.find("Critère").unwrap();
    let row_start = doc[..tbl].rfind("<w:tr>").unwrap();
    assert!(doc[row_start..tbl].contains("<w:tblHeader/>"));
    // Widths 3:1 on the 17 cm text width.
    assert!(doc.contains(r#"<w:gridCol w:w="7228"/><w:gridCol w:w="2410"/>"#));
}

#[test]
fn answer_fields_and_checkboxes_are_tagged_content_controls() {
    let bytes = render(&sample_document(), RenderOptions::default()).unwrap();
    let doc = part(&bytes, "word/document.xml");
    let tag = doc
        .find(r#"<w:tag w:val="memoire_moyens"/>"#)
        .expect("answer field tag");
    let sdt = doc[..tag].rfind("<w:sdt>").unwrap();
    let sdt_end = tag + doc[tag..].find("</w:sdt>").unwrap();
    let field = &doc[sdt..sdt_end];
    assert!(field.contains(r#"<w:text w:multiLine="1"/>"#));
    assert!(field.contains("<w:showingPlcHdr/>"));
    assert!(field.contains("Décrivez l&apos;équipe…"));
    // The control sits in a framed box.
    assert!(doc[..sdt]
        .rfind("<w:tbl>")
        .is_some_and(|t| doc[t..sdt].contains(r#"w:hRule="atLeast""#)));

    let cb = doc.find(r#"<w:tag w:val="pme"/>"#).expect("checkbox tag");
    let cb_end = cb + doc[cb..].find("</w:sdt>").unwrap();
    assert!(doc[cb..cb_end].contains(r#"<w14:checked w14:val="0"/>"#));
    assert!(doc[cb..cb_end].contains('\u{2610}'));
    let ok = doc
        .find(r#"<w:tag w:val="accord"/>"#)
        .expect("checked checkbox");
    assert!(doc[ok..ok + 600].contains(r#"<w14:checked w14:val="1"/>"#));
    // w14 is declared ignorable, so pre-2010 readers skip the checkboxes.
    let ignorable = doc.split(r#"mc:Ignorable=""#).nth(1).unwrap();
    let ignorable = &ignorable[..ignorable.find('"').unwrap()];
    assert!(ignorable.split(' ').any(|ns| ns == "w14"), "{ignorable}");
}

#[test]
fn toc_is_a_field_in_a_gallery_wrapper_with_entries() {
    let bytes = render(&sample_document(), RenderOptions::default()).unwrap();
    let doc = part(&bytes, "word/document.xml");
    let gallery = doc
        .find(r#"<w:docPartGallery w:val="Table of Contents"/>"#)
        .expect("gallery");
    let toc = doc.find(r#"TOC \o &quot;1-2&quot;"#).expect("TOC field");
    assert!(gallery < toc);
    let toc_end = doc.find("</w:sdtContent></w:sdt>").unwrap();
    // Levels 1-2 are listed, pointing at the bookmarks on the headings.
    assert!(doc[toc..toc_end].contains("1.1 Décomposition"));
    let anchor = doc[toc..toc_end]
        .split(r#"w:anchor=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(doc[toc_end..].contains(&format!(r#"w:name="{anchor}""#)));
    assert!(doc.contains(r#"w:leader="dot" w:pos="9638""#));
    assert!(part(&bytes, "word/settings.xml").contains(r#"<w:updateFields w:val="true"/>"#));
}

#[test]
fn pages_have_a_cover_header_and_numbered_footer() {
    let bytes = render(&sample_document(), RenderOptions::default()).unwrap();
    let doc = part(&bytes, "word/document.xml");
    assert!(doc.contains("<w:titlePg/>"));
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
    assert!(part(&bytes, "word/header1.xml").contains("RC — Réfection de la toiture"));
    let footer = part(&bytes, "word/footer1.xml");
    assert!(footer.contains(" PAGE ") && footer.contains(" NUMPAGES "));
    assert!(
        !part(&bytes, "word/header2.xml").contains("<w:t"),
        "cover header is empty"
    );
    // The first block after the cover starts a new page.
    let toc_title = doc.find("Sommaire").unwrap();
    assert!(
        doc[..toc_title].rfind("<w:pageBreakBefore/>").unwrap()
            > doc.find("Procédure adaptée").unwrap()
    );
}

#[test]
fn page_breaks_never_make_blank_pages_by_accident() {
    let breaks_in = |blocks: Vec<Block>| {
        let mut doc = empty_document();
        doc.blocks = blocks;
        let x = part(
            &render(&doc, RenderOptions::default()).unwrap(),
            "word/document.xml",
        );
        x.matches("<w:pageBreakBefore/>").count() + x.matches(r#"<w:br w:type="page"/>"#).count()
    };
    // The cover's own break absorbs a leading one; a trailing one is dropped.
    assert_eq!(
        breaks_in(vec![Block::PageBreak, body("a"), Block::PageBreak]),
        1
    );
    // Two in a row inside the document do ask for an empty page.
    assert_eq!(
        breaks_in(vec![
            body("a"),
            Block::PageBreak,
            Block::PageBreak,
            body("b")
        ]),
        3
    );
    // A break before a table is carried by a paragraph of its own.
    let table = Block::Table(Table {
        header: vec!["h".into()],
        widths: vec![1],
        rows: vec![],
    });
    assert_eq!(breaks_in(vec![body("a"), Block::PageBreak, table]), 2);
}

#[test]
fn lists_use_numbering_ids_from_2_and_restart() {
    let bytes = render(&sample_document(), RenderOptions::default()).unwrap();
    let doc = part(&bytes, "word/document.xml");
    assert!(doc.contains(r#"<w:numId w:val="3"/>"#), "ordered list");
    assert!(doc.contains(r#"<w:numId w:val="2"/>"#), "bullets");
    assert!(!doc.contains(r#"<w:numId w:val="1"/>"#));
    let numbering = part(&bytes, "word/numbering.xml");
    assert!(numbering.contains(r#"<w:num w:numId="3"><w:abstractNumId w:val="3"/><w:lvlOverride"#));
}

#[test]
fn core_properties_and_language() {
    let bytes = render(&sample_document(), RenderOptions::default()).unwrap();
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:title>Règlement de la consultation</dc:title>"));
    assert!(core.contains("<dc:creator>Commune de Saint-Julien-des-Prés</dc:creator>"));
    assert!(core.contains("<dc:subject>Réfection de la toiture de l&apos;école</dc:subject>"));
    assert!(core.contains("<dc:language>fr-FR</dc:language>"));
    assert!(part(&bytes, "[Content_Types].xml").contains("/docProps/core.xml"));
}

#[test]
fn package_is_deflated_and_every_part_parses() {
    let bytes = render(&sample_document(), RenderOptions { draft: true }).unwrap();
    let parts = parts(&bytes);
    assert_eq!(parts[0].0, "[Content_Types].xml");
    assert_eq!(parts.len(), 13);
    for (name, _, method) in &parts {
        assert_eq!(*method, CompressionMethod::Deflated, "{name}");
    }
    check_all_parts(&bytes);
}

#[test]
fn watermark_only_in_drafts() {
    let draft = render(&sample_document(), RenderOptions { draft: true }).unwrap();
    for h in ["word/header1.xml", "word/header2.xml"] {
        let x = part(&draft, h);
        assert!(x.contains(r#"<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt" string="PROJET"/>"#), "{h}");
    }
    let final_ = render(&sample_document(), RenderOptions { draft: false }).unwrap();
    for (name, xml, _) in parts(&final_) {
        assert!(!xml.contains("PROJET"), "{name} mentions PROJET");
    }
}

#[test]
fn hostile_text_is_escaped() {
    let mut doc = sample_document();
    let nasty = r#"A & B < C > D "E" 'F' </w:t> ]]> &amp; x"#.to_string() + "\u{1}\u{b}";
    doc.meta.title = nasty.clone();
    doc.running_header = nasty.clone();
    doc.cover.facts.push((nasty.clone(), nasty.clone()));
    doc.blocks.push(heading(1, "9", &nasty));
    doc.blocks.push(body(&format!("{nasty}\nline two\ttabbed")));
    doc.blocks.push(Block::AnswerField(AnswerField {
        id: nasty.clone(),
        label: nasty.clone(),
        placeholder: nasty.clone(),
        lines: 2,
    }));
    doc.blocks.push(Block::Checkbox(Checkbox {
        id: nasty.clone(),
        label: nasty.clone(),
        checked: true,
    }));
    doc.blocks.push(Block::Table(Table {
        header: vec![nasty.clone()],
        widths: vec![1],
        rows: vec![],
    }));
    let bytes = render(&doc, RenderOptions { draft: true }).unwrap();
    check_all_parts(&bytes);
    let x = part(&bytes, "word/document.xml");
    assert!(x.contains(
        "A &amp; B &lt; C &gt; D &quot;E&quot; &apos;F&apos; &lt;/w:t&gt; ]]&gt; &amp;amp; x"
    ));
    assert!(x.contains(r#"<w:br w:type="textWrapping"/>"#) && x.contains("<w:tab/>"));
}

#[test]
fn degenerate_inputs_do_not_panic() {
    check_all_parts(&render(&empty_document(), RenderOptions::default()).unwrap());
    check_all_parts(&render(&empty_document(), RenderOptions { draft: true }).unwrap());

    let mut doc = empty_document();
    doc.blocks = vec![
        Block::PageBreak,
        Block::PageBreak,
        Block::Table(Table {
            header: vec![],
            widths: vec![],
            rows: vec![],
        }),
        Block::Table(Table {
            header: vec![],
            widths: vec![0],
            rows: vec![vec![]],
        }),
        Block::Table(Table {
            header: vec!["Seule".into()],
            widths: vec![],
            rows: vec![vec![vec![Run::plain("x")]]],
        }),
        Block::Table(Table {
            header: vec![" ".into()],
            widths: vec![0, 0],
            rows: vec![],
        }),
        Block::Table(Table {
            header: vec!["a".into()],
            widths: vec![1, 2, 3],
            rows: vec![
                vec![],
                vec![
                    vec![],
                    vec![Run::plain("b")],
                    vec![],
                    vec![Run::plain("extra")],
                ],
            ],
        }),
        Block::List(List {
            ordered: true,
            items: vec![],
        }),
        Block::List(List {
            ordered: false,
            items: vec![vec![]],
        }),
        heading(0, "", ""),
        heading(7, "", "deep"),
        Block::TableOfContents,
        Block::AnswerField(AnswerField {
            id: String::new(),
            label: String::new(),
            placeholder: String::new(),
            lines: 0,
        }),
        Block::AnswerField(AnswerField {
            id: "big".into(),
            label: "x".into(),
            placeholder: "y".into(),
            lines: u16::MAX,
        }),
        Block::Checkbox(Checkbox {
            id: String::new(),
            label: String::new(),
            checked: false,
        }),
        Block::PageBreak,
    ];
    let bytes = render(&doc, RenderOptions::default()).unwrap();
    check_all_parts(&bytes);
    let x = part(&bytes, "word/document.xml");
    // Every table has rows, every row cells: Word rejects empty ones.
    assert_eq!(
        x.matches("<w:tbl>").count(),
        x.matches("<w:tbl><w:tblPr>").count()
    );
    assert!(!x.contains("</w:tblGrid></w:tbl>"));
    assert!(!x.contains("<w:tr></w:tr>"));
}

#[test]
fn large_document_renders() {
    let mut doc = sample_document();
    for i in 0..500 {
        doc.blocks.push(body(&format!(
            "Paragraphe {i} : texte courant de l'article, assez long pour remplir une ligne."
        )));
    }
    let bytes = render(&doc, RenderOptions::default()).unwrap();
    assert_eq!(
        part(&bytes, "word/document.xml")
            .matches("Paragraphe ")
            .count(),
        500
    );
}

/// Writes /tmp/docx-sample.docx from a realistic dossier, to look at:
/// `cargo test --lib render::docx::tests::write_sample -- --ignored --nocapture`
#[test]
#[ignore]
fn write_sample() {
    let doc = realistic_document();
    let start = std::time::Instant::now();
    let bytes = render(
        &doc,
        RenderOptions {
            draft: std::env::var("DOCX_DRAFT").is_ok(),
        },
    )
    .unwrap();
    println!(
        "rendered {} blocks in {:?} -> {} bytes",
        doc.blocks.len(),
        start.elapsed(),
        bytes.len()
    );
    std::fs::write("/tmp/docx-sample.docx", &bytes).unwrap();
    // Edge cases to open in LibreOffice too: nothing at all, and hostile text.
    let empty = render(&empty_document(), RenderOptions { draft: true }).unwrap();
    std::fs::write("/tmp/docx-empty.docx", empty).unwrap();
    let mut odd = sample_document();
    let nasty = "A & B < C > D \"E\" </w:t> ]]>".to_string();
    odd.blocks.push(heading(1, "9", &nasty));
    odd.blocks.push(Block::Table(Table {
        header: vec![],
        widths: vec![],
        rows: vec![vec![vec![Run::plain(nasty.clone())]]],
    }));
    odd.blocks.push(Block::Table(Table {
        header: vec![],
        widths: vec![],
        rows: vec![],
    }));
    odd.blocks.push(Block::AnswerField(AnswerField {
        id: nasty.clone(),
        label: nasty.clone(),
        placeholder: nasty,
        lines: 0,
    }));
    std::fs::write(
        "/tmp/docx-odd.docx",
        render(&odd, RenderOptions::default()).unwrap(),
    )
    .unwrap();

    let mut big = realistic_document();
    let blocks = big.blocks.clone();
    for _ in 0..20 {
        big.blocks.extend(blocks.iter().cloned());
    }
    let start = std::time::Instant::now();
    let bytes = render(&big, RenderOptions::default()).unwrap();
    println!(
        "large: {} blocks in {:?} -> {} bytes",
        big.blocks.len(),
        start.elapsed(),
        bytes.len()
    );
}

pub(super) fn realistic_document() -> Document {
    let mut doc = sample_document();
    doc.meta.title = "Règlement de la consultation — Réfection de la toiture de l'école".into();
    doc.cover.facts =
        vec![
        (
            "Pouvoir adjudicateur".into(),
            "Commune de Saint-Julien-des-Prés, 1 place de la Mairie, 12345 Saint-Julien-des-Prés"
                .into(),
        ),
        (
            "Objet".into(),
            "Réfection de la toiture et isolation des combles de l'école élémentaire".into(),
        ),
        ("Référence".into(), "MAPA 2026-07".into()),
        (
            "Procédure".into(),
            "Procédure adaptée (articles L. 2123-1 et R. 2123-1 du code de la commande publique)"
                .into(),
        ),
        ("Date limite de remise des offres".into(), "lundi 15 juin 2026 à 12 h 00".into()),
        ("Contact".into(), "Mme Martin, secrétaire de mairie — mairie@saint-julien.fr".into()),
    ];
    let lorem = "Le présent article précise les conditions dans lesquelles le titulaire exécute les prestations. \
        Les candidats sont invités à lire attentivement l'ensemble des pièces du dossier, à vérifier les quantités \
        et à signaler toute erreur ou omission avant la date limite de remise des offres.";
    let mut b = vec![Block::TableOfContents, Block::PageBreak];
    let articles = [
        "Objet et étendue de la consultation",
        "Conditions de la consultation",
        "Contenu du dossier de consultation",
        "Présentation des candidatures et des offres",
        "Sélection des candidatures et jugement des offres",
        "Renseignements complémentaires",
    ];
    for (i, title) in articles.iter().enumerate() {
        let n = i + 1;
        b.push(heading(1, &n.to_string(), title));
        b.push(body(lorem));
        for s in 1..=2 {
            b.push(heading(
                2,
                &format!("{n}.{s}"),
                &format!("Sous-article {s} de l'article {n}"),
            ));
            b.push(Block::Paragraph(Paragraph {
                runs: vec![
                    Run::plain("Les offres sont rédigées en "),
                    Run::bold("langue française"),
                    Run {
                        text: " et exprimées en euros.".into(),
                        bold: false,
                        italic: true,
                    },
                ],
                style: ParagraphStyle::Body,
            }));
            b.push(body(lorem));
        }
        match n {
            1 => {
                b.push(heading(3, "", "Décomposition en lots"));
                b.push(Block::List(List {
                    ordered: true,
                    items: vec![
                        vec![Run::plain("Lot 1 : couverture et zinguerie ;")],
                        vec![Run::plain("Lot 2 : isolation des combles ;")],
                        vec![Run::plain("Lot 3 : charpente (reprises ponctuelles).")],
                    ],
                }));
                b.push(Block::Paragraph(Paragraph {
                    runs: vec![Run::bold("À noter : "), Run::plain("les variantes ne sont pas autorisées. Les prestations supplémentaires éventuelles sont décrites au CCTP.")],
                    style: ParagraphStyle::Note,
                }));
            }
            2 => {
                b.push(Block::List(List {
                    ordered: false,
                    items: vec![
                        vec![Run::plain("la lettre de candidature (DC1) ou équivalent ;")],
                        vec![Run::plain("la déclaration du candidat (DC2) ;")],
                        vec![Run::plain(
                            "les attestations d'assurance en cours de validité.",
                        )],
                    ],
                }));
                b.push(Block::List(List {
                    ordered: true,
                    items: vec![
                        vec![Run::plain("premier point, numéroté à partir de 1")],
                        vec![Run::plain("second point")],
                    ],
                }));
            }
            3 => {
                let rows = (1..=45)
                    .map(|k| {
                        vec![
                            vec![Run::plain(format!("{n}.{k}"))],
                            vec![Run::plain(format!("Pièce ou prestation n° {k} : fourniture et pose conformément au CCTP"))],
                            vec![Run::plain("U")],
                            vec![Run::plain(format!("{} 000,00 €", k * 3))],
                        ]
                    })
                    .collect();
                b.push(Block::Table(Table {
                    header: vec![
                        "N°".into(),
                        "Désignation".into(),
                        "Unité".into(),
                        "Montant HT".into(),
                    ],
                    widths: vec![8, 60, 10, 22],
                    rows,
                }));
                b.push(Block::Paragraph(Paragraph {
                    runs: vec![Run::plain(
                        "Code de la commande publique, articles R. 2151-1 et suivants.",
                    )],
                    style: ParagraphStyle::Small,
                }));
            }
            4 => {
                b.push(Block::AnswerField(AnswerField {
                    id: "moyens_humains".into(),
                    label: "Moyens humains affectés au chantier".into(),
                    placeholder: "Indiquez l'équipe, les qualifications et l'encadrement.".into(),
                    lines: 6,
                }));
                b.push(Block::AnswerField(AnswerField {
                    id: "planning".into(),
                    label: "Planning prévisionnel".into(),
                    placeholder: "Durée et phasage des travaux.".into(),
                    lines: 4,
                }));
                b.push(Block::Checkbox(Checkbox {
                    id: "visite".into(),
                    label: "J'ai effectué la visite du site.".into(),
                    checked: true,
                }));
                b.push(Block::Checkbox(Checkbox {
                    id: "pme".into(),
                    label: "L'entreprise est une PME au sens de la recommandation de la Commission du 6 mai 2003, ce libellé étant volontairement long pour passer à la ligne.".into(),
                    checked: false,
                }));
            }
            5 => {
                b.push(Block::Table(Table {
                    header: vec!["Critère".into(), "Pondération".into()],
                    widths: vec![80, 20],
                    rows: vec![
                        vec![
                            vec![Run::plain("Prix des prestations")],
                            vec![Run::plain("60 %")],
                        ],
                        vec![
                            vec![Run::plain("Valeur technique")],
                            vec![Run::plain("40 %")],
                        ],
                    ],
                }));
                b.push(body(lorem));
            }
            _ => {}
        }
    }
    doc.blocks = b;
    doc
}
