use serde::Serialize;
use ts_rs::TS;

use crate::model::PriceUnit;

/// A unit as the guided path offers it in its list.
#[derive(Debug, Clone, Serialize, TS)]
pub struct UnitChoice {
    pub unit: PriceUnit,
    pub symbol: &'static str,
    pub name: &'static str,
}

/// Every unit, in the order of the list.
pub fn unit_choices() -> Vec<UnitChoice> {
    PriceUnit::ALL
        .into_iter()
        .map(|unit| UnitChoice {
            unit,
            symbol: unit.symbol(),
            name: unit.name(),
        })
        .collect()
}

impl PriceUnit {
    pub const ALL: [PriceUnit; 17] = [
        PriceUnit::U,
        PriceUnit::M,
        PriceUnit::M2,
        PriceUnit::M3,
        PriceUnit::Ml,
        PriceUnit::Kg,
        PriceUnit::T,
        PriceUnit::L,
        PriceUnit::H,
        PriceUnit::Jour,
        PriceUnit::Semaine,
        PriceUnit::Mois,
        PriceUnit::An,
        PriceUnit::Forfait,
        PriceUnit::Repas,
        PriceUnit::Passage,
        PriceUnit::Intervention,
    ];

    /// The abbreviation printed in the unit column.
    pub fn symbol(self) -> &'static str {
        match self {
            PriceUnit::U => "u",
            PriceUnit::M => "m",
            PriceUnit::M2 => "m²",
            PriceUnit::M3 => "m³",
            PriceUnit::Ml => "ml",
            PriceUnit::Kg => "kg",
            PriceUnit::T => "t",
            PriceUnit::L => "l",
            PriceUnit::H => "h",
            PriceUnit::Jour => "jour",
            PriceUnit::Semaine => "semaine",
            PriceUnit::Mois => "mois",
            PriceUnit::An => "an",
            PriceUnit::Forfait => "forfait",
            PriceUnit::Repas => "repas",
            PriceUnit::Passage => "passage",
            PriceUnit::Intervention => "intervention",
        }
    }

    /// The name offered in the unit list of the guided path: the symbol
    /// itself where it is already a plain word.
    pub fn name(self) -> &'static str {
        match self {
            PriceUnit::U => "unité (u)",
            PriceUnit::M => "mètre (m)",
            PriceUnit::M2 => "mètre carré (m²)",
            PriceUnit::M3 => "mètre cube (m³)",
            PriceUnit::Ml => "mètre linéaire (ml)",
            PriceUnit::Kg => "kilogramme (kg)",
            PriceUnit::T => "tonne (t)",
            PriceUnit::L => "litre (l)",
            PriceUnit::H => "heure (h)",
            word => word.symbol(),
        }
    }
}
