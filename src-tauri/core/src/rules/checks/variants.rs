use super::Ctx;
use crate::model::VariantPolicy;
use crate::rules::Severity::*;

pub fn check(cx: &mut Ctx) {
    let v = &cx.d.variants;
    let open = matches!(v.policy, VariantPolicy::Allowed | VariantPolicy::Required);
    if open && v.minimum_requirements.iter().all(|r| r.trim().is_empty()) {
        cx.push(Blocking, "variants.minimum_requirements", "variants.minimum_requirements", "R2151-10",
            "Vous autorisez les variantes : indiquez les exigences minimales qu'elles doivent respecter (reprenez par exemple les besoins de souplesse F0).");
    }
    if open && v.presentation.trim().is_empty() {
        cx.push(Warning, "variants.presentation", "variants.presentation", "R2151-10",
            "Dites comment présenter une variante (document distinct, prix détaillé…), pour pouvoir la comparer aux autres offres.");
    }
    if cx.d.pse.len() > 3 {
        cx.push(Advice, "pse.many", "pse", "R2151-8",
            "Plus de trois prestations supplémentaires éventuelles compliquent la comparaison des offres : gardez les plus utiles.");
    }
}
