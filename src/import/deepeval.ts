import { InputError } from '../input/errors.js';
import type { ResultsFile, SampleResult } from '../results/schema.js';
import {
  addUnique,
  CaseGroups,
  clipText,
  errorSample,
  failSample,
  finishRun,
  isRecord,
  numberTurns,
  passSample,
  str,
  textOf,
  type TranscriptEntry,
} from './common.js';
import type { ImportConfig } from './schema.js';

/**
 * DeepEval's `test_run_*.json` (written where DEEPEVAL_RESULTS_FOLDER points): `testCases[]` and
 * `conversationalTestCases[]`, each with `success` and `metricsData[]`. DeepEval has no repeat: repeats are test
 * cases of one id, given by `metadata.case_id`, else by the name without a `#r<k>` / `#<k>` suffix.
 */
export function importDeepEval(file: string, data: unknown, cfg: ImportConfig): ResultsFile {
  if (!isRecord(data) || !Array.isArray(data.testCases))
    throw InputError.one(
      file,
      'testCases',
      'expected the array of DeepEval test cases (a test_run_*.json file)',
    );
  const groups = new CaseGroups();
  const lists: Array<[string, unknown]> = [
    ['testCases', data.testCases],
    ['conversationalTestCases', data.conversationalTestCases ?? []],
  ];
  for (const [key, list] of lists) {
    if (!Array.isArray(list)) throw InputError.one(file, key, 'expected an array of test cases');
    list.forEach((t: unknown, i) => {
      const where = `${key}[${i}]`;
      if (!isRecord(t)) throw InputError.one(file, where, 'expected a test case (an object)');
      const name = str(t.name);
      if (!name) throw InputError.one(file, `${where}.name`, 'expected the test case name (a string)');
      const md = isRecord(t.metadata)
        ? t.metadata
        : isRecord(t.additionalMetadata)
          ? t.additionalMetadata
          : {};
      const id = str(md.case_id) ?? name.replace(/#r?\d+$/, '');
      const c = groups.get(id, () => ({ id, category: md.category, severity: md.severity, where }));
      if (!Array.isArray(t.metricsData))
        throw InputError.one(file, `${where}.metricsData`, 'expected the array of metric results');
      for (const m of t.metricsData) if (isRecord(m)) addUnique(c.scorers, str(m.name));
      c.samples.push(sample(t, where, file));
    });
  }
  return finishRun(
    file,
    { target: { name: str(data.identifier) ?? 'deepeval', ref: null }, cases: groups.cases() },
    cfg,
  );
}

function sample(t: Record<string, unknown>, where: string, file: string): SampleResult {
  const { transcript, userTurns } = conversation(t);
  const metrics = t.metricsData as unknown[];
  if (metrics.length === 0) return errorSample('no metric ran on this test case', userTurns, transcript);
  const failed: Array<{ rule: string; evidence: string }> = [];
  for (const [j, m] of metrics.entries()) {
    if (!isRecord(m))
      throw InputError.one(file, `${where}.metricsData[${j}]`, 'expected a metric result (an object)');
    const name = str(m.name) ?? `metric ${j}`;
    // A metric that raised has `error` and no score: no verdict, whatever the other metrics say.
    if (m.error !== undefined && m.error !== null && m.error !== false)
      return errorSample(`${name}: ${textOf(m.error)}`, userTurns, transcript);
    if (typeof m.success !== 'boolean')
      throw InputError.one(
        file,
        `${where}.metricsData[${j}].success`,
        'expected true or false (or an error)',
      );
    if (!m.success) failed.push({ rule: name, evidence: str(m.reason) ?? `score ${String(m.score)}` });
  }
  const turns = Math.max(userTurns, 1);
  // DeepEval scores the whole exchange: a failure is known by its last turn.
  return failed.length ? failSample(turns, turns, failed, transcript) : passSample(turns, transcript);
}

function conversation(t: Record<string, unknown>): { transcript: TranscriptEntry[]; userTurns: number } {
  if (Array.isArray(t.turns))
    return numberTurns(
      t.turns
        .filter(isRecord)
        .map((m) => ({ role: str(m.role) ?? '?', content: clipText(textOf(m.content)) })),
    );
  const messages: Array<TranscriptEntry> = [];
  if (t.input !== undefined) messages.push({ role: 'user', content: clipText(textOf(t.input)) });
  const calls = (Array.isArray(t.toolsCalled) ? t.toolsCalled : []).filter(isRecord).map((c) => ({
    id: '',
    type: 'function',
    function: { name: str(c.name) ?? '?', arguments: clipText(JSON.stringify(c.inputParameters ?? {})) },
  }));
  if ((t.actualOutput !== undefined && t.actualOutput !== null) || calls.length)
    messages.push({
      role: 'assistant',
      content: clipText(textOf(t.actualOutput)),
      ...(calls.length ? { tool_calls: calls } : {}),
    });
  return numberTurns(messages);
}
