// Runs the loopback fake LLM in its own process, so the bench measures the client, not the server's CPU.
import { startFakeLLM } from '../__tests__/helpers/fake-llm.js';

const llm = await startFakeLLM();
llm.latencyMs = Number(process.argv[2] ?? 20);
llm.faults = () => 'none';
// Keep no request log: the bench makes thousands of calls.
llm.log.push = () => 0;
process.stdout.write(`${llm.url}\n`);
process.on('SIGTERM', () => void llm.close().then(() => process.exit(0)));
