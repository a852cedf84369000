// The guided path: the editor's steps, which step a dossier field belongs
// to, and the small computations the forms show (totals, calculators,
// date checks). Pure functions, no legal rule (those live in Rust).

import type { Dossier } from './bindings';
import type { Parsed } from './french';

import { fieldPrefixes, steps, type StepKey } from './sections';

// The steps and which step each field belongs to come from Rust (sections.ts is generated).
export { steps, type StepKey };

/** Whether `path` is `prefix` or lies under it (`prefix.x`, `prefix[3]`). */
export function underPath(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}

/** The step where the field `path` is edited; « Vérification » when unknown. */
export function stepOfField(path: string): StepKey {
  let best: [string, StepKey] | undefined;
  for (const p of fieldPrefixes) {
    if (underPath(path, p[0]) && (!best || p[0].length > best[0].length)) best = p;
  }
  return best ? best[1] : 'check';
}

/** The test id suffix of the input editing `path` (a few inputs keep older names). */
export function fieldTestId(path: string): string {
  const aliases: Record<string, string> = {
    'purchase.estimated_amount_cents': 'purchase.estimated_amount',
    'submission.minimum_turnover_cents': 'submission.minimum_turnover',
  };
  // The weight box of criterion i is `criteria[i].weight` (it takes a percentage as typed).
  return aliases[path] ?? path.replace(/^(criteria\[\d+\])\.weight_percent$/, '$1.weight');
}

/**
 * Hours of work reserved for insertion: amount HT × labour share × rate ÷
 * hourly cost (LEGAL.md §7), rounded to the nearest hour; null when an input
 * is missing or not positive.
 */
export function insertionHours(amountCents: number, labourSharePercent: number, ratePercent: number, hourlyCostEuros: number): number | null {
  if (!(amountCents > 0 && labourSharePercent > 0 && ratePercent > 0 && hourlyCostEuros > 0)) return null;
  return Math.round(((amountCents / 100) * (labourSharePercent / 100) * (ratePercent / 100)) / hourlyCostEuros);
}

/** « 14:30 » → « 14:30:00 »; accepts « 14h30 », « 14 h 30 », « 9:05 », « 14 h ». */
export function parseTime(text: string): Parsed<string> {
  const t = text.trim().toLowerCase().replace(/[\s\u00A0\u202F]/g, '');
  const m = /^(\d{1,2})(?:[:h](\d{2})?)?$/.exec(t);
  if (!m) return { ok: false, message: 'Heure incorrecte : tapez-la sous la forme HH:MM, par exemple 12:00.' };
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h > 23 || min > 59) return { ok: false, message: `${text.trim()} n’est pas une heure de la journée : l’heure va de 00:00 à 23:59.` };
  return { ok: true, value: `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}:00` };
}

/** « 12:00 » from « 2026-12-15T12:00:00 ». */
export function formatTime(iso: string | null): string {
  if (!iso || iso.length < 16) return '';
  return iso.slice(11, 16);
}

/** A whole percentage 0–100, with the message naming the field. */
export function parsePercent(text: string): Parsed<number> {
  const cleaned = text.replace(/[\s\u00A0\u202F%]/g, '');
  if (!/^\d+$/.test(cleaned)) {
    return cleaned.startsWith('-')
      ? { ok: false, message: 'Un pourcentage ne peut pas être négatif.' }
      : { ok: false, message: 'Tapez un pourcentage entier, par exemple 5.' };
  }
  const n = Number(cleaned);
  if (n > 100) return { ok: false, message: `${n}\u00A0%, c’est plus que 100\u00A0% : corrigez le chiffre.` };
  return { ok: true, value: n };
}

/** A short identifier unlikely to collide with the dossier's others. */
export function newId(prefix: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** Moves the item at `i` by `by` places (−1 up, +1 down), in place. */
export function moveItem<T>(items: T[], i: number, by: number): void {
  const j = i + by;
  if (i < 0 || i >= items.length || j < 0 || j >= items.length) return;
  const [it] = items.splice(i, 1);
  items.splice(j, 0, it);
}
