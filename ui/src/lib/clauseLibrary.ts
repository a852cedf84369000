// The clause library on the UI side: French labels and the pure function
// that puts a library clause into the dossier (the clauses themselves and
// their search live in Rust, templates/clauses).

import type { AwardCriterion, ClauseKind, Dossier, LibraryClause } from './bindings';
import { newId } from './guide';

export const clauseKindLabel: Record<ClauseKind, string> = {
  social_condition: 'Condition sociale',
  environmental_condition: 'Condition environnementale',
  criterion: 'Critère',
  reserved_contract: 'Marché réservé',
};

/** The kinds the Clauses step offers; the Criteria step offers the others. */
export const conditionKinds: ClauseKind[] = ['social_condition', 'environmental_condition', 'reserved_contract'];
export const criterionKinds: ClauseKind[] = ['criterion'];

/** « Critère : coût du cycle de vie » → « Coût du cycle de vie ». */
export function criterionTitle(title: string): string {
  const t = title.replace(/^\s*crit[eè]re\s*:\s*/i, '').trim();
  return t ? t.charAt(0).toUpperCase() + t.slice(1) : title.trim();
}

/**
 * Puts `clause` into `dossier`, in place (so it works on Svelte state), and
 * returns the title of what was added. A criterion comes with a weight of 0:
 * the weights total then tells the user to rebalance.
 */
export function applyClause(dossier: Dossier, clause: LibraryClause): string {
  switch (clause.kind) {
    case 'social_condition':
      dossier.clauses.social_conditions.push({ title: clause.title, text: clause.text });
      return clause.title;
    case 'environmental_condition':
      dossier.clauses.environmental_conditions.push({ title: clause.title, text: clause.text });
      return clause.title;
    case 'reserved_contract':
      dossier.clauses.reserved = clause.reserved;
      return clause.title;
    case 'criterion': {
      const taken = dossier.criteria.flatMap((c) => [c.id, ...c.subcriteria.map((s) => s.id)]);
      const criterion: AwardCriterion = {
        id: newId('crit', taken),
        kind: clause.criterion_kind ?? 'other',
        title: criterionTitle(clause.title),
        weight_percent: 0,
        method: clause.text,
        subcriteria: [],
      };
      dossier.criteria.push(criterion);
      return criterion.title;
    }
  }
}
