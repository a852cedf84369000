// Response-frame questions generated from the award criteria (the impact
// canvas comes from core: api.canvasQuestions). Pure functions: they return
// new questions, the caller adds them to the dossier.
import type { AwardCriterion, CriterionKind, Dossier, FrameKind, Question } from './bindings';
import { newId } from './guide';

/** The frame a criterion's questions belong to; price-like criteria have none. */
export function frameOf(kind: CriterionKind): FrameKind | null {
  switch (kind) {
    case 'environmental':
    case 'life_cycle_cost':
      return 'environmental';
    case 'social':
      return 'social';
    case 'price':
      return null;
    default:
      return 'technical';
  }
}

/** What is scored: each sub-criterion, or the criterion itself when it has none. */
function scoredParts(c: AwardCriterion): { id: string; title: string; points: number }[] {
  if (c.subcriteria.length > 0) return c.subcriteria.map((s) => ({ id: s.id, title: s.title, points: s.points }));
  return [{ id: c.id, title: c.title, points: c.weight_percent }];
}

/**
 * One question for every scored part of a non-price criterion that has no
 * question yet, with a prompt to adapt: nothing the user wrote is replaced.
 */
export function questionsFromCriteria(d: Dossier): Question[] {
  const asked = new Set(d.questions.map((q) => q.criterion_id));
  const taken = d.questions.map((q) => q.id);
  const out: Question[] = [];
  for (const c of d.criteria) {
    const frame = frameOf(c.kind);
    if (!frame || c.kind === 'life_cycle_cost') continue;
    for (const part of scoredParts(c)) {
      if (asked.has(part.id)) continue;
      const id = newId('q', [...taken, ...out.map((q) => q.id)]);
      out.push({
        id,
        frame,
        criterion_id: part.id,
        prompt: `Décrivez précisément ce que vous proposez pour : ${part.title.trim() || c.title.trim()}. Donnez des engagements vérifiables.`,
        evidence: '',
        max_words: 400,
        points: part.points,
      });
    }
  }
  return out;
}
