// Amounts, whole numbers and dates as a French user types and reads them.
// Parsing never throws: it returns either a value or the message to show.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const NNBSP = '\u202F';

/** « 120 000 » or « 85 000,50 » from cents. */
export function formatAmount(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.round(cents));
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  const rest = abs % 100;
  return (negative ? '-' : '') + euros + (rest ? ',' + rest.toString().padStart(2, '0') : '');
}

/** Cents from « 120 000 », « 120000,5 », « 1 234,56 € ». */
export function parseAmount(text: string): Parsed<number> {
  const cleaned = text.replace(/[\s\u00A0\u202F€]/g, '').replace(/HT$/i, '');
  if (cleaned === '') return { ok: false, message: 'Indiquez un montant, par exemple 120 000.' };
  if (cleaned.startsWith('-')) return { ok: false, message: 'Le montant ne peut pas être négatif.' };
  const m = /^(\d+)(?:[,.](\d{1,2}))?$/.exec(cleaned);
  if (!m) {
    return {
      ok: false,
      message: 'Montant incorrect : tapez seulement des chiffres, avec une virgule pour les centimes (par exemple 85 000,50).',
    };
  }
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return { ok: false, message: 'Ce montant est trop grand.' };
  return { ok: true, value: cents };
}

/** An amount that may be left empty (nothing asked): empty text gives null. */
export function parseOptionalAmount(text: string): Parsed<number | null> {
  return text.replace(/[\s\u00A0\u202F]/g, '') === '' ? { ok: true, value: null } : parseAmount(text);
}

/** « 180 000 », or nothing for an absent amount. */
export function formatOptionalAmount(cents: number | null): string {
  return cents === null ? '' : formatAmount(cents);
}

/** A whole number within bounds, with a message naming the field's unit. */
export function parseWhole(text: string, min: number, max: number, unit: string): Parsed<number> {
  const cleaned = text.replace(/[\s\u00A0\u202F]/g, '');
  if (!/^\d+$/.test(cleaned)) return { ok: false, message: `Tapez un nombre entier de ${unit}, par exemple 12.` };
  const n = Number(cleaned);
  if (n < min) return { ok: false, message: `Il faut au moins ${min} ${unit}.` };
  if (n > max) return { ok: false, message: `${n} ${unit}, c'est plus que le maximum admis (${max}).` };
  return { ok: true, value: n };
}

/** « 30/11/2026 » from « 2026-11-30 ». */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** « 2026-11-30 » from « 30/11/2026 » (or « 30/11/26 »); empty text means no date. */
export function parseDate(text: string): Parsed<string | null> {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (!m) return { ok: false, message: 'Date incorrecte : tapez-la sous la forme JJ/MM/AAAA, par exemple 30/11/2026.' };
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const month = Number(m[2]);
  const day = Number(m[1]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, message: `Le ${t} n'existe pas dans le calendrier : vérifiez le jour et le mois.` };
  }
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ok: true, value: iso };
}

/** « 4 200 », « 12,5 » from thousandths of a unit. */
export function formatQuantity(thousandths: number | null): string {
  if (thousandths === null) return '';
  const whole = Math.floor(thousandths / 1000)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  const rest = (thousandths % 1000).toString().padStart(3, '0').replace(/0+$/, '');
  return rest ? `${whole},${rest}` : whole;
}

/** Thousandths from « 1 250 », « 12,5 »; empty text means no quantity yet. */
export function parseQuantity(text: string): Parsed<number | null> {
  const cleaned = text.replace(/[\s\u00A0\u202F]/g, '');
  if (cleaned === '') return { ok: true, value: null };
  if (cleaned.startsWith('-')) return { ok: false, message: 'Une quantité ne peut pas être négative.' };
  const m = /^(\d+)(?:[,.](\d{1,3}))?$/.exec(cleaned);
  if (!m) return { ok: false, message: 'Quantité incorrecte : tapez un nombre, par exemple 1 250 ou 12,5 (trois décimales au plus).' };
  const value = Number(m[1]) * 1000 + Number((m[2] ?? '0').padEnd(3, '0'));
  if (!Number.isSafeInteger(value)) return { ok: false, message: 'Cette quantité est trop grande.' };
  return { ok: true, value };
}

/** « 5,5 » from basis points (550). */
export function formatRate(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const rest = (basisPoints % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return rest ? `${whole},${rest}` : String(whole);
}

/** Basis points from « 20 », « 5,5 », « 2,1 % ». */
export function parseRate(text: string): Parsed<number> {
  const cleaned = text.replace(/[\s\u00A0\u202F%]/g, '');
  const m = /^(\d{1,2})(?:[,.](\d{1,2}))?$/.exec(cleaned);
  if (!m) return { ok: false, message: 'Taux incorrect : tapez un pourcentage, par exemple 20 ou 5,5.' };
  return { ok: true, value: Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')) };
}
