import { describe, expect, it } from 'vitest';
import { frenchDateTime, openCountByStep, sortForReading } from './comments';
import type { StoredComment } from './bindings';

const c = (id: number, section: string, resolved: boolean, created_at: string): StoredComment => ({
  id,
  section,
  field: null,
  author: 'Anne',
  created_at,
  text: `commentaire ${id}`,
  resolved,
});

describe('comments', () => {
  it('counts only open comments per step', () => {
    const counts = openCountByStep([
      c(1, 'criteria', false, '2026-03-03T10:00:00'),
      c(2, 'criteria', true, '2026-03-03T11:00:00'),
      c(3, 'need', false, '2026-03-03T12:00:00'),
      c(4, 'criteria', false, '2026-03-03T13:00:00'),
    ]);
    expect(counts.get('criteria')).toBe(2);
    expect(counts.get('need')).toBe(1);
    expect(counts.has('buyer')).toBe(false);
  });

  it('lists open comments first, newest first', () => {
    const sorted = sortForReading([
      c(1, 'a', false, '2026-03-03T10:00:00'),
      c(2, 'a', true, '2026-03-04T10:00:00'),
      c(3, 'a', false, '2026-03-05T10:00:00'),
    ]);
    expect(sorted.map((x) => x.id)).toEqual([3, 1, 2]);
  });

  it('writes dates the French way', () => {
    expect(frenchDateTime('2026-03-01T09:05:00')).toBe('1er\u00A0mars 2026 à 9\u00A0h\u00A005');
    expect(frenchDateTime('2026-12-24T14:30:12.5')).toBe('24\u00A0décembre 2026 à 14\u00A0h\u00A030');
    expect(frenchDateTime('n’importe quoi')).toBe('n’importe quoi');
  });
});
