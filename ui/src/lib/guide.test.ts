import { describe, expect, it } from 'vitest';
import {
  fieldTestId,
  insertionHours,
  newId,
  parsePercent,
  parseTime,
  formatTime,
  stepOfField,
} from './guide';
import type { Dossier, Finding } from './bindings';

describe('fieldTestId', () => {
  it('maps the model path to the input that edits it', () => {
    expect(fieldTestId('criteria[2].weight_percent')).toBe('criteria[2].weight');
    expect(fieldTestId('purchase.estimated_amount_cents')).toBe('purchase.estimated_amount');
    expect(fieldTestId('needs[0].level')).toBe('needs[0].level');
  });
});

describe('stepOfField', () => {
  it('maps finding fields to their step', () => {
    expect(stepOfField('buyer.siret')).toBe('buyer');
    expect(stepOfField('purchase.estimated_amount_cents')).toBe('purchase');
    expect(stepOfField('reference')).toBe('purchase');
    expect(stepOfField('purchase.lots')).toBe('lots');
    expect(stepOfField('purchase.lots[2].title')).toBe('lots');
    expect(stepOfField('purchase.no_lots_reason')).toBe('lots');
    expect(stepOfField('needs[3]')).toBe('need');
    expect(stepOfField('variants.minimum_requirements')).toBe('variants');
    expect(stepOfField('pse')).toBe('variants');
    expect(stepOfField('criteria[0]')).toBe('criteria');
    expect(stepOfField('questions[1]')).toBe('frames');
    expect(stepOfField('clauses.environmental_conditions')).toBe('clauses');
    expect(stepOfField('execution.advance.percent')).toBe('execution');
    expect(stepOfField('submission.deadline')).toBe('submission');
  });
  it('does not match on a partial word and falls back to the check step', () => {
    expect(stepOfField('purchases')).toBe('check');
    expect(stepOfField('')).toBe('check');
    expect(stepOfField('whatever.else')).toBe('check');
  });
  it('knows the older test ids', () => {
    expect(fieldTestId('purchase.estimated_amount_cents')).toBe('purchase.estimated_amount');
    expect(fieldTestId('submission.minimum_turnover_cents')).toBe('submission.minimum_turnover');
    expect(fieldTestId('buyer.name')).toBe('buyer.name');
  });
});

describe('insertionHours', () => {
  it('follows the usual formula', () => {
    // 1 000 000 € × 50 % × 5 % ÷ 30 € ≈ 833 h
    expect(insertionHours(100_000_000, 50, 5, 30)).toBe(833);
  });
  it('gives nothing when an input is missing', () => {
    expect(insertionHours(0, 50, 5, 30)).toBeNull();
    expect(insertionHours(100_000_000, 50, 5, 0)).toBeNull();
    expect(insertionHours(100_000_000, -1, 5, 30)).toBeNull();
  });
});

describe('deadline', () => {
  it('parses times the French way', () => {
    expect(parseTime('12:00')).toEqual({ ok: true, value: '12:00:00' });
    expect(parseTime('9h30')).toEqual({ ok: true, value: '09:30:00' });
    expect(parseTime('14 h')).toEqual({ ok: true, value: '14:00:00' });
    expect(parseTime('25:00').ok).toBe(false);
    expect(parseTime('midi').ok).toBe(false);
    expect(formatTime('2026-12-15T12:00:00')).toBe('12:00');
    expect(formatTime(null)).toBe('');
  });
});

describe('parsePercent', () => {
  it('accepts 0 to 100 and explains the rest', () => {
    expect(parsePercent('5 %')).toEqual({ ok: true, value: 5 });
    expect(parsePercent('0')).toEqual({ ok: true, value: 0 });
    const over = parsePercent('120');
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.message).toContain('100');
    const neg = parsePercent('-3');
    expect(neg.ok).toBe(false);
    if (!neg.ok) expect(neg.message).toContain('négatif');
  });
});

describe('newId', () => {
  it('never reuses an id', () => {
    expect(newId('c', [])).toBe('c-1');
    expect(newId('c', ['c-2', 'x'])).toBe('c-3');
    expect(newId('c', ['c-3', 'c-4', 'c-5'])).toBe('c-6');
  });
});

import { moveItem } from './guide';
describe('moveItem', () => {
  it('moves within bounds and ignores the rest', () => {
    const a = ['a', 'b', 'c'];
    moveItem(a, 0, 1);
    expect(a).toEqual(['b', 'a', 'c']);
    moveItem(a, 2, -1);
    expect(a).toEqual(['b', 'c', 'a']);
    moveItem(a, 0, -1);
    moveItem(a, 2, 1);
    expect(a).toEqual(['b', 'c', 'a']);
  });
});

import { glossary } from './glossary';
describe('glossary', () => {
  it('explains every word the secretary meets', () => {
    const terms = glossary.map((g) => g.term.toLowerCase());
    for (const t of ['dce', 'mapa', 'variante', 'pse', 'critère d’attribution', 'sous-critère', 'pondération', 'ccag', 'dérogation', 'avance', 'acompte', 'retenue de garantie', 'révision de prix', 'actualisation', 'dume', 'profil d’acheteur', 'expression fonctionnelle du besoin', 'souplesse f0 à f3', 'offre anormalement basse']) {
      expect(terms).toContain(t);
    }
  });
});

