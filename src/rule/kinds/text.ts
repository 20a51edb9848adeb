import type { z } from 'zod';
import type { TextRuleSchema } from '../schema.js';
import { assistantTexts, type TurnContext } from '../context.js';
import { excerpt } from '../detectors.js';

export function textGrader(rule: z.infer<typeof TextRuleSchema>) {
  const re = new RegExp(rule.pattern, rule.flags);
  return (ctx: TurnContext): string | null => {
    const texts = assistantTexts(ctx.turnMessages);
    if (rule.mode === 'absent') {
      for (const t of texts) {
        const m = re.exec(t);
        if (m) return `matched /${rule.pattern}/: ${excerpt(t, m[0])}`;
      }
      return null;
    }
    return texts.some((t) => re.test(t)) ? null : `expected /${rule.pattern}/ in the reply, not found`;
  };
}
