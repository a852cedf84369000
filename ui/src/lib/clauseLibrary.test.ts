import { describe, expect, it } from 'vitest';
import { applyClause, clauseKindLabel, criterionTitle } from './clauseLibrary';
import type { AwardCriterion, ClauseKind, Dossier, LibraryClause } from './bindings';

function dossier(criteria: AwardCriterion[] = []): Dossier {
  // Only the parts applyClause touches.
  return {
    criteria,
    clauses: { environmental_conditions: [], social_conditions: [], insertion: null, reserved: null },
  } as unknown as Dossier;
}

function clause(kind: ClauseKind, extra: Partial<LibraryClause> = {}): LibraryClause {
  return {
    id: `c-${kind}`,
    kind,
    title: `Titre ${kind}`,
    article: 'L2112-2',
    natures: [],
    when_to_use: 'Toujours.',
    explanation: 'Parce que.',
    text: 'Le titulaire [à adapter].',
    criterion_kind: null,
    reserved: null,
    ...extra,
  };
}

const crit = (id: string, weight: number, subIds: string[] = []): AwardCriterion => ({
  id,
  kind: 'price',
  title: 'Prix',
  weight_percent: weight,
  method: '',
  subcriteria: subIds.map((s) => ({ id: s, title: '', points: 0 })),
});

describe('applyClause', () => {
  it('adds a social condition to the social conditions only', () => {
    const d = dossier();
    expect(applyClause(d, clause('social_condition'))).toBe('Titre social_condition');
    expect(d.clauses.social_conditions).toEqual([{ title: 'Titre social_condition', text: 'Le titulaire [à adapter].' }]);
    expect(d.clauses.environmental_conditions).toEqual([]);
    expect(d.criteria).toEqual([]);
  });

  it('adds an environmental condition to the environmental conditions only', () => {
    const d = dossier();
    d.clauses.environmental_conditions.push({ title: 'Déjà là', text: '' });
    applyClause(d, clause('environmental_condition'));
    expect(d.clauses.environmental_conditions.map((c) => c.title)).toEqual(['Déjà là', 'Titre environmental_condition']);
    expect(d.clauses.social_conditions).toEqual([]);
  });

  it('sets the reservation of a reserved contract', () => {
    const d = dossier();
    applyClause(d, clause('reserved_contract', { reserved: 'insertion' }));
    expect(d.clauses.reserved).toBe('insertion');
    applyClause(d, clause('reserved_contract', { reserved: 'disabled_workers' }));
    expect(d.clauses.reserved).toBe('disabled_workers');
    expect(d.clauses.social_conditions).toEqual([]);
    expect(d.criteria).toEqual([]);
  });

  it('adds a criterion with weight 0, its kind, a title without « Critère : » and a unique id', () => {
    const d = dossier([crit('crit-1', 60, ['crit-3']), crit('crit-2', 40)]);
    const c = clause('criterion', { title: 'Critère : coût du cycle de vie', criterion_kind: 'life_cycle_cost' });
    expect(applyClause(d, c)).toBe('Coût du cycle de vie');
    expect(d.criteria).toHaveLength(3);
    const added = d.criteria[2];
    expect(added).toEqual({
      id: added.id,
      kind: 'life_cycle_cost',
      title: 'Coût du cycle de vie',
      weight_percent: 0,
      method: 'Le titulaire [à adapter].',
      subcriteria: [],
    });
    const ids = d.criteria.flatMap((x) => [x.id, ...x.subcriteria.map((s) => s.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    // Twice the same clause: two criteria, two ids.
    applyClause(d, c);
    expect(d.criteria[3].id).not.toBe(added.id);
    expect(d.criteria.reduce((s, x) => s + x.weight_percent, 0)).toBe(100);
  });
});

describe('labels', () => {
  it('names every kind in French', () => {
    expect(clauseKindLabel.social_condition).toBe('Condition sociale');
    expect(clauseKindLabel.environmental_condition).toBe('Condition environnementale');
    expect(clauseKindLabel.criterion).toBe('Critère');
    expect(clauseKindLabel.reserved_contract).toBe('Marché réservé');
  });
  it('drops the « Critère : » prefix', () => {
    expect(criterionTitle('Critère : émissions liées au transport')).toBe('Émissions liées au transport');
    expect(criterionTitle('Délais')).toBe('Délais');
  });
});
