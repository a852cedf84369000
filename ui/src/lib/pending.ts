// Work the UI still holds (the editor's last keystrokes, before its
// autosave fires), saved before the app stops or leaves the screen that
// holds it.

/** Saves what is pending; resolves to null once saved, else to the French error. */
export type Flush = () => Promise<string | null>;

const flushes = new Set<Flush>();

/** Registers `flush` until the returned function is called. */
export function holdPending(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Runs every registered flush; the first error, or null when all is saved. */
export async function savePending(): Promise<string | null> {
  for (const flush of [...flushes]) {
    const error = await flush();
    if (error) return error;
  }
  return null;
}
