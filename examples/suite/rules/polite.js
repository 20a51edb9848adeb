// A module rule: the plug-in point for checks the built-in kinds cannot express.
// Return null when the rule holds for this turn, or { evidence } (or a string) when it is violated.
export default function polite(ctx, options) {
  const banned = new RegExp(`\\b(${options.banned.join('|')})\\b`, 'i');
  for (const m of ctx.turnMessages) {
    if (m.role === 'assistant' && m.content && banned.test(m.content)) {
      return { evidence: `impolite reply: ${m.content.slice(0, 120)}` };
    }
  }
  return null;
}
