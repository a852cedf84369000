// The guided path: the editor's steps, which step a dossier field belongs
// to, and the small computations the forms show (totals, calculators,
// date checks). Pure functions, no legal rule (those live in Rust).

import type { Dossier, Finding } from './bindings';
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

export type StepStatus = 'complete' | 'incomplete' | 'problems' | 'neutral';

const blank = (s: string | null | undefined) => !s || s.trim() === '';

/** Sum of the criteria weights, in percent. */
export function weightsTotal(d: Pick<Dossier, 'criteria'>): number {
  return d.criteria.reduce((sum, c) => sum + (Number.isFinite(c.weight_percent) ? c.weight_percent : 0), 0);
}

/** The French message when the weights do not add up to 100 %, else ''. */
export function weightsMessage(total: number): string {
  if (total === 100) return '';
  if (total > 100) return `Les pondérations totalisent ${total}\u00A0% : retirez ${total - 100}\u00A0points pour arriver à 100\u00A0%.`;
  return `Les pondérations totalisent ${total}\u00A0% : il manque ${100 - total}\u00A0points pour arriver à 100\u00A0%.`;
}

/** Whether a step still lacks something a person can see is empty. */
function incomplete(key: StepKey, d: Dossier): boolean {
  switch (key) {
    case 'buyer':
      return blank(d.buyer.name) || blank(d.buyer.siret) || blank(d.buyer.address.city) ||
        blank(d.buyer.representative.name) || blank(d.buyer.questions_contact.email);
    case 'purchase':
      return blank(d.purchase.object) || d.purchase.estimated_amount_cents <= 0 ||
        d.purchase.duration_months <= 0 || !d.purchase.launch_date;
    case 'lots':
      return d.purchase.lots.length === 0 && blank(d.purchase.no_lots_reason);
    case 'need':
      return d.needs.length === 0;
    case 'variants':
      return d.variants.policy !== 'forbidden' && d.variants.minimum_requirements.length === 0;
    case 'criteria':
      return d.criteria.length === 0 || weightsTotal(d) !== 100;
    case 'frames':
      return d.questions.length === 0;
    case 'clauses':
      return d.clauses.environmental_conditions.length === 0;
    case 'execution':
      return d.execution.payment_period_days <= 0;
    case 'prices':
      return d.prices.schedules.length === 0;
    case 'submission':
      return !d.submission.deadline || blank(d.submission.platform_url);
    default:
      return false;
  }
}

/** The steps where something a person can see is still empty, in order. */
export function incompleteSteps(d: Dossier): StepKey[] {
  return steps.map((s) => s.key).filter((k) => incomplete(k, d));
}

/**
 * The dot shown beside each step: « problems » when a blocking or warning
 * finding concerns one of its fields, « incomplete » when something is
 * plainly empty, « complete » otherwise. Advice never turns a dot red.
 * The procedure step has nothing to fill: it is neutral unless a finding
 * concerns it.
 */
export function stepStatus(key: StepKey, d: Dossier, findings: Finding[]): StepStatus {
  const serious = findings.filter((f) => f.severity !== 'conseil');
  if (key === 'export') return 'neutral';
  if (key === 'check') return serious.length ? 'problems' : 'complete';
  if (serious.some((f) => stepOfField(f.field) === key)) return 'problems';
  // Nothing is required there: the rules propose a procedure when none is chosen.
  if (key === 'procedure') return 'neutral';
  return incomplete(key, d) ? 'incomplete' : 'complete';
}

export const statusLabel: Record<StepStatus, string> = {
  complete: 'complète',
  incomplete: 'à compléter',
  problems: 'points à corriger',
  neutral: '',
};

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

/** The French message when the deadline is not after the launch date, else ''. */
export function deadlineMessage(launchDate: string | null, deadline: string | null): string {
  if (!launchDate || !deadline) return '';
  if (deadline.slice(0, 10) <= launchDate.slice(0, 10)) {
    return 'La date limite de remise des offres doit venir après la date de lancement (étape « Objet et contexte ») : les entreprises ont besoin de temps pour répondre.';
  }
  return '';
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
