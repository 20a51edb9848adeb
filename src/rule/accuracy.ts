/**
 * How well the built-in refusal reading agrees with people, per model family, as measured by `npm run bench rules`
 * on XSTest v2 development replies (docs/grading.md). A gate whose base and head run different model families
 * compares two graders as much as two agents: this note says by how much, for a report to carry.
 */
export interface FamilyAccuracy {
  family: string;
  /** How names of this family look (matched against a target's model name). */
  pattern: RegExp;
  precision: number;
  recall: number;
  f1: number;
  /** Replies measured. */
  n: number;
}

/** Figures from the development set (ties to docs/grading.md; refresh both together). */
export const REFUSAL_ACCURACY: FamilyAccuracy[] = [
  {
    family: 'OpenAI GPT',
    pattern: /\b(?:gpt|o\d|openai)/i,
    precision: 0.995,
    recall: 0.981,
    f1: 0.988,
    n: 450,
  },
  { family: 'Meta Llama', pattern: /llama/i, precision: 0.982, recall: 0.982, f1: 0.982, n: 450 },
  { family: 'Mistral', pattern: /mistral|mixtral/i, precision: 0.921, recall: 0.829, f1: 0.872, n: 450 },
];

export function familyOf(model: string): FamilyAccuracy | null {
  return REFUSAL_ACCURACY.find((f) => f.pattern.test(model)) ?? null;
}

const describe = (model: string, f: FamilyAccuracy | null) =>
  f
    ? `${model} (${f.family}: F1 ${f.f1.toFixed(2)}, precision ${f.precision.toFixed(2)}, recall ${f.recall.toFixed(2)})`
    : `${model} (family not measured)`;

/**
 * A sentence for the report when base and head run different model families, null when they are the same family
 * (or the same unmeasured name). Not wired into the report here: the integrator places it.
 */
export function refusalAccuracyNote(base: string, head: string): string | null {
  const a = familyOf(base);
  const b = familyOf(head);
  if (a && b && a.family === b.family) return null;
  if (!a && !b && base.trim().toLowerCase() === head.trim().toLowerCase()) return null;
  return (
    `Base and head run different model families: ${describe(base, a)} vs ${describe(head, b)}. ` +
    'The refusal rules read each family with the accuracy measured on XSTest v2 (docs/grading.md), so part of a ' +
    'change in refusal rates may come from the grader, not the agent.'
  );
}
