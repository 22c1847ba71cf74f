import { Agent, request as httpRequest } from 'node:http';
import { percentile } from './report.ts';

// A small closed-loop HTTP load generator over keep-alive sockets (node:http, so the generator's own cost stays
// low and the same for both paths it compares).

export interface LoadRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  concurrency: number;
  p50: number;
  p90: number;
  p99: number;
  /** Requests per second. */
  throughput: number;
}

/** One request; resolves with the status and body once the response has been read to the end. */
export function send(agent: Agent, spec: LoadRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(spec.url, { method: spec.method, headers: spec.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(spec.body);
  });
}

/** Sends `total` requests with `concurrency` in flight; fails on any non-200 answer. */
export async function runLoad(spec: LoadRequest, total: number, concurrency: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let issued = 0;
  const worker = async (): Promise<void> => {
    while (issued < total) {
      issued += 1;
      const started = performance.now();
      const { status, body } = await send(agent, spec);
      latencies.push(performance.now() - started);
      if (status !== 200) throw new Error(`${spec.method} ${spec.url}: ${status} ${body.slice(0, 200)}`);
    }
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const elapsed = performance.now() - started;
  return {
    requests: total,
    concurrency,
    p50: percentile(latencies, 0.5),
    p90: percentile(latencies, 0.9),
    p99: percentile(latencies, 0.99),
    throughput: (total / elapsed) * 1000,
  };
}
