//! The price schedule filled by LibreOffice, through
//! `scripts/fill-prices-libreoffice`, saved as XLSX and read back.
//!
//! Ignored by default: it starts LibreOffice (about 5 s). Run it with
//!     cargo test -p dce-core --test prices_libreoffice -- --ignored
//! Run by hand, it must check: without LibreOffice (or its Python module)
//! it fails and says what to install.
mod common;

#[test]
#[ignore = "starts LibreOffice (about 5 s); run with -- --ignored"]
fn the_price_schedule_can_be_filled_in_libreoffice_and_read_back() {
    let d = common::catering();
    let xlsx = dce_core::prices::write_xlsx(&d, None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("bordereau.xlsx");
    let filled = dir.path().join("rempli.xlsx");
    let prices = dir.path().join("prix.json");
    std::fs::write(&blank, xlsx).unwrap();
    std::fs::write(
        &prices,
        r#"{"L1": 3.45, "L2": 3.8, "L3": 5.17, "L4": 4.15, "L5": 0.85,
            "entreprise": "Cuisines du Val SARL", "siret": "01234567800019"}"#,
    )
    .unwrap();

    let stdout = common::libreoffice_script(
        "fill-prices-libreoffice",
        &[&blank, &filled, &prices],
        "fill the schedule",
    );
    assert!(stdout.contains("Prix tapés : 5"), "{stdout}");
    assert!(stdout.contains("Feuilles protégées : oui"), "{stdout}");
    // LibreOffice's own total, with the workbook's formulas, is ours.
    assert!(
        stdout.contains("calculé par LibreOffice : 42671.50"),
        "{stdout}"
    );

    let back = std::fs::read(&filled).unwrap();
    let schedule = dce_core::prices::read_xlsx(&d, None, &back).unwrap();
    assert_eq!(schedule.totals.base_ht_cents, 4_267_150);
    assert_eq!(schedule.totals.pse_ht_cents[&1], 297_500);
    assert_eq!(schedule.compared_ttc_cents, 4_501_843);
    assert_eq!(schedule.firm_name.as_deref(), Some("Cuisines du Val SARL"));
    assert_eq!(schedule.firm_siret.as_deref(), Some("01234567800019"));
    assert!(schedule.variant.is_empty());
    // Saved by LibreOffice, the sheets are still protected.
    assert!(common::docx_part(&back, "xl/worksheets/sheet1.xml").contains("<sheetProtection"));
}
