import { describe, expect, it } from 'vitest';
import type { AwardCriterion, Dossier } from './bindings';
import { frameOf, questionsFromCriteria } from './frames';

function dossierWith(criteria: AwardCriterion[], questions: Dossier['questions'] = []): Dossier {
  return { criteria, questions } as unknown as Dossier;
}

const price: AwardCriterion = { id: 'prix', kind: 'price', title: 'Prix', weight_percent: 40, method: '', subcriteria: [] };
const tech: AwardCriterion = {
  id: 'tech', kind: 'technical', title: 'Valeur technique', weight_percent: 35, method: '',
  subcriteria: [{ id: 'tech-a', title: 'Organisation', points: 20 }, { id: 'tech-b', title: 'Moyens', points: 15 }],
};
const env: AwardCriterion = { id: 'env', kind: 'environmental', title: 'Environnement', weight_percent: 25, method: '', subcriteria: [] };

describe('questions from criteria', () => {
  it('one question per scored part, in the frame of its criterion, never for price', () => {
    const qs = questionsFromCriteria(dossierWith([price, tech, env]));
    expect(qs.map((q) => [q.criterion_id, q.frame, q.points])).toEqual([
      ['tech-a', 'technical', 20],
      ['tech-b', 'technical', 15],
      ['env', 'environmental', 25],
    ]);
    expect(new Set(qs.map((q) => q.id)).size).toBe(3);
    expect(qs[0].prompt).toContain('Organisation');
  });

  it('skips parts that already have a question', () => {
    const existing = [{ id: 'q-1', frame: 'technical', criterion_id: 'tech-a', prompt: 'Mienne', evidence: '', max_words: null, points: 20 }] as Dossier['questions'];
    const qs = questionsFromCriteria(dossierWith([tech], existing));
    expect(qs.map((q) => q.criterion_id)).toEqual(['tech-b']);
    expect(qs[0].id).not.toBe('q-1');
  });

  it('maps criterion kinds to frames', () => {
    expect(frameOf('social')).toBe('social');
    expect(frameOf('life_cycle_cost')).toBe('environmental');
    expect(frameOf('innovation')).toBe('technical');
    expect(frameOf('price')).toBeNull();
  });
});
