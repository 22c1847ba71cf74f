import { Agent } from 'node:http';
import { gatewayEnv, startBareProxy, startServer, type ServerCommand, type SimProcess } from './children.ts';
import { runLoad, send, type LoadRequest, type LoadResult } from './load.ts';
import type { DataIndex } from './plans.ts';
import { median, type Figure } from './report.ts';
import { fetchToken } from './rest-join.ts';
import type { BenchSettings } from './settings.ts';

// Figure 3: what the gateway adds to one upstream call. Both paths over loopback HTTP from this process: directly
// to the simulator (GET /members/{id}), and through the real server (compiled, as `npm run start:prod` runs it, in
// its own process) with a query that costs exactly that one call. Measured twice: at the bench's configured upstream
// latency (what a caller of a real OfficeRnD sees: the targets are judged here), and with no added latency, where the
// simulator answers in a tenth of a millisecond and both paths are bound by CPU alone (the gateway's ceiling). A bare
// proxy (bare-proxy.ts) is measured beside both: what one extra process hop costs on this machine.

const MEMBER_QUERY = 'query Member($id: ID!) { member(id: $id) { id name email } }';

/** Measures added p50 latency and throughput ratio at concurrency 1 and 32, at the configured latency and at none. */
export async function measureOverhead(
  settings: BenchSettings,
  sim: SimProcess,
  data: DataIndex,
  server: ServerCommand,
): Promise<Figure[]> {
  await sim.setFaults({ latencyMs: 0 });
  const memberId = data.items('members')[0]?._id ?? '';
  const token = await fetchToken(sim);
  const direct: LoadRequest = {
    url: `${sim.apiUrl}/organizations/${sim.org}/members/${memberId}`,
    method: 'GET',
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  };
  const gatewayProcess = await startServer(
    // The bench's limits, as the environment of a real deployment would set them (64 is the configurable maximum).
    // No background learning of collection sizes: its calls would be counted with the measured requests' own.
    gatewayEnv(sim, {
      UPSTREAM_MAX_CONCURRENCY: '64',
      UPSTREAM_MAX_REQUESTS_PER_MINUTE: '100000',
      LEARN_COLLECTION_SIZES: 'false',
    }),
    server,
  );
  const proxy = await startBareProxy(sim.origin);
  // The same GET through one bare hop (bench/bare-proxy.ts): what any extra process costs here, for reference.
  const bare: LoadRequest = { ...direct, url: `${proxy.url}${new URL(direct.url).pathname}` };
  const figures: Figure[] = [];
  try {
    const gateway: LoadRequest = {
      url: `${gatewayProcess.url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: MEMBER_QUERY, variables: { id: memberId } }),
    };
    await checkOneCall(sim, gateway, memberId);
    const rounds = settings.quick ? 1 : 3;
    for (const latencyMs of [settings.latencyMs, 0]) {
      await sim.setFaults({ latencyMs });
      const at = latencyMs === 0 ? 'no added latency (CPU-bound ceiling)' : `${latencyMs} ms upstream latency`;
      const requests = latencyMs === 0 ? settings.overheadRequests : settings.overheadRequestsWithLatency;
      for (const [concurrency, total] of [
        [1, requests.c1],
        [32, requests.c32],
      ] as const) {
        // Warm both paths (JIT, sockets, the gateway's token), then alternate them so drift hits both alike.
        await runLoad(direct, Math.ceil(total / 4), concurrency);
        await runLoad(gateway, Math.ceil(total / 4), concurrency);
        await runLoad(bare, Math.ceil(total / 4), concurrency);
        const directRuns: LoadResult[] = [];
        const gatewayRuns: LoadResult[] = [];
        const bareRuns: LoadResult[] = [];
        for (let round = 0; round < rounds; round++) {
          directRuns.push(await runLoad(direct, total, concurrency));
          gatewayRuns.push(await runLoad(gateway, total, concurrency));
          bareRuns.push(await runLoad(bare, total, concurrency));
        }
        const d = { p50: median(directRuns.map((r) => r.p50)), rps: median(directRuns.map((r) => r.throughput)) };
        const g = { p50: median(gatewayRuns.map((r) => r.p50)), rps: median(gatewayRuns.map((r) => r.throughput)) };
        const b = { p50: median(bareRuns.map((r) => r.p50)), rps: median(bareRuns.map((r) => r.throughput)) };
        const added = g.p50 - d.p50;
        figures.push({
          section: '3 overhead',
          name: `added p50, c=${concurrency}, ${latencyMs} ms`,
          measured: added,
          unit: 'ms',
          references: [
            { label: 'direct p50', value: d.p50 },
            { label: 'gateway p50', value: g.p50 },
            { label: 'a bare proxy adds', value: b.p50 - d.p50 },
          ],
          ratio: g.p50 / d.p50,
          ratioOf: 'direct',
          target: '<= 1 ms',
          pass: added <= 1,
          note: `${at}; ${total.toLocaleString('en-US')} requests x ${rounds} rounds per path`,
          detail: { latencyMs, direct: directRuns, gateway: gatewayRuns, bareProxy: bareRuns },
        });
        figures.push({
          section: '3 overhead',
          name: `throughput, c=${concurrency}, ${latencyMs} ms`,
          measured: g.rps,
          unit: 'req/s',
          references: [
            { label: 'direct', value: d.rps },
            { label: 'bare proxy', value: b.rps },
          ],
          ratio: g.rps / d.rps,
          ratioOf: 'direct',
          target: '>= 0.50x direct',
          pass: g.rps / d.rps >= 0.5,
        });
      }
    }
  } finally {
    await sim.setFaults({ latencyMs: 0 });
    await gatewayProcess.close();
    await proxy.close();
  }
  return figures;
}

/** The measured query must cost exactly one upstream call, or the comparison means nothing. */
async function checkOneCall(sim: SimProcess, gateway: LoadRequest, memberId: string): Promise<void> {
  const agent = new Agent({ keepAlive: false });
  await send(agent, gateway); // the gateway's token
  await sim.reset();
  const { status, body } = await send(agent, gateway);
  const calls = await sim.count();
  if (status !== 200 || !body.includes(memberId) || calls !== 1) {
    throw new Error(`overhead query: status ${status}, ${calls} upstream calls, body ${body.slice(0, 200)}`);
  }
}
