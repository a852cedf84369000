//! The price schedule workbook: written, filled as a spreadsheet would fill
//! it (cells rewritten inside the sheet XML), read back with its totals
//! recomputed; and every kind of tampered or foreign file refused in French.
mod common;

use common::{at, catering_filled, marker_row, Filled, Typed, CATERING};

use std::collections::BTreeMap;

use dce_core::model::*;
use dce_core::prices::{self, compared_total_cents, read_xlsx, write_xlsx, PriceError};

fn refusal(d: &Dossier, lot: Option<u32>, bytes: &[u8]) -> (PriceError, String) {
    let e = read_xlsx(d, lot, bytes).expect_err("the file must be refused");
    let message = e.to_string();
    (e, message)
}

#[test]
fn catering_schedule_round_trips_to_the_cent() {
    let d = common::catering();
    let mut f = catering_filled(&d);
    let xlsx = f.bytes();
    let v1 = marker_row(&xlsx, "Variante", "variante:1");
    f.set(
        "Variante",
        &at('B', v1),
        Typed::Text("Repas enfant 100 % biologique"),
    )
    .set("Variante", &at('C', v1), Typed::Text("repas"))
    .set("Variante", &at('D', v1), Typed::Number(10_500.0))
    .set("Variante", &at('E', v1), Typed::Number(4.05));
    let filled = read_xlsx(&d, None, &f.bytes()).unwrap();

    // 4 200 × 3,45 + 6 300 × 3,80 + 700 × 5,17 + 150 × 4,15 = 42 671,50 €.
    assert_eq!(filled.totals.base_ht_cents, 4_267_150);
    // 3 500 goûters × 0,85 €, a PSE whose pricing is optional: not compared.
    assert_eq!(filled.totals.pse_ht_cents, BTreeMap::from([(1, 297_500)]));
    assert_eq!(filled.compared_ht_cents, 4_267_150);
    // 5,5 % of 42 671,50 € = 2 346,9325 € → 2 346,93 €.
    assert_eq!(filled.compared_vat_cents, 234_693);
    assert_eq!(filled.compared_ttc_cents, 4_501_843);
    assert_eq!(
        filled.offers["L3"],
        prices::LineOffer {
            unit_price_cents: 517,
            quantity_thousandths: 700_000
        }
    );
    assert_eq!(filled.firm_name.as_deref(), Some("Cuisines du Val SARL"));
    assert_eq!(filled.firm_siret.as_deref(), Some("01234567800019"));
    assert_eq!(filled.variant.len(), 1);
    assert_eq!(
        filled.variant[0].designation,
        "Repas enfant 100 % biologique"
    );
    assert_eq!(filled.variant_ht_cents(), 4_252_500);
}

#[test]
fn the_workbook_is_protected_with_formulas_fill_cells_and_print_setup() {
    let d = common::catering();
    let xlsx = write_xlsx(&d, None).unwrap();
    let f = Filled::new(&xlsx);
    let workbook = f.part("xl/workbook.xml");
    let names: Vec<&str> = ["BPU", "DQE", "Variante", "Identification"]
        .into_iter()
        .filter(|n| workbook.contains(&format!("name=\"{n}\"")))
        .collect();
    assert_eq!(names, ["BPU", "DQE", "Variante", "Identification"]);
    assert!(
        !workbook.contains("name=\"DPGF\""),
        "no lump sum in catering"
    );
    assert!(
        workbook.contains("state=\"hidden\""),
        "identity sheet hidden"
    );
    for sheet in ["BPU", "DQE", "Variante"] {
        assert!(
            workbook.contains(&format!(
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{}\"",
                names.iter().position(|n| *n == sheet).unwrap()
            )),
            "{sheet}: header row repeated on every printed page"
        );
    }
    assert!(workbook.contains("_xlnm.Print_Area"));

    // Which cell formats leave a cell unlocked.
    let styles = f.part("xl/styles.xml");
    let xfs = styles
        .split("<cellXfs")
        .nth(1)
        .unwrap()
        .split("</cellXfs>")
        .next()
        .unwrap();
    let unlocked: Vec<String> = xfs
        .split("<xf ")
        .skip(1)
        .enumerate()
        .filter(|(_, xf)| xf.split("</xf>").next().unwrap().contains("locked=\"0\""))
        .map(|(i, _)| i.to_string())
        .collect();
    assert!(!unlocked.is_empty());
    assert!(
        styles.contains("FFFFF2CC"),
        "fill cells shaded light yellow"
    );
    let unlocked_cells = |sheet: &str| -> Vec<String> {
        f.sheet_xml(sheet)
            .split("<c r=\"")
            .skip(1)
            .filter(|c| {
                let tag = c.split('>').next().unwrap();
                tag.split("s=\"")
                    .nth(1)
                    .is_some_and(|s| unlocked.contains(&s.split('"').next().unwrap().to_string()))
            })
            .map(|c| c.split('"').next().unwrap().to_string())
            .collect()
    };

    let bpu = f.sheet_xml("BPU");
    assert!(bpu.contains("<sheetProtection"));
    assert!(!bpu.contains("password"), "protected without a password");
    let mut expected: Vec<String> = CATERING
        .iter()
        .map(|(id, _)| at('D', marker_row(&xlsx, "BPU", &format!("ligne:{id}"))))
        .collect();
    for marker in ["entreprise", "siret"] {
        let r = marker_row(&xlsx, "BPU", marker);
        expected.extend([at('C', r), at('D', r)]);
    }
    let mut found = unlocked_cells("BPU");
    found.sort();
    expected.sort();
    assert_eq!(
        found, expected,
        "only prices and the firm's identity to fill in the BPU"
    );
    assert!(bpu.contains("<dataValidation type=\"decimal\" operator=\"greaterThanOrEqual\""));
    assert!(bpu.contains("errorTitle=\"Prix unitaire\""));
    assert!(bpu.contains("Écrivez un prix unitaire hors taxes en euros"));
    assert!(bpu.contains("<pageSetup paperSize=\"9\""), "A4");
    assert!(bpu.contains("fitToHeight=\"0\""), "one page wide");
    assert!(
        bpu.contains("Consultation n°\u{a0}RS-01"),
        "footer names the reference"
    );
    assert!(
        bpu.contains("&amp;P sur &amp;N"),
        "footer has the page number"
    );
    assert!(bpu.contains("hidden=\"1\""), "line ids in a hidden column");

    let dqe = f.sheet_xml("DQE");
    assert!(dqe.contains("<sheetProtection"));
    assert!(
        unlocked_cells("DQE").is_empty(),
        "nothing to type in the DQE"
    );
    let l1 = marker_row(&xlsx, "DQE", "ligne:L1");
    let l1_bpu = marker_row(&xlsx, "BPU", "ligne:L1");
    assert!(
        dqe.contains(&format!("<f>BPU!$D${}</f>", l1_bpu + 1)),
        "price taken from the BPU"
    );
    assert!(dqe.contains(&format!("<f>ROUND(D{r}*E{r},2)</f>", r = l1 + 1)));
    assert!(dqe.contains("*550/10000,2)"), "VAT at the dossier's 5,5 %");
    let shared = f.part("xl/sharedStrings.xml");
    assert!(shared.contains("n’a pas de valeur contractuelle"));
    assert!(shared.contains("PSE n°\u{a0}1 — Goûter pour l'accueil périscolaire\u{a0}: Goûter de l'accueil périscolaire"));
    assert!(shared.contains("Total HT de la PSE n°\u{a0}1"));
    assert!(shared.contains("voir l’article Variantes du DCE"));

    let variant = f.sheet_xml("Variante");
    assert!(variant.contains("<sheetProtection"));
    assert_eq!(
        unlocked_cells("Variante").len(),
        20 * 4,
        "designation, unit, quantity and price of 20 free rows"
    );
    let identity = f.sheet_xml("Identification");
    assert!(identity.contains("<sheetProtection"));
}

/// A village hall lot priced as a lump sum, with a compulsory PSE and no variant.
fn village_hall() -> Dossier {
    let mut d = common::catering();
    d.reference = "SDF-2026".into();
    d.purchase.object = "Rénovation de la salle des fêtes".into();
    d.purchase.lots = vec![
        Lot {
            number: 1,
            title: "Gros œuvre".into(),
            description: String::new(),
            estimated_amount_cents: 8_000_000,
        },
        Lot {
            number: 2,
            title: "Plâtrerie, peinture".into(),
            description: String::new(),
            estimated_amount_cents: 3_000_000,
        },
    ];
    d.variants.policy = VariantPolicy::Forbidden;
    d.pse = vec![Pse {
        title: "Peinture des salles annexes".into(),
        description: String::new(),
        pricing_compulsory: true,
    }];
    let line = |id: &str, designation: &str, unit, q| PriceLine {
        id: id.into(),
        designation: designation.into(),
        unit,
        quantity_thousandths: Some(q),
        estimate_cents: None,
    };
    let chapter = |id: &str, title: &str, pse, lines| PriceChapter {
        id: id.into(),
        title: title.into(),
        pricing: LinePricing::LumpSum,
        pse,
        lines,
    };
    d.prices = Prices {
        vat_rate_basis_points: 2000,
        schedules: vec![PriceSchedule {
            lot: Some(2),
            chapters: vec![
                chapter(
                    "C1",
                    "Démolition",
                    None,
                    vec![
                        line(
                            "L1",
                            "Dépose des faux plafonds existants, évacuation comprise",
                            PriceUnit::M2,
                            120_500,
                        ),
                        line(
                            "L2",
                            "Évacuation des gravats en décharge agréée",
                            PriceUnit::Forfait,
                            1_000,
                        ),
                    ],
                ),
                chapter(
                    "C2",
                    "Plâtrerie",
                    None,
                    vec![
                        line(
                            "L3",
                            "Cloison en plaques de plâtre sur ossature métallique 72/48",
                            PriceUnit::M2,
                            85_250,
                        ),
                        line(
                            "L4",
                            "Doublage isolant des murs extérieurs",
                            PriceUnit::M2,
                            12_500,
                        ),
                    ],
                ),
                chapter(
                    "C3",
                    "Peinture des salles annexes",
                    Some(1),
                    vec![line(
                        "L5",
                        "Peinture acrylique des murs, deux couches",
                        PriceUnit::M2,
                        200_000,
                    )],
                ),
            ],
        }],
    };
    d
}

fn village_hall_filled(d: &Dossier) -> Filled {
    let xlsx = write_xlsx(d, Some(2)).unwrap();
    let mut f = Filled::new(&xlsx);
    for (id, price) in [
        ("L1", 18.0),
        ("L2", 650.0),
        ("L3", 42.5),
        ("L4", 3.33),
        ("L5", 11.2),
    ] {
        let row = marker_row(&xlsx, "DPGF", &format!("ligne:{id}"));
        f.set("DPGF", &at('E', row), Typed::Number(price));
    }
    f
}

#[test]
fn lump_sum_schedule_reads_the_firms_own_quantities() {
    let d = village_hall();
    assert!(matches!(
        write_xlsx(&d, Some(1)),
        Err(PriceError::NoSchedule { lot: Some(1) })
    ));
    let mut f = village_hall_filled(&d);
    let xlsx = f.bytes();
    let workbook = f.part("xl/workbook.xml");
    assert!(workbook.contains("name=\"DPGF\"") && !workbook.contains("name=\"BPU\""));
    assert!(
        !workbook.contains("name=\"Variante\""),
        "variants forbidden"
    );
    let shared = f.part("xl/sharedStrings.xml");
    assert!(shared.contains("Lot 2 — Plâtrerie, peinture"));
    assert!(shared.contains("l’entreprise répond de ses propres quantités"));
    assert!(f.sheet_xml("DPGF").contains("<sheetProtection"));
    // The firm measured 126,4 m² of ceilings where the buyer indicated 120,5.
    let l1 = marker_row(&xlsx, "DPGF", "ligne:L1");
    f.set("DPGF", &at('D', l1), Typed::Number(126.4));
    let firm = marker_row(&xlsx, "DPGF", "entreprise");
    f.set("DPGF", &at('C', firm), Typed::Text("Plâtres & Couleurs"));

    let filled = read_xlsx(&d, Some(2), &f.bytes()).unwrap();
    assert_eq!(filled.offers["L1"].quantity_thousandths, 126_400);
    // 126,4 × 18 + 650 + 85,25 × 42,5 + 12,5 × 3,33 (41,625 → 41,63)
    // = 2 275,20 + 650 + 3 623,13 (3 623,125) + 41,63 = 6 589,96 €.
    assert_eq!(filled.totals.base_ht_cents, 658_996);
    assert_eq!(filled.totals.pse_ht_cents[&1], 224_000);
    // The PSE's pricing is compulsory: offers are compared with it.
    assert_eq!(filled.compared_ht_cents, 882_996);
    assert_eq!(filled.compared_vat_cents, 176_599);
    assert_eq!(filled.compared_ttc_cents, 1_059_595);
    assert_eq!(filled.firm_name.as_deref(), Some("Plâtres & Couleurs"));
    assert!(filled.variant.is_empty());

    // The firm's quantities must be figures too.
    f.set("DPGF", &at('D', l1), Typed::Nothing);
    let (_, message) = refusal(&d, Some(2), &f.bytes());
    assert!(
        message.contains("ligne 1.1") && message.contains("il manque la quantité"),
        "{message}"
    );
    f.set("DPGF", &at('D', l1), Typed::Number(-3.0));
    let (_, message) = refusal(&d, Some(2), &f.bytes());
    assert!(
        message.contains("un nombre négatif n’est pas admis"),
        "{message}"
    );
    // Read as the schedule of another lot.
    let (e, message) = refusal(
        &village_hall_other_lot(),
        Some(1),
        &village_hall_filled(&d).bytes(),
    );
    assert!(
        matches!(
            e,
            PriceError::WrongLot {
                found: Some(2),
                expected: Some(1)
            }
        ),
        "{message}"
    );
    assert!(
        message.contains("celui du lot 2, alors que celui du lot 1 est attendu"),
        "{message}"
    );
}

/// The village hall dossier with a schedule for lot 1 too.
fn village_hall_other_lot() -> Dossier {
    let mut d = village_hall();
    let mut lot1 = d.prices.schedules[0].clone();
    lot1.lot = Some(1);
    d.prices.schedules.push(lot1);
    d
}

#[test]
fn tampered_files_are_refused_naming_the_line() {
    let d = common::catering();
    let xlsx = catering_filled(&d).bytes();
    let row = |sheet, id: &str| marker_row(&xlsx, sheet, &format!("ligne:{id}"));

    // A line removed from the BPU.
    let mut f = catering_filled(&d);
    f.remove_row("BPU", row("BPU", "L2"));
    let (e, message) = refusal(&d, None, &f.bytes());
    assert!(matches!(e, PriceError::LineRemoved { .. }), "{message}");
    assert_eq!(
        message,
        "Feuille «\u{a0}BPU\u{a0}», ligne 1.2 «\u{a0}Repas enfant d'élémentaire (entrée, plat et garniture, produit laitier, dessert), livré en liaison froide\u{a0}»\u{a0}: la ligne a été supprimée du bordereau."
    );

    // A designation rewritten.
    let mut f = catering_filled(&d);
    f.set(
        "BPU",
        &at('B', row("BPU", "L1")),
        Typed::Text("Repas enfant de maternelle, sans dessert"),
    );
    let (_, message) = refusal(&d, None, &f.bytes());
    assert!(
        message.contains("ligne 1.1 «\u{a0}Repas enfant de maternelle (entrée"),
        "{message}"
    );
    assert!(message.contains("la désignation a été modifiée (le fichier porte «\u{a0}Repas enfant de maternelle, sans dessert\u{a0}»)"), "{message}");

    // An estimated quantity changed in the DQE.
    let mut f = catering_filled(&d);
    f.set("DQE", &at('D', row("DQE", "L3")), Typed::Number(70.0));
    let (_, message) = refusal(&d, None, &f.bytes());
    assert!(
        message.starts_with("Feuille «\u{a0}DQE\u{a0}», ligne 1.3 «\u{a0}Repas adulte"),
        "{message}"
    );
    assert!(
        message.contains("la quantité estimée a été modifiée (le fichier porte «\u{a0}70\u{a0}»)"),
        "{message}"
    );

    // A line copied from another file: a marker the dossier does not know.
    let mut f = catering_filled(&d);
    f.set("BPU", &at('E', row("BPU", "L4")), Typed::Text("ligne:L99"));
    let (e, message) = refusal(&d, None, &f.bytes());
    assert!(matches!(e, PriceError::LineAdded { .. }), "{message}");
    assert!(
        message.contains("ligne 1.4 «\u{a0}Pique-nique froid")
            && message.contains("cette ligne a été ajoutée"),
        "{message}"
    );
}

#[test]
fn prices_must_be_present_numeric_and_in_cents() {
    let d = common::catering();
    let xlsx = write_xlsx(&d, None).unwrap();
    let l5 = at('D', marker_row(&xlsx, "BPU", "ligne:L5"));

    let mut f = catering_filled(&d);
    f.set("BPU", &l5, Typed::Nothing);
    let (e, message) = refusal(&d, None, &f.bytes());
    assert!(matches!(e, PriceError::Empty { .. }), "{message}");
    assert_eq!(
        message,
        "Feuille «\u{a0}BPU\u{a0}», ligne 2.1 «\u{a0}Goûter (produit céréalier, fruit ou produit laitier, boisson), livré avec les repas\u{a0}»\u{a0}: il manque le prix unitaire."
    );

    f.set("BPU", &l5, Typed::Text("12,50 €"));
    let (e, message) = refusal(&d, None, &f.bytes());
    assert!(matches!(e, PriceError::NotANumber { .. }), "{message}");
    assert!(
        message.contains("ligne 2.1")
            && message.contains("le prix unitaire «\u{a0}12,50 €\u{a0}» n’est pas un nombre"),
        "{message}"
    );

    f.set("BPU", &l5, Typed::Number(0.855));
    let (_, message) = refusal(&d, None, &f.bytes());
    assert!(
        message.contains("le prix unitaire (0,855) a plus de 2 décimales"),
        "{message}"
    );

    f.set("BPU", &l5, Typed::Number(-0.85));
    let (_, message) = refusal(&d, None, &f.bytes());
    assert!(message.contains("le prix unitaire vaut -0,85"), "{message}");

    // A free price of zero is a price.
    f.set("BPU", &l5, Typed::Number(0.0));
    assert_eq!(
        read_xlsx(&d, None, &f.bytes()).unwrap().totals.pse_ht_cents[&1],
        0
    );
}

#[test]
fn foreign_files_are_refused() {
    let d = common::catering();
    let filled = catering_filled(&d).bytes();

    let mut other = d.clone();
    other.reference = "RS-02".into();
    let (e, message) = refusal(&other, None, &filled);
    assert!(matches!(e, PriceError::WrongReference { .. }));
    assert_eq!(
        message,
        "Ce bordereau des prix porte la référence «\u{a0}RS-01\u{a0}», alors que le dossier attendu est «\u{a0}RS-02\u{a0}»\u{a0}: ce n’est pas le bordereau de cette consultation."
    );

    let mut same_reference = d.clone();
    same_reference.uid = "another-uid".into();
    let (_, message) = refusal(&same_reference, None, &filled);
    assert!(
        message.contains("produit pour un autre dossier"),
        "{message}"
    );

    let (e, message) = refusal(&d, None, b"Prix unitaire;Quantite\n12,50;3\n");
    assert!(matches!(e, PriceError::NotXlsx { .. }));
    assert!(
        message.starts_with("Ce fichier n’est pas un classeur Excel (XLSX) lisible"),
        "{message}"
    );

    // A workbook, but not one of ours.
    let mut foreign = rust_xlsxwriter::Workbook::new();
    foreign
        .add_worksheet()
        .write_string(0, 0, "Prix unitaire")
        .unwrap();
    let (e, message) = refusal(&d, None, &foreign.save_to_buffer().unwrap());
    assert_eq!(e, PriceError::NotOurSchedule, "{message}");
    assert!(
        message.starts_with("Ce classeur n’est pas un bordereau des prix produit par DCE Unique")
    );
}

/// No scoring function exists in core yet: this shows the compared total is
/// the amount the price score `points = weight × lowest ÷ offer` needs.
#[test]
fn the_compared_total_feeds_the_price_score() {
    let d = common::catering();
    let first = read_xlsx(&d, None, &catering_filled(&d).bytes()).unwrap();
    // A second firm, 10 % dearer on every meal, with a cheaper snack.
    let xlsx = write_xlsx(&d, None).unwrap();
    let mut f = Filled::new(&xlsx);
    for (id, price) in [
        ("L1", 3.8),
        ("L2", 4.18),
        ("L3", 5.69),
        ("L4", 4.57),
        ("L5", 0.5),
    ] {
        f.set(
            "BPU",
            &at('D', marker_row(&xlsx, "BPU", &format!("ligne:{id}"))),
            Typed::Number(price),
        );
    }
    let second = read_xlsx(&d, None, &f.bytes()).unwrap();
    let compared = [first.compared_ht_cents, second.compared_ht_cents];
    assert_eq!(compared[0], compared_total_cents(&d, &first.totals));
    // The optional PSE does not count: the cheaper snack does not make up for the meals.
    assert_eq!(compared[1], 4_696_250);
    let lowest = *compared.iter().min().unwrap();
    let points: Vec<Option<i64>> = compared
        .iter()
        .map(|c| dce_core::award::price_points_hundredths(40, lowest, *c))
        .collect();
    // 40 × lowest ÷ 46 962,50 € = 36,345… points.
    assert_eq!(points, [Some(4_000), Some(3_635)]);
}

#[test]
fn dce_prices_read_prints_the_totals_or_the_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossiers.db");
    let dce = |args: &[&str]| common::dce(&db, args);
    let new = dce(&["new", "--sample", "restauration-scolaire"]);
    let id = String::from_utf8(new.stdout).unwrap().trim().to_string();
    let d = dce_core::store::Store::open(&db)
        .unwrap()
        .load(id.parse().unwrap())
        .unwrap();
    let file = dir.path().join("bordereau-rempli.xlsx");
    std::fs::write(&file, catering_filled(&d).bytes()).unwrap();

    let out = dce(&["prices", "read", &id, file.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = [
        "Bordereau des prix de la consultation n°\u{a0}RS-01 (marché sans lots)\u{a0}: accepté, totaux recalculés ligne par ligne.",
        "Entreprise\u{a0}: Cuisines du Val SARL (SIRET 01234567800019)",
        "Offre de base\u{a0}: 42\u{202f}671,50\u{a0}€\u{a0}HT",
        "PSE n°\u{a0}1 — Goûter pour l'accueil périscolaire\u{a0}: 2\u{202f}975\u{a0}€\u{a0}HT (chiffrage facultatif, hors du total comparé)",
        "Total comparé\u{a0}: 42\u{202f}671,50\u{a0}€\u{a0}HT",
        "TVA (5,5\u{a0}%)\u{a0}: 2\u{202f}346,93\u{a0}€",
        "Total TTC\u{a0}: 45\u{202f}018,43\u{a0}€",
    ];
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);

    let out = dce(&["prices", "read", &id, file.to_str().unwrap(), "--lot", "2"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Le dossier n’a pas de bordereau des prix du lot 2"),
        "{stderr}"
    );
}

#[test]
fn the_communes_estimate_never_reaches_the_workbook() {
    let mut d = common::catering();
    d.prices.schedules[0].chapters[0].lines[0].estimate_cents = Some(987_654);
    let xlsx = write_xlsx(&d, None).unwrap();
    let filled = Filled::new(&xlsx);
    for (name, bytes) in &filled.parts {
        let text = String::from_utf8_lossy(bytes);
        for needle in ["9876.54", "9876,54", "9 876,54", "987654"] {
            assert!(
                !text.contains(needle),
                "{name} shows the estimate ({needle})"
            );
        }
    }
}
