import { Agent } from 'undici';
import { createTransport } from '../src/officernd/transport.ts';
import type { SimProcess } from './children.ts';
import type { DataIndex } from './plans.ts';
import { median, type Figure } from './report.ts';
import { fetchToken } from './rest-join.ts';
import type { BenchSettings } from './settings.ts';

// Section `transport` (issue 12): what the one HTTP client costs per upstream call. The client's transport
// (src/officernd/transport.ts: ofetch over a fetch on undici's dispatcher API and a keep-alive Agent, the production path) beside a bare
// undici `request()` on its own keep-alive Agent (the path the client used before ofetch became the one client),
// both from this process to the simulator process over loopback with no added latency, interleaved in rounds so
// that drift in machine load falls on both. Measured: this process's CPU time per call (user + system, every
// thread), for a GET by id and for a page of 100 bookings (JSON parsed in both). The simulator's CPU is its own.

const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

interface Target {
  label: string;
  path: string;
}

/** CPU µs per call of `calls` sequential calls of `send`. */
async function cpuPerCall(send: () => Promise<unknown>, calls: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) await send();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

export async function measureTransport(settings: BenchSettings, sim: SimProcess, data: DataIndex): Promise<Figure[]> {
  await sim.setFaults({ latencyMs: 0 });
  const token = await fetchToken(sim);
  const headers = {
    authorization: `Bearer ${token}`,
    accept: 'application/json',
    'accept-encoding': 'gzip, deflate, br',
  };
  const base = new URL(sim.apiUrl);
  const memberId = data.items('members')[0]?._id ?? '';
  const targets: Target[] = [
    { label: 'GET by id', path: `${base.pathname}/organizations/${sim.org}/members/${memberId}` },
    { label: 'page of 100 bookings', path: `${base.pathname}/organizations/${sim.org}/bookings?$limit=100` },
  ];
  const transport = createTransport({ maxResponseBytes: MAX_RESPONSE_BYTES });
  const agent = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
  const calls = settings.quick ? 500 : 2_000;
  const rounds = settings.quick ? 3 : 7;
  const figures: Figure[] = [];
  try {
    for (const target of targets) {
      const viaClient = async () => {
        const answer = await transport.send(
          `${base.origin}${target.path}`,
          { method: 'GET', headers },
          new AbortController().signal,
        );
        if (answer.status !== 200) throw new Error(`transport: ${target.path} answered ${answer.status}`);
      };
      const viaRequest = async () => {
        const answer = await agent.request({
          origin: base.origin,
          path: target.path,
          method: 'GET',
          headers,
          signal: new AbortController().signal,
        });
        const text = await answer.body.text();
        if (answer.statusCode !== 200) throw new Error(`request(): ${target.path} answered ${answer.statusCode}`);
        JSON.parse(text);
      };
      // Warm both paths (connections, JIT) before measuring.
      await cpuPerCall(viaClient, 200);
      await cpuPerCall(viaRequest, 200);
      const client: number[] = [];
      const bare: number[] = [];
      for (let round = 0; round < rounds; round++) {
        client.push(await cpuPerCall(viaClient, calls));
        bare.push(await cpuPerCall(viaRequest, calls));
      }
      const measured = median(client);
      const reference = median(bare);
      figures.push({
        section: 'transport',
        name: `client CPU per call, ${target.label}`,
        measured,
        unit: 'µs',
        references: [{ label: 'undici request()', value: reference, unit: 'µs' }],
        ratio: measured / reference,
        ratioOf: 'of request()',
        target: 'info',
        pass: null,
        note: `${rounds} rounds x ${calls} sequential calls per path, interleaved; no added latency; this process's CPU (every thread)`,
        detail: { clientUs: client, requestUs: bare },
      });
    }
  } finally {
    await transport.close();
    await agent.close();
  }
  return figures;
}
