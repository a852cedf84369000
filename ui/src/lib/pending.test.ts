import { describe, expect, it } from 'vitest';
import { holdPending, savePending } from './pending';

describe('pending work', () => {
  it('saves every holder and reports the first error', async () => {
    const saved: string[] = [];
    const a = holdPending(async () => (saved.push('a'), null));
    const b = holdPending(async () => (saved.push('b'), 'Disque plein'));
    expect(await savePending()).toBe('Disque plein');
    expect(saved).toEqual(['a', 'b']);
    b();
    expect(await savePending()).toBeNull();
    a();
    saved.length = 0;
    expect(await savePending()).toBeNull();
    expect(saved).toEqual([]);
  });
});
