import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDate,
  formatOptionalAmount,
  formatQuantity,
  formatRate,
  parseAmount,
  parseDate,
  parseOptionalAmount,
  parseQuantity,
  parseRate,
  parseWhole,
} from './french';

describe('amounts', () => {
  it('formats with narrow spaces and a decimal comma', () => {
    expect(formatAmount(12_000_000)).toBe('120\u202F000');
    expect(formatAmount(8_500_050)).toBe('85\u202F000,50');
  });
  it('parses what a French user types', () => {
    expect(parseAmount('120 000')).toEqual({ ok: true, value: 12_000_000 });
    expect(parseAmount('85 000,5 €')).toEqual({ ok: true, value: 8_500_050 });
    expect(parseAmount(formatAmount(123_456))).toEqual({ ok: true, value: 123_456 });
  });
  it('refuses negative and malformed amounts with a French message', () => {
    const neg = parseAmount('-5 000');
    expect(neg.ok).toBe(false);
    if (!neg.ok) expect(neg.message).toContain('négatif');
    const bad = parseAmount('12a');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('Montant incorrect');
  });
});

describe('whole numbers', () => {
  it('checks bounds', () => {
    expect(parseWhole('36', 1, 120, 'mois')).toEqual({ ok: true, value: 36 });
    expect(parseWhole('0', 1, 120, 'mois').ok).toBe(false);
    expect(parseWhole('trois', 1, 120, 'mois').ok).toBe(false);
  });
});

describe('dates', () => {
  it('round-trips French dates', () => {
    expect(parseDate('30/11/2026')).toEqual({ ok: true, value: '2026-11-30' });
    expect(formatDate('2026-11-30')).toBe('30/11/2026');
    expect(parseDate('')).toEqual({ ok: true, value: null });
  });
  it('refuses impossible dates', () => {
    const r = parseDate('31/02/2027');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("n'existe pas");
  });
});

describe('optional amounts', () => {
  it('empty means nothing asked, otherwise an amount', () => {
    expect(parseOptionalAmount('  ')).toEqual({ ok: true, value: null });
    expect(parseOptionalAmount('180 000')).toEqual({ ok: true, value: 18_000_000 });
    expect(parseOptionalAmount('-3').ok).toBe(false);
    expect(formatOptionalAmount(null)).toBe('');
  });
});

describe('quantities and VAT rates', () => {
  it('reads and writes quantities in thousandths', () => {
    expect(parseQuantity('1 250,5')).toEqual({ ok: true, value: 1_250_500 });
    expect(parseQuantity('')).toEqual({ ok: true, value: null });
    expect(parseQuantity('1,2345').ok).toBe(false);
    expect(parseQuantity('-2').ok).toBe(false);
    expect(formatQuantity(4_200_000)).toBe('4\u202F200');
    expect(formatQuantity(12_500)).toBe('12,5');
    expect(formatQuantity(null)).toBe('');
  });
  it('reads and writes VAT rates in basis points', () => {
    expect(parseRate('5,5')).toEqual({ ok: true, value: 550 });
    expect(parseRate('20 %')).toEqual({ ok: true, value: 2000 });
    expect(parseRate('cent').ok).toBe(false);
    expect(formatRate(210)).toBe('2,1');
    expect(formatRate(2000)).toBe('20');
  });
});
