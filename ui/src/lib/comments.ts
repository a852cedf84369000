// Comments of a review session: which are open, how many per step, how a
// date reads in French. Pure functions; the comments come from Rust.

import type { StoredComment } from './bindings';

/** Open comments per step key. */
export function openCountByStep(comments: StoredComment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of comments) {
    if (!c.resolved) counts.set(c.section, (counts.get(c.section) ?? 0) + 1);
  }
  return counts;
}

/** Open comments first, then the newest first within each group. */
export function sortForReading(comments: StoredComment[]): StoredComment[] {
  return [...comments].sort(
    (a, b) => Number(a.resolved) - Number(b.resolved) || b.created_at.localeCompare(a.created_at) || b.id - a.id,
  );
}

/** « 3 mars 2026 à 14 h 05 » from a local ISO date-time (`2026-03-03T14:05:00`). */
export function frenchDateTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
  const day = Number(m[3]) === 1 ? '1er' : String(Number(m[3]));
  return `${day}\u00A0${months[Number(m[2]) - 1]} ${m[1]} à ${Number(m[4])}\u00A0h\u00A0${m[5]}`;
}

/** The fields shown in the form, with their labels, for « champ concerné ». */
export function visibleFields(root: ParentNode): { path: string; label: string }[] {
  const out: { path: string; label: string }[] = [];
  const seen = new Set<string>();
  for (const el of root.querySelectorAll<HTMLElement>('[data-testid^="field-"]')) {
    const path = el.dataset.testid!.slice('field-'.length);
    if (seen.has(path)) continue;
    const label = el.id ? root.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent?.trim() : undefined;
    const text = label || el.getAttribute('aria-label') || '';
    if (!text) continue;
    seen.add(path);
    out.push({ path, label: text });
  }
  return out;
}
