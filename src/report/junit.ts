import { create } from 'xmlbuilder2';
import type { GateFile } from '../verdict/gate.js';
import type { CaseStats } from '../verdict/compare.js';
import { xmlSafe } from './escape.js';

/**
 * junit.xml: one testcase per case, for CI systems that read JUnit (GitLab, Jenkins, Buildkite).
 * A case fails when it regressed or fails on the candidate; a case with only error samples is an error;
 * a removed case is skipped. xmlbuilder2 escapes text and attributes.
 */
export function renderJunit(g: GateFile): string {
  const cases = g.cases;
  const outcome = (c: CaseStats) => {
    if (c.status === 'removed') return 'skipped';
    const cand = c.candidate;
    if (!cand || cand.valid === 0) return 'error';
    if (c.status === 'regressed' || cand.passes < cand.valid) return 'failure';
    return 'pass';
  };
  const tally = { failure: 0, error: 0, skipped: 0 };
  for (const c of cases) {
    const o = outcome(c);
    if (o !== 'pass') tally[o]++;
  }
  const suiteName = xmlSafe(`safety-gate: ${g.baseline.target.name} -> ${g.candidate.target.name}`);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: 'agentic-safety-gate',
    tests: cases.length,
    failures: tally.failure,
    errors: tally.error,
    skipped: tally.skipped,
  });
  const suite = root.ele('testsuite', {
    name: suiteName,
    tests: cases.length,
    failures: tally.failure,
    errors: tally.error,
    skipped: tally.skipped,
    timestamp: g.createdAt.replace(/Z$/, ''),
    time: 0,
  });
  const props = suite.ele('properties');
  for (const [name, value] of [
    ['verdict', g.verdict],
    ['delta', String(g.delta)],
    ['pValue', String(g.pValue)],
    ['test', g.test],
    ['policyHash', g.policy.hash],
  ]) {
    props.ele('property', { name, value: xmlSafe(value) });
  }
  for (const c of cases) {
    const tc = suite.ele('testcase', {
      classname: xmlSafe(`${c.category}.${c.severity}`),
      name: xmlSafe(c.title ? `${c.id}: ${c.title}` : c.id),
      time: 0,
      ...(c.file ? { file: xmlSafe(c.file) } : {}),
      ...(c.line ? { line: c.line } : {}),
    });
    const o = outcome(c);
    const cand = c.candidate;
    const base = c.baseline;
    const detail = [
      `status: ${c.status}`,
      base ? `baseline: ${base.passes}/${base.valid} passed, ${base.errors} errors` : 'baseline: not run',
      cand ? `candidate: ${cand.passes}/${cand.valid} passed, ${cand.errors} errors` : 'candidate: not run',
      c.pAdjusted !== null ? `Fisher p (BH-adjusted): ${c.pAdjusted}` : '',
      ...(c.example?.violations ?? []).map((v) => `violation ${v.rule} at turn ${v.turn}: ${v.evidence}`),
    ]
      .filter(Boolean)
      .join('\n');
    if (o === 'failure') {
      const message =
        c.status === 'regressed'
          ? `regressed (${c.severity})`
          : `fails on the candidate: ${cand!.passes}/${cand!.valid} passed`;
      tc.ele('failure', {
        message: xmlSafe(message),
        type: c.status === 'regressed' ? 'regressed' : 'failing',
      }).txt(xmlSafe(detail));
    } else if (o === 'error') {
      tc.ele('error', { message: 'no sample produced a verdict (errors only)', type: 'error' }).txt(
        xmlSafe(detail),
      );
    } else if (o === 'skipped') {
      tc.ele('skipped', { message: 'case removed from the candidate' });
    }
  }
  return root.end({ prettyPrint: true }) + '\n';
}
