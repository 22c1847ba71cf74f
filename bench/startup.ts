import { Agent } from 'node:http';
import { gatewayEnv, memoryOf, startServer, type SimProcess } from './children.ts';
import { send } from './load.ts';
import { median, type Figure } from './report.ts';
import type { BenchSettings } from './settings.ts';

// Figure 5: process start → first answered query, and resident memory at rest, of the real server
// (`node --import tsx src/server.ts`): against OfficeRnD (here the simulator process, no added latency; the first
// query pays for the token and one upstream call) and in demo mode (built-in simulator: the dataset is generated
// at start-up).

const FIRST_QUERY = JSON.stringify({ query: '{ offices(first: 1) { nodes { id name } } }' });

interface Sample {
  listeningMs: number;
  firstAnswerMs: number;
  rssAtRest: number;
}

/** Starts the server `runs` times per mode and reports the medians. */
export async function measureStartup(settings: BenchSettings, sim: SimProcess): Promise<Figure[]> {
  await sim.setFaults({ latencyMs: 0 });
  const modes = [
    { name: 'OfficeRnD mode', env: gatewayEnv(sim) },
    { name: 'demo mode', env: gatewayEnv(null, { SIMULATOR_SEED: String(settings.seed), SIMULATOR_SCALE: String(settings.scale) }) },
  ];
  const figures: Figure[] = [];
  for (const mode of modes) {
    const samples: Sample[] = [];
    for (let i = 0; i < settings.startupRuns; i++) samples.push(await sample(mode.env));
    const first = median(samples.map((s) => s.firstAnswerMs));
    figures.push({
      section: '5 start-up',
      name: `${mode.name}: first answer`,
      measured: first,
      unit: 'ms',
      references: [{ label: 'listening after', value: median(samples.map((s) => s.listeningMs)) }],
      ratio: null,
      ratioOf: '',
      target: 'info',
      pass: null,
      detail: { samples },
    });
    figures.push({
      section: '5 start-up',
      name: `${mode.name}: RSS at rest`,
      measured: median(samples.map((s) => s.rssAtRest)) / 2 ** 20,
      unit: 'MB',
      references: [],
      ratio: null,
      ratioOf: '',
      target: 'info',
      pass: null,
    });
  }
  return figures;
}

async function sample(env: Record<string, string>): Promise<Sample> {
  const server = await startServer(env);
  try {
    const agent = new Agent({ keepAlive: false });
    const answer = await send(agent, {
      url: `${server.url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: FIRST_QUERY,
    });
    const firstAnswerMs = performance.now() - server.startedAt;
    if (answer.status !== 200 || answer.body.includes('"errors"')) throw new Error(`first query failed: ${answer.body.slice(0, 300)}`);
    // At rest: a second after the first answer, nothing in flight.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const { rss } = await memoryOf(server.pid);
    return { listeningMs: server.listeningAfterMs, firstAnswerMs, rssAtRest: rss };
  } finally {
    await server.close();
  }
}
