import type { SignoffRules } from '../policy/signoff.js';
import type { Reason } from '../verdict/decide.js';
import type { ChecklistItem, Criterion, ReleaseCriteria, Verification } from './schema.js';

export type { ChecklistItem, Criterion, ReleaseCriteria, Verification };

const ITEM = /^\s{0,3}[-*+]\s+\[([ xX])\]\s+(.*?)\s*$/;
/** `— @alice 2026-11-20` at the end of the item (an em or en dash, or `--`). */
const SIGNATURE = /\s+(?:—|–|--)\s*@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\s+(\d{4}-\d{2}-\d{2})$/;

/** The task-list items of one Markdown checklist, in order; other lines (headings, prose) are skipped. */
export function parseChecklist(text: string, file: string): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  let fence = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (/^\s{0,3}(```|~~~)/.test(raw)) fence = !fence;
    if (fence) return;
    const m = ITEM.exec(raw);
    if (!m) return;
    const body = m[2];
    const sig = SIGNATURE.exec(body);
    items.push({
      file,
      line: i + 1,
      text: sig ? body.slice(0, sig.index).trim() : body,
      checked: m[1] !== ' ',
      signer: sig?.[1],
      date: sig?.[2],
    });
  });
  return items;
}

export interface CriteriaOptions {
  /** Team membership (`org/slug`), as for sign-offs; undefined when it cannot be known, which does not count. */
  isMember?: (team: string, login: string) => Promise<boolean | undefined>;
  /**
   * Checks that the signer made the line: in the action, the line's last change is a commit by that person, or a
   * commit of a merged pull request that person approved.
   * Absent: the line is taken as written (the CLI), and the criteria say so.
   */
  attest?: (item: ChecklistItem) => Promise<{ ok: boolean; why: string }>;
}

const norm = (s: string) => s.replace(/^@/, '').toLowerCase();

async function eligible(
  rules: SignoffRules | undefined,
  login: string,
  o: CriteriaOptions,
): Promise<{ ok: boolean; why?: string }> {
  if (!rules) return { ok: false, why: 'the base config has no `signoff` lists, so nobody can sign' };
  let unknown = false;
  for (const entry of [...rules.security, ...rules.board]) {
    const p = norm(entry);
    if (!p.includes('/')) {
      if (p === norm(login)) return { ok: true };
      continue;
    }
    const member = o.isMember ? await o.isMember(p, login) : undefined;
    if (member) return { ok: true };
    if (member === undefined) unknown = true;
  }
  return {
    ok: false,
    why: unknown
      ? `@${login}'s team membership could not be checked (token permission)`
      : `@${login} is not on signoff.security or signoff.board`,
  };
}

/**
 * The release criteria: every item of every checklist checked and signed on its line by someone on the BASE's
 * signoff.security or signoff.board lists (and, when `attest` is given, shown by git history to have made it).
 * `files` maps each configured checklist to its text, or undefined when the file is not there.
 */
export async function judgeCriteria(
  files: Array<{ file: string; text: string | undefined }>,
  rules: SignoffRules | undefined,
  o: CriteriaOptions = {},
): Promise<ReleaseCriteria> {
  const criteria: Criterion[] = [];
  const missing: string[] = [];
  for (const f of files) {
    if (f.text === undefined) {
      missing.push(f.file);
      continue;
    }
    const items = parseChecklist(f.text, f.file);
    if (!items.length) {
      criteria.push({
        file: f.file,
        line: 1,
        text: '(no task-list items)',
        checked: false,
        met: false,
        why: 'the checklist has no `- [ ]` items: an empty checklist proves nothing',
      });
      continue;
    }
    for (const item of items) {
      const unmet = (why: string) => criteria.push({ ...item, met: false, why });
      if (!item.checked) {
        unmet('not checked');
        continue;
      }
      if (!item.signer) {
        unmet('checked but not signed (end the line with `— @login YYYY-MM-DD`)');
        continue;
      }
      const who = await eligible(rules, item.signer, o);
      if (!who.ok) {
        unmet(who.why!);
        continue;
      }
      if (o.attest) {
        const a = await o.attest(item);
        if (!a.ok) {
          unmet(a.why);
          continue;
        }
        criteria.push({ ...item, met: true, why: a.why });
      } else {
        criteria.push({ ...item, met: true, why: 'signed as written (not checked against git history)' });
      }
    }
  }
  return {
    checklists: files.map((f) => f.file),
    verification: o.attest ? 'git-history' : 'as-written',
    criteria,
    missing,
    met: missing.length === 0 && criteria.every((c) => c.met),
  };
}

/** A BLOCK naming every unmet item by file:line, or null when the criteria are met. */
export function criteriaReason(r: ReleaseCriteria): Reason | null {
  if (r.met) return null;
  const unmet = r.criteria.filter((c) => !c.met);
  const parts = [
    ...r.missing.map((f) => `${f}: missing`),
    ...unmet.map((c) => `${c.file}:${c.line} ${c.why}`),
  ];
  const shown = parts.slice(0, 10).join('; ');
  return {
    code: 'release_criteria_unmet',
    level: 'BLOCK',
    message: `Release criteria unmet (${parts.length}): ${shown}${parts.length > 10 ? `; and ${parts.length - 10} more` : ''}.`,
    values: {
      missing: r.missing,
      unmet: unmet.map((c) => ({ file: c.file, line: c.line, text: c.text, signer: c.signer, why: c.why })),
    },
  };
}
