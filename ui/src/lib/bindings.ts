// Generated from the Rust types by dce-core (src/bindings.rs). Do not edit:
// run `DCE_UPDATE_GENERATED=1 cargo test -p dce-core --test generated` after changing a type.

export type Address = { street: string, postcode: string, city: string, };

export type Person = { name: string, 
/**
 * « Maire », « Adjointe aux travaux »…
 */
title: string, };

export type Contact = { name: string, email: string, phone: string, };

export type Buyer = { 
/**
 * « Commune de Saint-Julien-des-Prés ».
 */
name: string, address: Address, 
/**
 * 14 digits.
 */
siret: string, 
/**
 * Who signs the contract (the mayor, usually).
 */
representative: Person, 
/**
 * Who answers bidders' questions during the consultation.
 */
questions_contact: Contact, 
/**
 * Address of the buyer profile (profil d'acheteur) where the DCE is published.
 */
buyer_profile_url: string, };

export type Nature = "works" | "supplies" | "services";

export type Lot = { number: number, title: string, description: string, estimated_amount_cents: number, };

export type Purchase = { object: string, nature: Nature, 
/**
 * Main CPV code, e.g. « 55524000-9 ».
 */
cpv: string, 
/**
 * Estimated value of the whole contract, all lots and all years, excluding VAT, in euro cents.
 */
estimated_amount_cents: number, duration_months: number, 
/**
 * Date the consultation is launched (notice sent): decides which rules apply.
 */
launch_date: string | null, 
/**
 * Background the bidders need: current situation, site, constraints.
 */
context: string, lots: Array<Lot>, 
/**
 * Reasons in law and fact for a single contract, required when `lots` is empty.
 */
no_lots_reason: string, };

export type Procedure = { 
/**
 * The path chosen; none yet: the one the rules propose from amount, nature and date.
 */
choice: ProcedureChoice | null, 
/**
 * Innovative purchase only (R2122-9-1): why the solution is new or
 * significantly improved (R2124-3 2°).
 */
innovation_reasons: string, 
/**
 * Innovative purchase only: the sourcing done (firms met, solutions compared).
 */
sourcing: string, 
/**
 * Where the notice is published; empty when none is (dispense, innovative purchase).
 */
publicity: Array<NoticeChannel>, };

export type ProcedureChoice = "dispense" | "mapa" | "mapa_social_services" | "innovative";

export type NoticeChannel = "buyer_profile" | "boamp" | "jal" | "commune_website" | "local_press";

export type Flexibility = "F0" | "F1" | "F2" | "F3";

export type FunctionalNeed = { id: string, 
/**
 * A verb and its complement, e.g. « Assurer la tenue au chaud des repas ».
 */
function: string, 
/**
 * How the level is measured, e.g. « Température à cœur au service ».
 */
appraisal_criterion: string, 
/**
 * The expected level, e.g. « ≥ 63 °C ».
 */
level: string, flexibility: Flexibility, 
/**
 * Sub-criterion under which a better level is scored (F1–F3 only).
 */
subcriterion_id: string | null, };

export type VariantPolicy = "forbidden" | "allowed" | "required";

export type Variants = { policy: VariantPolicy, 
/**
 * What every variant must still meet; required when variants are allowed or required.
 */
minimum_requirements: Array<string>, 
/**
 * Whether a variant must come with an offer for the base solution.
 */
base_offer_required: boolean, 
/**
 * How to present a variant (separate file, price breakdown…).
 */
presentation: string, };

export type Pse = { title: string, description: string, 
/**
 * When pricing it is compulsory, offers are ranked on base + PSE.
 */
pricing_compulsory: boolean, };

export type CriterionKind = "price" | "life_cycle_cost" | "technical" | "environmental" | "social" | "innovation" | "delivery" | "other";

export type SubCriterion = { id: string, title: string, 
/**
 * Points within the criterion.
 */
points: number, };

export type PriceFormula = "lowest_over_offer" | "linear";

export type AwardCriterion = { id: string, kind: CriterionKind, title: string, 
/**
 * Share of the total score, in percent; all criteria add up to 100.
 */
weight_percent: number, 
/**
 * How the score is computed, written out for bidders.
 */
method: string, subcriteria: Array<SubCriterion>, 
/**
 * For a price or cost criterion: the formula that scores the amount.
 * The DCE words it and the analysis computes it, so they cannot disagree.
 */
price_formula?: PriceFormula, };

export type FrameKind = "technical" | "environmental" | "social";

export type Direction = "lower_is_better" | "higher_is_better";

export type ImpactTheme = "energy" | "transport" | "materials" | "packaging_waste" | "end_of_life";

export type Measure = { 
/**
 * Unit printed beside the figure, e.g. « kWh par an », « km par livraison ».
 */
unit: string, direction: Direction, theme: ImpactTheme, 
/**
 * One plain French sentence saying what is measured and why.
 */
explanation: string, };

export type Question = { id: string, frame: FrameKind, 
/**
 * The criterion or sub-criterion the answer is scored under.
 */
criterion_id: string, prompt: string, 
/**
 * Evidence expected with the answer (certificates, data sheets…).
 */
evidence: string, 
/**
 * Length limit of the answer, in words; none means free length.
 */
max_words: number | null, points: number, 
/**
 * Set for a quantified line of the impact canvas: the answer is a
 * figure with its unit. Absent in older files (free-text questions).
 */
measure?: Measure, };

export type Clause = { title: string, text: string, };

export type InsertionClause = { hours: number, 
/**
 * Who helps the holder meet it (facilitateur local).
 */
facilitator: string, };

export type ReservedContract = "disabled_workers" | "insertion";

export type SustainabilityClauses = { environmental_conditions: Array<Clause>, social_conditions: Array<Clause>, insertion: InsertionClause | null, reserved: ReservedContract | null, };

export type Ccag = "fcs" | "travaux" | "pi" | "tic" | "mi" | "moe";

export type Derogation = { 
/**
 * The CCAG article departed from, e.g. « 14.1 ».
 */
ccag_article: string, 
/**
 * The article of this document that departs from it.
 */
document_article: string, subject: string, };

export type PriceForm = "unit" | "lump_sum" | "mixed";

export type PriceClause = { "kind": "firm_with_actualisation", index: string, } | { "kind": "revisable", formula: string, indices: string, };

export type Advance = { 
/**
 * Percent of the contract amount (0 = no advance).
 */
percent: number, guarantee_required: boolean, };

export type ExecutionTerms = { 
/**
 * The CCAG 2021 referred to, if any.
 */
ccag: Ccag | null, 
/**
 * Articles of the CCAG the document departs from (listed in its last article).
 */
ccag_derogations: Array<Derogation>, price_form: PriceForm, price_clause: PriceClause, advance: Advance, 
/**
 * How interim payments (acomptes) are made.
 */
interim_payments: string, payment_period_days: number, 
/**
 * Retenue de garantie, in percent (0 = none).
 */
retenue_garantie_percent: number, penalties: string, 
/**
 * Chorus Pro service code the invoices are addressed to, if the commune has one.
 */
invoicing_service_code: string, 
/**
 * Whether the contractor handles personal data for the commune (GDPR art. 28 clause).
 */
personal_data: boolean, };

export type LinePricing = "unit" | "lump_sum";

export type PriceUnit = "u" | "m" | "m2" | "m3" | "ml" | "kg" | "t" | "l" | "h" | "jour" | "semaine" | "mois" | "an" | "forfait" | "repas" | "passage" | "intervention";

export type PriceLine = { 
/**
 * Stable across edits and reordering: a filled schedule is read back by it.
 */
id: string, designation: string, unit: PriceUnit, 
/**
 * Estimated quantity in thousandths of the unit (the DQE quantity, or the
 * DPGF indication); `None` while the buyer has not estimated it.
 */
quantity_thousandths: number | null, 
/**
 * The commune's own estimate of the unit price excluding VAT, in cents:
 * it gives the estimate of the schedule shown while writing it, and is
 * never printed in a piece bidders receive.
 */
estimate_cents: number | null, };

export type PriceChapter = { 
/**
 * Stable across edits and reordering.
 */
id: string, title: string, pricing: LinePricing, 
/**
 * The prestation supplémentaire éventuelle it prices, by its number in
 * the dossier (from 1); `None` for the base offer.
 */
pse: number | null, lines: Array<PriceLine>, };

export type PriceSchedule = { 
/**
 * Number of the lot it prices; `None` for a contract without lots.
 */
lot: number | null, chapters: Array<PriceChapter>, };

export type Prices = { 
/**
 * VAT rate the schedule applies to the total excluding VAT, in basis
 * points (2000 = 20 %, 550 = 5,5 %): the buyer sets it, bidders do not.
 */
vat_rate_basis_points: number, schedules: Array<PriceSchedule>, };

export type UnitChoice = { unit: PriceUnit, symbol: string, name: string, };

export type ScheduleEstimate = { lot: number | null, 
/**
 * Line id → estimated amount excluding VAT, in cents, for lines with a price and a quantity.
 */
lines: Record<string, number>, 
/**
 * Chapter id → estimated amount excluding VAT, in cents.
 */
chapters: Record<string, number>, 
/**
 * The base offer (every chapter that prices no PSE).
 */
base_cents: number, 
/**
 * PSE number → estimated amount.
 */
pse_cents: Record<number, number>, 
/**
 * Lines with a quantity but no estimated price, or the reverse: the estimate leaves them out.
 */
incomplete_lines: number, };

export type Submission = { 
/**
 * Deadline for offers (local time).
 */
deadline: string | null, 
/**
 * Where offers are submitted (the platform of the buyer profile).
 */
platform_url: string, 
/**
 * Who helps bidders with electronic submission.
 */
platform_help: string, 
/**
 * Documents asked of every candidate at the candidature stage.
 */
candidature_documents: Array<string>, 
/**
 * Documents the offer contains.
 */
offer_documents: Array<string>, 
/**
 * Days offers remain valid.
 */
offer_validity_days: number, 
/**
 * What completes the publicity channels of the procedure, in free form
 * (date the notice is sent, firms consulted directly…).
 */
notice_publication: string, 
/**
 * Minimum annual turnover asked of candidates, in euro cents (R2142-7); none asked when absent.
 */
minimum_turnover_cents: number | null, 
/**
 * Whether and how the buyer may negotiate (R2123-5).
 */
negotiation: Negotiation, 
/**
 * Days the winner has to produce its certificates (R2144-7).
 */
winner_documents_days: number, };

export type Negotiation = { allowed: boolean, 
/**
 * Negotiate with the best-ranked bidders only; none means with every bidder.
 */
with_best: number | null, 
/**
 * What may be negotiated (price, delays, technical terms…).
 */
subjects: string, };

export type LowOfferReference = "average_of_others" | "estimate";

export type LowOfferThreshold = { reference: LowOfferReference, 
/**
 * How far under the reference, in percent, an offer triggers the alert.
 */
percent_below: number, };

export type TieBreak = "lower_price" | "better_quality";

export type AwardRules = { low_offer: LowOfferThreshold, tie_break: TieBreak, };

export type Bidder = { 
/**
 * The firm, or the representative (mandataire) of a group.
 */
name: string, siret: string | null, 
/**
 * Whether the firm answers as a group (groupement d'entreprises).
 */
group: boolean, 
/**
 * The other members of the group.
 */
group_members: Array<string>, };

export type PriceSource = "schedule" | "typed";

export type OfferPrice = { 
/**
 * The base offer and every PSE whose pricing is compulsory (or the variant's total), in cents.
 */
compared_cents: number, 
/**
 * Each PSE priced, by its number, in cents.
 */
pse_cents: Record<number, number>, source: PriceSource, };

export type Score = { 
/**
 * A sub-criterion, or a criterion that has none.
 */
criterion_id: string, points_hundredths: number, justification: string, };

export type OfferStatus = { "kind": "admitted" } | { "kind": "irregular", reason: string, } | { "kind": "unacceptable", reason: string, };

export type LowPriceDecision = { "kind": "kept", reason: string, } | { "kind": "rejected", reason: string, };

export type LowPriceInquiry = { requested_on: string, 
/**
 * What the buyer asked, as sent.
 */
request: string, answered_on: string | null, answer: string, decision: LowPriceDecision | null, };

export type OfferRound = { price: OfferPrice | null, scores: Array<Score>, };

export type Offer = { 
/**
 * Number of the offer in the dossier, from 1; never reused.
 */
id: number, 
/**
 * The lot it answers; `None` for a contract without lots.
 */
lot: number | null, bidder: Bidder, 
/**
 * When it was received (local time); after the deadline it is late,
 * recorded but never scored.
 */
received_at: string | null, 
/**
 * `None` for the base offer; the variant's description otherwise.
 */
variant: string | null, 
/**
 * The current round's price.
 */
price: OfferPrice | null, 
/**
 * The current round's scores, one per sub-criterion (or criterion without sub-criteria) scored by hand.
 */
scores: Array<Score>, 
/**
 * Documents the offer contained.
 */
documents: Array<string>, status: OfferStatus, 
/**
 * The exchange about an abnormally low price, once started.
 */
low_price: LowPriceInquiry | null, 
/**
 * Rounds before a negotiation changed the price or the scores, oldest first.
 */
previous_rounds: Array<OfferRound>, };

export type Dossier = { schema_version: number, 
/**
 * Stable identity across machines (exchange files), not the database id.
 */
uid: string, 
/**
 * The buyer's own reference, e.g. « 2026-07 »; names the exported files.
 */
reference: string, buyer: Buyer, purchase: Purchase, 
/**
 * The procedure chosen and its publicity.
 */
procedure: Procedure, 
/**
 * Functional expression of the need (NF EN 16271).
 */
needs: Array<FunctionalNeed>, variants: Variants, 
/**
 * Prestations supplémentaires éventuelles.
 */
pse: Array<Pse>, criteria: Array<AwardCriterion>, 
/**
 * Questions bidders answer, grouped by frame when exported.
 */
questions: Array<Question>, clauses: SustainabilityClauses, execution: ExecutionTerms, 
/**
 * The price schedule (BPU, DQE, DPGF) bidders fill in.
 */
prices: Prices, submission: Submission, 
/**
 * What the DCE announces about abnormally low offers and ties.
 */
award: AwardRules, 
/**
 * Offers received, after the deadline; the DCE pieces ignore them.
 */
offers: Array<Offer>, };

export type AlertKind = "abnormally_low" | "no_price" | "no_price_formula" | "incomplete_scores" | "tie";

export type Alert = { kind: AlertKind, message: string, };

export type ScoreLine = { 
/**
 * The criterion it counts under.
 */
criterion_id: string, 
/**
 * The sub-criterion, or the criterion itself when it has none.
 */
scored_id: string, title: string, max_hundredths: number, points_hundredths: number | null, justification: string, 
/**
 * The frame questions answered under it, by id.
 */
question_ids: Array<string>, };

export type RankedOffer = { id: number, bidder: string, lot: number | null, 
/**
 * The variant's description; `None` for a base offer.
 */
variant: string | null, 
/**
 * The amount compared, excluding VAT.
 */
price_cents: number | null, 
/**
 * Criterion id → points, in hundredths, for every criterion scored so far.
 */
scores_hundredths: Record<string, number>, 
/**
 * The sum of the scores, for an offer in competition.
 */
total_hundredths: number | null, 
/**
 * From 1; offers tied after the DCE's tie-break share a rank. `None` when left out.
 */
rank: number | null, 
/**
 * Why the offer is left out of the ranking, in French.
 */
excluded: string | null, 
/**
 * Each line the buyer scores by hand, with its justification and the
 * frame questions whose answers it judges.
 */
lines: Array<ScoreLine>, alerts: Array<Alert>, };

export type LotRanking = { lot: number | null, offers: Array<RankedOffer>, };

export type PriceEntry = { "kind": "none" } | { "kind": "typed", amount: string, } | { "kind": "read", price: OfferPrice, };

export type OfferAction = { "kind": "add", lot: number | null, bidder: Bidder, received_at: string, variant: string, price: PriceEntry, documents: Array<string>, } | { "kind": "score", offer: number, scored_id: string, points: string, justification: string, } | { "kind": "status", offer: number, status: OfferStatus, } | { "kind": "request", offer: number, answer_by: string, text: string, } | { "kind": "answer", offer: number, text: string, } | { "kind": "decide", offer: number, decision: LowPriceDecision, } | { "kind": "negotiate", offer: number, price: PriceEntry, };

export type OfferOutcome = { dossier: Dossier, message: string, };

export type AwardPiece = "report" | "letters" | "award_letter" | "award_notice";

export type DossierSummary = { id: number, reference: string, object: string, buyer: string, updated_at: string, 
/**
 * A workshop copy: deleted by « Réinitialiser l'atelier ».
 */
workshop: boolean, };

export type RevisionSummary = { id: number, saved_at: string, label: string | null, };

export type Comment = { 
/**
 * Step of the dossier the comment is about, e.g. `criteria`.
 */
section: string, 
/**
 * Field path when the comment is about one field, e.g. `execution.payment_period_days`.
 */
field: string | null, author: string, created_at: string, text: string, resolved: boolean, };

export type StoredComment = { id: number, 
/**
 * Step of the dossier the comment is about, e.g. `criteria`.
 */
section: string, 
/**
 * Field path when the comment is about one field, e.g. `execution.payment_period_days`.
 */
field: string | null, author: string, created_at: string, text: string, resolved: boolean, };

export type ImportOutcome = { "kind": "imported", id: number, } | { "kind": "already_exists", existing_id: number, object: string, };

export type BackupKind = "daily" | "before_migration" | "before_restore" | "other";

export type BackupInfo = { 
/**
 * The file name: what `restore_backup` takes.
 */
name: string, size_bytes: number, kind: BackupKind, 
/**
 * In French for the user, e.g. « Copie automatique du 22 novembre 2026 ».
 */
description: string, };

export type RecoveryOffer = { 
/**
 * What happened, in French.
 */
problem: string, 
/**
 * The newest backup that passes the checks, if any.
 */
backup: BackupInfo | null, 
/**
 * What the buttons do, in French.
 */
advice: string, };

export type Severity = "bloquant" | "attention" | "conseil";

export type Finding = { severity: Severity, 
/**
 * Stable identifier of the rule, e.g. `criteria.weights_total`.
 */
code: string, 
/**
 * What is wrong and what to change, in plain French.
 */
message: string, 
/**
 * The article of the Code de la commande publique (or other code), e.g. `L2152-7`.
 */
reference: string, 
/**
 * Path of the dossier field concerned, e.g. `execution.payment_period_days`.
 */
field: string, };

export type StepStatus = "complete" | "incomplete" | "problems" | "neutral";

export type StepState = { key: string, title: string, status: StepStatus, 
/**
 * `status` in French; empty when neutral.
 */
label: string, };

export type DraftCheck = { findings: Array<Finding>, steps: Array<StepState>, };

export type SummaryItem = { count: number, 
/**
 * What is counted, agreed with the count: « point bloquant », « points bloquants ».
 */
label: string, };

export type Counts = { 
/**
 * « 3 (1 point bloquant, 2 conseils) » or « aucun ».
 */
findings: string, incomplete: string, open_comments: string, 
/**
 * « 1 commentaire résolu, non repris » or empty.
 */
resolved_comments: string, };

export type Group<T> = { title: string, items: Array<T>, };

export type FindingView = { level: Severity, 
/**
 * « Bloquant », « Attention », « Conseil ».
 */
severity: string, message: string, reference: string, 
/**
 * Name of the field concerned, when it has one a person knows.
 */
field: string | null, };

export type CommentView = { id: number, author: string, 
/**
 * « 3 mars 2026 à 14 h 05 ».
 */
date: string, field: string | null, 
/**
 * The text, one paragraph a line.
 */
lines: Array<string>, };

export type ReviewStep = { key: string, 
/**
 * « 7. Critères d’attribution ».
 */
heading: string, incomplete: boolean, findings: Array<FindingView>, comments: Array<CommentView>, };

export type ReviewSheet = { date: string, counts: Counts, 
/**
 * The figures of the window's summary, « 2 points bloquants ».
 */
summary: Array<SummaryItem>, findings: Array<Group<FindingView>>, 
/**
 * Titles of the incomplete steps.
 */
incomplete: Array<string>, comments: Array<Group<CommentView>>, 
/**
 * The steps with something to see, in the editor's order.
 */
steps: Array<ReviewStep>, 
/**
 * Said when there is nothing to see at all; empty otherwise.
 */
clean: string, };

export type ProcedureKind = "dispense" | "mapa_free_publicity" | "mapa_formal_publicity" | "formal" | "thresholds_unknown";

export type ProcedureOption = { choice: ProcedureChoice, title: string, article: string, explanation: string, };

export type ChannelOption = { channel: NoticeChannel, name: string, };

export type ProcedureAdvice = { 
/**
 * What the amount, the nature and the date lead to.
 */
kind: ProcedureKind, 
/**
 * « Marché à procédure adaptée — publicité libre ».
 */
title: string, 
/**
 * Why, with the amount and the threshold of the date.
 */
summary: string, 
/**
 * The path the rules propose; none when the dossier is outside the app
 * (formal procedure) or the thresholds of the date are unknown.
 */
proposal: ProcedureChoice | null, 
/**
 * The path the dossier uses: the buyer's choice, else the proposal.
 */
used: ProcedureChoice | null, 
/**
 * The paths the buyer may choose from, named and explained.
 */
options: Array<ProcedureOption>, 
/**
 * The places a notice may appear, named.
 */
channels: Array<ChannelOption>, 
/**
 * What the buyer must do for publicity and publication, on the path used.
 */
duties: Array<string>, 
/**
 * The DCE goes on the buyer profile: a notice is published and the
 * amount reaches the threshold (R2132-2).
 */
buyer_profile_required: boolean, reference: string, };

export type SampleInfo = { name: string, title: string, description: string, 
/**
 * The blank dossier rather than a complete sample.
 */
blank: boolean, };

export type Format = "pdf" | "docx" | "zip" | "txt" | "xlsx";

export type ClauseKind = "social_condition" | "environmental_condition" | "criterion" | "reserved_contract";

export type LibraryClause = { id: string, kind: ClauseKind, title: string, 
/**
 * The article it rests on, e.g. `L2112-2`.
 */
article: string, 
/**
 * Purchases it suits; empty means every kind.
 */
natures: Array<Nature>, when_to_use: string, explanation: string, 
/**
 * The wording for the document; [bracketed] parts are to adapt.
 */
text: string, 
/**
 * For a criterion: the kind of criterion it adds.
 */
criterion_kind: CriterionKind | null, 
/**
 * For a reserved contract: which reservation it sets.
 */
reserved: ReservedContract | null, };

export type SegmentKind = "same" | "removed" | "added";

export type Segment = { kind: SegmentKind, text: string, };

export type Change = { 
/**
 * Path of the field, in the syntax of `Finding.field`, e.g.
 * `criteria[1].weight_percent`. Indices are those of the later version,
 * except for a removed item, which keeps its index in the earlier one.
 */
path: string, 
/**
 * French name of the field, e.g. « Critère 2 — pondération (%) ».
 */
label: string, 
/**
 * The value before, as a person reads it; none when the field was empty
 * or the item did not exist. A whole item is one line per field.
 */
before: string | null, 
/**
 * The value after; none when the field is now empty or the item was removed.
 */
after: string | null, 
/**
 * Word-level diff from `before` to `after`: `same` and `removed`
 * segments spell `before`, `same` and `added` ones spell `after`.
 */
segments: Array<Segment>, };

export type SectionDiff = { 
/**
 * Step key, as in `crate::sections::STEPS`, e.g. `criteria`.
 */
section: string, 
/**
 * French title of the step, e.g. « Critères d’attribution ».
 */
title: string, changes: Array<Change>, };

export type IndicatorKind = "environmental_criterion" | "environmental_condition" | "social_clause" | "innovative" | "variants" | "advance" | "lots";

export type Indicator = { kind: IndicatorKind, label: string, 
/**
 * What counts, with the article it comes from.
 */
explanation: string, count: number, amount_cents: number, 
/**
 * Share of the number of consultations, in basis points (10 000 = 100 %).
 */
count_share: number, 
/**
 * Share of the amount, in basis points.
 */
amount_share: number, 
/**
 * The same, as the table shows them: « 3 », « 60 % », « 1 200 € HT », « 72,5 % ».
 */
count_text: string, count_share_text: string, amount_text: string, amount_share_text: string, };

export type YearFigures = { year: number, 
/**
 * Every year that has at least one counted dossier, latest first.
 */
years: Array<number>, 
/**
 * « Bilan annuel 2026 ».
 */
title: string, 
/**
 * « 5 consultations pour 512 000 € HT ».
 */
summary: string, 
/**
 * Which date places a dossier in a year, and what is left out.
 */
counting_rule: string, consultations: number, amount_cents: number, 
/**
 * The column headers of the table and of the CSV.
 */
headers: Array<string>, indicators: Array<Indicator>, 
/**
 * The innovative share compared with the département's goal.
 */
innovation_goal: string, innovation_goal_reached: boolean, 
/**
 * The text alternative of the chart (its `aria-label`).
 */
chart_label: string, };

export type CanvasLine = { 
/**
 * Stable identifier; the question id and the field names derive from it.
 */
id: string, theme: ImpactTheme, 
/**
 * What is measured, as the frame's heading of the line.
 */
prompt: string, unit: string, direction: Direction, 
/**
 * The sub-criterion of the matching sample the line is scored under.
 */
subcriterion: string, 
/**
 * Evidence expected with the figure.
 */
evidence: string, 
/**
 * One plain French sentence: what the figure says and why it matters.
 */
explanation: string, 
/**
 * Proposed by default; other lines are offered on request.
 */
default: boolean, };

export type Figure = { "kind": "value", "value": number } | { "kind": "not_measured" } | { "kind": "missing" };

export type LineAnswer = { question_id: string, figure: Figure, justification: string, };

export type OfferFigure = { 
/**
 * The offer as the caller names it (the firm's name).
 */
offer: string, figure: Figure, justification: string, 
/**
 * The best figure of the line (several offers when they tie).
 */
best: boolean, };

export type LineComparison = { question_id: string, prompt: string, unit: string, theme: ImpactTheme, direction: Direction, 
/**
 * In the order the offers were given.
 */
offers: Array<OfferFigure>, };

