// The findings of the dossier on screen, as core gives them, for the steps
// that show one beside the field it concerns. The steps show core's words;
// they never word a rule themselves.
import { getContext, setContext } from 'svelte';
import type { Finding } from './bindings';

const KEY = Symbol('findings');

/** Called once by the editor: the steps below it read the findings through `useFindings`. */
export function provideFindings(current: () => Finding[]): void {
  setContext(KEY, current);
}

/** The current findings (empty outside an editor). Call during a component's initialisation. */
export function useFindings(): () => Finding[] {
  return getContext<(() => Finding[]) | undefined>(KEY) ?? (() => []);
}

/** The message of the finding `code`, or '' when there is none. */
export function messageOf(findings: Finding[], code: string): string {
  return findings.find((f) => f.code === code)?.message ?? '';
}
