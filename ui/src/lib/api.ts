// The one place the UI reaches the Rust shell. Types come from the
// generated bindings (never hand-copied); argument names are camelCase
// here and snake_case on the Rust side (Tauri converts them).
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type {
  AwardPiece,
  BackupInfo,
  Dossier,
  DossierSummary,
  DraftCheck,
  Finding,
  Format,
  LibraryClause,
  LotRanking,
  Nature,
  OfferAction,
  OfferOutcome,
  OfferPrice,
  ImportOutcome,
  PriceLine,
  Prices,
  ProcedureAdvice,
  Question,
  RecoveryOffer,
  ReviewSheet,
  RevisionSummary,
  SampleInfo,
  ScheduleEstimate,
  SectionDiff,
  UnitChoice,
  StoredComment,
  YearFigures,
} from './bindings';

export type * from './bindings';

/** What to do with an opened file whose dossier already exists. */
export type ImportChoice = 'keep_both' | 'replace';

/** Why the shell asks the UI to save before stopping (shell: `shutdown::CloseReason`). */
export type CloseReason = 'window' | 'signal';

export const api = {
  /** The offer of the recovery screen when the database could not be opened; null when all is well. */
  startupProblem: () => invoke<RecoveryOffer | null>('startup_problem'),
  /** Puts the named backup (or, with null, a new database) in place of the damaged one. */
  recoverDatabase: (backup: string | null) => invoke<null>('recover_database', { backup }),
  /** The next file given at launch or handed over by a second launch, imported like openFile; null when none. */
  takeFileToOpen: () => invoke<ImportOutcome | null>('take_file_to_open'),
  closeAcknowledged: () => invoke<null>('close_acknowledged'),
  cancelClose: () => invoke<null>('cancel_close'),
  quitApp: () => invoke<null>('quit_app'),

  listSamples: () => invoke<SampleInfo[]>('list_samples'),
  listDossiers: () => invoke<DossierSummary[]>('list_dossiers'),
  /** A new dossier from a starting point; a workshop copy (deleted by resetWorkshop) when `workshop`. */
  createDossier: (sample: string, workshop = false) => invoke<number>('create_dossier', { sample, workshop }),
  loadDossier: (id: number) => invoke<Dossier>('load_dossier', { id }),
  saveDossier: (id: number, dossier: Dossier) => invoke<null>('save_dossier', { id, dossier }),
  deleteDossier: (id: number) => invoke<null>('delete_dossier', { id }),
  checkDossier: (id: number) => invoke<Finding[]>('check_dossier', { id }),
  /** Findings on the dossier as edited, before it is saved, and the state of each step. */
  checkDraft: (dossier: Dossier) => invoke<DraftCheck>('check_draft', { dossier }),
  /** The impact canvas lines that fit the purchase and are not yet in the dossier, as questions (core: `canvas::proposed_questions`). */
  canvasQuestions: (dossier: Dossier) => invoke<Question[]>('canvas_questions', { dossier }),
  procedureAdvice: (dossier: Dossier) => invoke<ProcedureAdvice>('procedure_advice', { dossier }),
  /** The title of the dossier's notice; rejects with why its procedure publishes none. */
  noticeTitle: (dossier: Dossier) => invoke<string>('notice_title', { dossier }),
  /** The units a price line may use, with their names. */
  priceUnits: () => invoke<UnitChoice[]>('price_units'),
  /** A fresh chapter ('C') or line ('L') id for the price schedule. */
  nextPriceId: (prices: Prices, prefix: 'C' | 'L') => invoke<string>('next_price_id', { prices, prefix }),
  /** Lines pasted from a spreadsheet, with fresh ids; rejects with the French message naming the row. */
  pastePriceLines: (prices: Prices, text: string) => invoke<PriceLine[]>('paste_price_lines', { prices, text }),
  /** The commune's estimate of each schedule, from its estimated unit prices. */
  priceEstimates: (prices: Prices) => invoke<ScheduleEstimate[]>('price_estimates', { prices }),
  /** The document (or the response frames) as safe HTML, from the same IR as the exports. */
  preview: (dossier: Dossier, frames: boolean) => invoke<string>('preview', { dossier, frames }),
  /** Clauses of the library matching every word of `query`, suited to `nature` when given. */
  searchClauses: (query: string, nature: Nature | null) => invoke<LibraryClause[]>('search_clauses', { query, nature }),
  /** Resolves to the written path, or null when the user closed the dialog. */
  exportDossier: (id: number, format: Format, finalVersion: boolean, withComments = false) =>
    invoke<string | null>('export_dossier', { id, format, finalVersion, withComments }),
  /** The notice (avis) as PDF, DOCX or plain text; the written path, or null when cancelled. */
  exportNotice: (id: number, format: Format, finalVersion: boolean) =>
    invoke<string | null>('export_notice', { id, format, finalVersion }),
  /** The price schedule: the spreadsheet of one lot (or of the contract without lots, lot null) as XLSX, or the whole schedule as PDF or DOCX. */
  exportPrices: (id: number, format: Format, lot: number | null, finalVersion: boolean) =>
    invoke<string | null>('export_prices', { id, format, lot, finalVersion }),
  /** The review window's content (the saved dossier): the same sheet as the PDF. */
  reviewSheet: (id: number) => invoke<ReviewSheet>('review_sheet', { id }),
  /** The review sheet as PDF; the written path, or null when the dialog was closed. */
  exportReview: (id: number) => invoke<string | null>('export_review', { id }),
  /** What changed from the revision `before` to the revision `after`, step by step. */
  compareRevisions: (before: number, after: number) =>
    invoke<SectionDiff[]>('compare_revisions', { before, after }),

  /** « Bilan annuel » of `year` (null: the latest year that has dossiers), every label worded by core. */
  yearFigures: (year: number | null) => invoke<YearFigures>('year_figures', { year }),
  /** The « Bilan annuel » of `year` as CSV; the written path, or null when the dialog was closed. */
  exportFiguresCsv: (year: number) => invoke<string | null>('export_figures_csv', { year }),

  /** Each lot's offers of the dossier being edited, scored, ranked, with their alerts (core: `award::rankings`). */
  offerRankings: (dossier: Dossier) => invoke<LotRanking[]>('offer_rankings', { dossier }),
  /** One change to the offers applied by core to a copy of `dossier`; the window saves the copy returned. */
  applyOfferAction: (dossier: Dossier, action: OfferAction) =>
    invoke<OfferOutcome>('apply_offer_action', { dossier, action }),
  /** The written request for explanations about a low price, ready to send. */
  lowPriceLetter: (dossier: Dossier, offer: number, answerBy: string) =>
    invoke<string>('low_price_letter', { dossier, offer, answerBy }),
  /** The price read from the firm's filled schedule, chosen in the open dialog; null when it was closed. */
  readOfferSchedule: (dossier: Dossier, lot: number | null, variant: boolean) =>
    invoke<OfferPrice | null>('read_offer_schedule', { dossier, lot, variant }),

  /** An award document of the dossier as the offers window shows it; the written path, or null when the dialog was closed. */
  exportAward: (dossier: Dossier, piece: AwardPiece, format: Format) =>
    invoke<string | null>('export_award', { dossier, piece, format }),

  /** « Réinitialiser l'atelier »: deletes every workshop copy; resolves to how many. */
  resetWorkshop: () => invoke<number>('reset_workshop'),

  /** « Enregistrer sous… » (.dce with comments and history): the written path, or null when the dialog was closed. */
  saveAsFile: (id: number) => invoke<string | null>('save_as_file', { id }),
  /** « Ouvrir… »: null when the dialog was closed; on `already_exists`, call resolveImport or cancelImport. */
  openFile: () => invoke<ImportOutcome | null>('open_file'),
  /** Imports the file waiting after openFile; resolves to the dossier's id. */
  resolveImport: (mode: ImportChoice) => invoke<number>('resolve_import', { mode }),
  cancelImport: () => invoke<null>('cancel_import'),

  /** Comments of a dossier, oldest first. */
  listComments: (id: number) => invoke<StoredComment[]>('list_comments', { id }),
  /** Signed with the author name (setAuthorName first); resolves to the comment's id. */
  addComment: (id: number, section: string, field: string | null, text: string) =>
    invoke<number>('add_comment', { id, section, field, text }),
  setCommentResolved: (commentId: number, resolved: boolean) =>
    invoke<null>('set_comment_resolved', { commentId, resolved }),
  authorName: () => invoke<string | null>('author_name'),
  setAuthorName: (name: string) => invoke<null>('set_author_name', { name }),

  /** Saved states of a dossier, newest first. */
  listRevisions: (id: number) => invoke<RevisionSummary[]>('list_revisions', { id }),
  /** Names the latest saved state; resolves to the revision's id. */
  setCheckpoint: (id: number, label: string) => invoke<number>('set_checkpoint', { id, label }),
  /** The old state becomes current (as a new revision: nothing is lost). */
  restoreRevision: (id: number, revisionId: number) => invoke<null>('restore_revision', { id, revisionId }),

  /** Backup copies of the database, newest first. */
  listBackups: () => invoke<BackupInfo[]>('list_backups'),
  /** Replaces every dossier with the copy's; the replaced state becomes a backup. */
  restoreBackup: (name: string) => invoke<null>('restore_backup', { name }),
};

/** The shell asks to save what is pending, then to call quitApp (shell: `shutdown::CLOSE_EVENT`). */
export const onCloseRequested = (run: (reason: CloseReason) => void): Promise<UnlistenFn> =>
  listen<CloseReason>('dce://close-requested', (e) => run(e.payload));

/** A second launch handed over files: takeFileToOpen has one (shell: `FILES_EVENT`). */
export const onFilesToOpen = (run: () => void): Promise<UnlistenFn> => listen('dce://files-to-open', () => run());

/** The French message of a failed command (the shell sends strings). */
export function errorMessage(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  return 'Une erreur inattendue est survenue.';
}

/**
 * Runs a command: clears the message shown by `show`, and on failure gives
 * it the French error and resolves to undefined (what was typed stays).
 */
export async function attempt<T>(run: () => Promise<T>, show: (message: string) => void): Promise<T | undefined> {
  show('');
  try {
    return await run();
  } catch (e) {
    show(errorMessage(e));
    return undefined;
  }
}
