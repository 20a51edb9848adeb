/**
 * The library entry of agentic-safety-gate (`import { … } from 'agentic-safety-gate'`): the application and domain
 * API, with no side effect on import. The GitHub Action's entry is dist/index.js (action.yml) and the CLI's is
 * dist/cli.js (`bin`); neither is loaded from here.
 */

// Application: a project (config, rules, suite) as the CLI and the action load it.
export { loadProject, type Project, type ProjectOverrides } from './app/project.js';
export { loadConfig, DEFAULT_CONFIG_FILE, type LoadedConfig } from './config/load.js';
export { ConfigSchema, type ProjectConfig } from './config/schema.js';

// Cases and rules.
export { loadCases } from './case/load.js';
export { CaseSchema, CaseFileSchema, type RegressionCase, type LoadedCase } from './case/schema.js';
export { loadRules, collectRules, type RuleRegistry, type CompiledRule } from './rule/registry.js';

// Targets (the agent under test) and running a suite against one.
export { createTarget, parseTargetArg, type TargetOptions } from './target/resolve.js';
export { TargetSchema, type TargetSpec } from './target/schema.js';
export type { Target, AgentRequest } from './target/types.js';
export { CallError, TargetUnusableError, fatalCause, type ErrorCount } from './target/resilience.js';
export { checkoutState, isOwnFile, type CheckoutState } from './target/checkout.js';
export { SimAgent } from './target/sim/agent.js';
export { runSuite, type SuiteOptions, type Progress } from './runner/suite.js';

// Results files.
export { readResults, resultsFromData, isResultsData, writeJson } from './results/io.js';
export { ResultsSchema, type ResultsFile, type CaseResult, type SampleResult } from './results/schema.js';
export { mergeResults } from './results/merge.js';
export {
  summariseErrors,
  sideUnusable,
  formatErrorSummary,
  type ErrorSummary,
  type ErrorGroup,
} from './results/errors.js';

// The gate: statistics, verdict, policy.
export {
  runGate,
  exitCodeFor,
  withGovernance,
  type GateFile,
  type GateOptions,
  type FailOn,
} from './verdict/gate.js';
export { compare, type CaseStats, type Comparison } from './verdict/compare.js';
export type { Reason, Verdict } from './verdict/decide.js';
export { GateFileSchema } from './verdict/schema.js';
export { failingCases, droppedCases, caseChange, byConcern, sortByConcern } from './verdict/worse.js';
export { applyPolicy, defaultPolicy, type AppliedPolicy } from './policy/load.js';

// Reports.
export { writeReports, writeReplay, type ReportFiles, type ReplayFiles } from './report/write.js';
export { renderSummary, SUMMARY_LIMIT, type SummaryOptions } from './report/markdown.js';
export { renderHtml } from './report/html.js';
export { renderJunit } from './report/junit.js';

// Incidents, stress tests, promotion.
export { loadIncident } from './incident/load.js';
export { readTraffic } from './incident/traffic.js';
export {
  replayIncident,
  analyseIncident,
  type Replay,
  type ReplayFile,
  type ReplayOptions,
} from './incident/replay.js';
export { ReplayFileSchema } from './incident/replay-schema.js';
export { stressSearch, type StressFile, type StressOptions } from './stress/search.js';
export { StressFileSchema } from './stress/schema.js';
export { promote } from './promote/promote.js';

// JSON Schemas for editors.
export { exportSchemas, FILE_SCHEMAS } from './schema/export.js';

// Errors for bad input: every problem with its file, path and what was expected.
export { InputError, type InputProblem } from './input/errors.js';
