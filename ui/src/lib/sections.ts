// Generated from the Rust steps by dce-core (src/sections.rs). Do not edit:
// run `DCE_UPDATE_GENERATED=1 cargo test -p dce-core --test generated` after changing a step.

export type StepKey = "buyer" | "purchase" | "procedure" | "lots" | "need" | "variants" | "criteria" | "frames" | "clauses" | "execution" | "prices" | "submission" | "check" | "export";

/** Every step of the guided path, in the editor's order. */
export const steps: { key: StepKey; title: string }[] = [
  { key: "buyer", title: "Acheteur" },
  { key: "purchase", title: "Objet et contexte" },
  { key: "procedure", title: "Procédure" },
  { key: "lots", title: "Lots" },
  { key: "need", title: "Besoin fonctionnel" },
  { key: "variants", title: "Variantes et PSE" },
  { key: "criteria", title: "Critères d’attribution" },
  { key: "frames", title: "Cadres de réponse" },
  { key: "clauses", title: "Clauses sociales et environnementales" },
  { key: "execution", title: "Conditions d’exécution" },
  { key: "prices", title: "Bordereau des prix" },
  { key: "submission", title: "Candidature et remise des offres" },
  { key: "check", title: "Vérification" },
  { key: "export", title: "Export" },
];

/** Field path prefixes (as in Finding.field) and their step; the longest matching prefix wins, unknown fields go to 'check'. */
export const fieldPrefixes: [string, StepKey][] = [
  ["buyer", "buyer"],
  ["reference", "purchase"],
  ["purchase", "purchase"],
  ["purchase.lots", "lots"],
  ["purchase.no_lots_reason", "lots"],
  ["procedure", "procedure"],
  ["needs", "need"],
  ["variants", "variants"],
  ["pse", "variants"],
  ["criteria", "criteria"],
  ["award", "criteria"],
  ["questions", "frames"],
  ["clauses", "clauses"],
  ["execution", "execution"],
  ["prices", "prices"],
  ["submission", "submission"],
];
