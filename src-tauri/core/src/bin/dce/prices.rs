//! `dce prices`: the price schedule a firm sent back, read and totalled.

use clap::Subcommand;
use dce_core::french::{decimal, money, money_ht, NBSP};
use dce_core::model::Dossier;
use dce_core::prices::{self, FilledSchedule};
use dce_core::store::Store;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum PricesCommand {
    #[command(
        about = "Relit un bordereau des prix rempli (XLSX) et affiche ses totaux recalculés, ou dit pourquoi il est refusé"
    )]
    Read {
        id: i64,
        file: PathBuf,
        #[arg(
            long,
            value_name = "N",
            help = "Numéro du lot dont c'est le bordereau (sans lots : ne rien indiquer)"
        )]
        lot: Option<u32>,
    },
}

pub fn run(store: Store, command: PricesCommand) -> Result<(), String> {
    match command {
        PricesCommand::Read { id, file, lot } => {
            let dossier = store.load(id).map_err(|e| e.to_string())?;
            let bytes = std::fs::read(&file).map_err(|e| {
                format!(
                    "impossible de lire «\u{a0}{}\u{a0}»\u{a0}: vérifiez le chemin du fichier. ({e})",
                    file.display()
                )
            })?;
            let filled = prices::read_xlsx(&dossier, lot, &bytes).map_err(|e| e.to_string())?;
            for line in report(&dossier, lot, &filled) {
                out!("{line}");
            }
        }
    }
    Ok(())
}

/// The totals as the buyer reads them, one line each.
fn report(dossier: &Dossier, lot: Option<u32>, filled: &FilledSchedule) -> Vec<String> {
    let mut lines = Vec::new();
    let scope = match lot {
        Some(n) => format!("lot {n}"),
        None => "marché sans lots".to_string(),
    };
    lines.push(format!(
        "Bordereau des prix de la consultation n°{NBSP}{} ({scope})\u{a0}: accepté, totaux recalculés ligne par ligne.",
        dossier.reference
    ));
    match (&filled.firm_name, &filled.firm_siret) {
        (Some(name), Some(siret)) => {
            lines.push(format!("Entreprise\u{a0}: {name} (SIRET {siret})"))
        }
        (Some(name), None) => lines.push(format!("Entreprise\u{a0}: {name}")),
        (None, Some(siret)) => lines.push(format!("Entreprise\u{a0}: SIRET {siret}")),
        (None, None) => lines.push("Entreprise\u{a0}: non indiquée dans le bordereau".to_string()),
    }
    lines.push(format!(
        "Offre de base\u{a0}: {}",
        money_ht(filled.totals.base_ht_cents)
    ));
    for (n, cents) in &filled.totals.pse_ht_cents {
        let pse = dossier.pse.get((*n as usize).wrapping_sub(1));
        let title = pse.map(|p| format!(" — {}", p.title)).unwrap_or_default();
        let counted = if pse.is_some_and(|p| p.pricing_compulsory) {
            "chiffrage obligatoire, compris dans le total comparé"
        } else {
            "chiffrage facultatif, hors du total comparé"
        };
        lines.push(format!(
            "PSE n°{NBSP}{n}{title}\u{a0}: {} ({counted})",
            money_ht(*cents)
        ));
    }
    let rate = decimal(i64::from(dossier.prices.vat_rate_basis_points));
    lines.push(format!(
        "Total comparé\u{a0}: {}",
        money_ht(filled.compared_ht_cents)
    ));
    lines.push(format!(
        "TVA ({rate}{NBSP}%)\u{a0}: {}",
        money(filled.compared_vat_cents)
    ));
    lines.push(format!(
        "Total TTC\u{a0}: {}",
        money(filled.compared_ttc_cents)
    ));
    if !filled.variant.is_empty() {
        lines.push(format!(
            "Variante\u{a0}: {} ligne(s), {}",
            filled.variant.len(),
            money_ht(filled.variant_ht_cents())
        ));
    }
    lines
}
