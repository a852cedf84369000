// The one place the UI reaches the Rust shell. Types come from the
// generated bindings (never hand-copied); argument names are camelCase
// here and snake_case on the Rust side (Tauri converts them).
import { invoke } from '@tauri-apps/api/core';
import type { Dossier, DossierSummary, Finding, Format, LibraryClause, Nature, ProcedureAdvice, SampleInfo } from './bindings';

export type { Dossier, DossierSummary, Finding, Format, LibraryClause, Nature, ProcedureAdvice, SampleInfo };

export const api = {
  listSamples: () => invoke<SampleInfo[]>('list_samples'),
  listDossiers: () => invoke<DossierSummary[]>('list_dossiers'),
  createDossier: (sample: string) => invoke<number>('create_dossier', { sample }),
  loadDossier: (id: number) => invoke<Dossier>('load_dossier', { id }),
  saveDossier: (id: number, dossier: Dossier) => invoke<null>('save_dossier', { id, dossier }),
  deleteDossier: (id: number) => invoke<null>('delete_dossier', { id }),
  checkDossier: (id: number) => invoke<Finding[]>('check_dossier', { id }),
  /** Findings on the dossier as edited, before it is saved. */
  checkDraft: (dossier: Dossier) => invoke<Finding[]>('check_draft', { dossier }),
  procedureAdvice: (dossier: Dossier) => invoke<ProcedureAdvice>('procedure_advice', { dossier }),
  /** The document (or the response frames) as safe HTML, from the same IR as the exports. */
  preview: (dossier: Dossier, frames: boolean) => invoke<string>('preview', { dossier, frames }),
  /** Clauses of the library matching every word of `query`, suited to `nature` when given. */
  searchClauses: (query: string, nature: Nature | null) => invoke<LibraryClause[]>('search_clauses', { query, nature }),
  /** Resolves to the written path, or null when the user closed the dialog. */
  exportDossier: (id: number, format: Format, finalVersion: boolean) =>
    invoke<string | null>('export_dossier', { id, format, finalVersion }),
};

/** The French message of a failed command (the shell sends strings). */
export function errorMessage(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  return 'Une erreur inattendue est survenue.';
}
