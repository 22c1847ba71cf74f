import { Agent } from 'node:http';
import { gatewayEnv, memoryOf, startServer, TSX_SERVER, type ServerCommand, type SimProcess } from './children.ts';
import { send } from './load.ts';
import { median, type Figure } from './report.ts';
import type { BenchSettings } from './settings.ts';

// Figure 5: process start → first answered query, and resident memory at rest, of the real server, run two ways:
// through tsx (`node --import tsx src/server.ts`, what `npm start` runs) and compiled (`node dist/server.js` after
// `npm run build`, what `npm run start:prod` runs). Each in two modes: against OfficeRnD (here the simulator process,
// no added latency; the first query pays for the token and one upstream call) and in demo mode (built-in simulator:
// the dataset is generated at start-up). The compiled rows carry the tsx figure as their reference.

const FIRST_QUERY = JSON.stringify({ query: '{ offices(first: 1) { nodes { id name } } }' });

interface Sample {
  listeningMs: number;
  firstAnswerMs: number;
  rssAtRest: number;
}

/** Starts the server `runs` times per mode and per way of running it, and reports the medians. */
export async function measureStartup(
  settings: BenchSettings,
  sim: SimProcess,
  compiled: ServerCommand,
): Promise<Figure[]> {
  await sim.setFaults({ latencyMs: 0 });
  const modes = [
    { name: 'OfficeRnD mode', env: gatewayEnv(sim) },
    {
      name: 'demo mode',
      env: gatewayEnv(null, { SIMULATOR_SEED: String(settings.seed), SIMULATOR_SCALE: String(settings.scale) }),
    },
  ];
  const commands: ServerCommand[] = [TSX_SERVER, compiled];
  const figures: Figure[] = [];
  for (const mode of modes) {
    const samples = new Map<ServerCommand, Sample[]>(commands.map((command) => [command, []]));
    // Interleaved, so drift in machine load falls on both ways alike.
    for (let i = 0; i < settings.startupRuns; i++) {
      for (const command of commands) samples.get(command)?.push(await sample(mode.env, command));
    }
    const tsx = summarise(samples.get(TSX_SERVER) ?? []);
    for (const command of commands) {
      const own = samples.get(command) ?? [];
      const { first, listening, rss } = summarise(own);
      const baseline = command === TSX_SERVER ? null : tsx;
      figures.push({
        section: '5 start-up',
        name: `${mode.name}, ${command.label}: first answer`,
        measured: first,
        unit: 'ms',
        references: [
          ...(baseline ? [{ label: 'tsx', value: baseline.first }] : []),
          { label: 'listening after', value: listening },
        ],
        ratio: baseline ? first / baseline.first : null,
        ratioOf: baseline ? 'of tsx' : '',
        target: 'info',
        pass: null,
        detail: { command: command.shown, samples: own },
      });
      figures.push({
        section: '5 start-up',
        name: `${mode.name}, ${command.label}: RSS at rest`,
        measured: rss / 2 ** 20,
        unit: 'MB',
        references: baseline ? [{ label: 'tsx', value: baseline.rss / 2 ** 20 }] : [],
        ratio: baseline ? rss / baseline.rss : null,
        ratioOf: baseline ? 'of tsx' : '',
        target: 'info',
        pass: null,
      });
    }
  }
  return figures;
}

function summarise(samples: readonly Sample[]): { first: number; listening: number; rss: number } {
  return {
    first: median(samples.map((s) => s.firstAnswerMs)),
    listening: median(samples.map((s) => s.listeningMs)),
    rss: median(samples.map((s) => s.rssAtRest)),
  };
}

async function sample(env: Record<string, string>, command: ServerCommand): Promise<Sample> {
  const server = await startServer(env, command);
  try {
    const agent = new Agent({ keepAlive: false });
    const answer = await send(agent, {
      url: `${server.url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: FIRST_QUERY,
    });
    const firstAnswerMs = performance.now() - server.startedAt;
    if (answer.status !== 200 || answer.body.includes('"errors"'))
      throw new Error(`first query failed: ${answer.body.slice(0, 300)}`);
    // At rest: a second after the first answer, nothing in flight.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const { rss } = await memoryOf(server.pid);
    return { listeningMs: server.listeningAfterMs, firstAnswerMs, rssAtRest: rss };
  } finally {
    await server.close();
  }
}
