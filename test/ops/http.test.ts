import { request as httpRequest, createServer, type Server } from 'node:http';
import { brotliDecompressSync, createBrotliDecompress, createGunzip, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateEncoding } from '../../src/ops/index.ts';
import { createOpsStack, type OpsStack } from './stack.ts';

// Compression (GraphQL answers and streamed exports), HEAD on exports and batching, over a real socket where the
// bytes on the wire matter.

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let stack: OpsStack;
let server: Server;
let port = 0;

function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Raw> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

const post = (query: unknown, headers: Record<string, string> = {}) =>
  raw('POST', '/graphql', { 'content-type': 'application/json', ...headers }, JSON.stringify(query));

const decode = (answer: Raw): string => {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(answer.body).toString('utf8');
  return answer.body.toString('utf8');
};

beforeAll(async () => {
  stack = createOpsStack({ scale: 0.1 });
  server = createServer(stack.gateway);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(() => new Promise((done) => server.close(done)));

describe('compression', () => {
  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip;q=1', 'gzip'],
    ['*', 'br'],
    ['br;q=0, gzip;q=0', null],
    ['identity', null],
    ['', null],
  ])('negotiates Accept-Encoding "%s" as %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it('compresses GraphQL answers with brotli or gzip as asked, the same JSON once decoded', async () => {
    const query = { query: '{ members(first: 100) { nodes { id name email } } }' };
    const plain = await post(query);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const expected = plain.body.toString('utf8');
    expect(expected.length).toBeGreaterThan(5_000);
    for (const encoding of ['br', 'gzip']) {
      const answer = await post(query, { 'accept-encoding': encoding });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(answer.headers.vary).toMatch(/Accept-Encoding/);
      expect(answer.headers['x-request-id']).toBeDefined();
      expect(answer.body.length).toBeLessThan(expected.length / 3);
      expect(decode(answer)).toBe(expected);
    }
  });

  it('leaves small answers as they are', async () => {
    const answer = await post({ query: '{ __typename }' }, { 'accept-encoding': 'br, gzip' });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual({ data: { __typename: 'Query' } });
  });

  it('compresses a streamed export, byte for byte the same CSV once decoded', async () => {
    const plain = await raw('GET', '/reports/members.csv?columns=_id,name,email,team.name');
    expect(plain.status).toBe(200);
    const csv = plain.body.toString('utf8');
    expect(csv.split('\r\n').length).toBeGreaterThan(200);
    for (const encoding of ['br', 'gzip']) {
      const answer = await raw('GET', '/reports/members.csv?columns=_id,name,email,team.name', {
        'accept-encoding': encoding,
      });
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(answer.headers['content-type']).toMatch(/^text\/csv/);
      expect(answer.body.length).toBeLessThan(csv.length / 2);
      expect(decode(answer)).toBe(csv);
    }
  });
});

describe('a compressed export cut short by an OfficeRnD failure', () => {
  it.each(['gzip', 'br'])(
    '%s: the rows and the error marker arrive decodable, then the transfer is cut',
    async (encoding) => {
      let served = 0;
      const failing = createOpsStack({
        scale: 0.1,
        client: { retry: { attempts: 1 } },
        simulator: {
          onRequest: (entry) => {
            if (entry.collection !== 'bookings') return;
            served += 1;
            if (served === 2) failing.simulator.setFaults({ errorRate: 1 });
          },
        },
      });
      const failingServer = createServer(failing.gateway);
      await new Promise<void>((done) => failingServer.listen(0, '127.0.0.1', done));
      const address = failingServer.address();
      try {
        const { text, cut } = await new Promise<{ text: string; cut: boolean }>((done, fail) => {
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port: typeof address === 'object' && address ? address.port : 0,
              path: '/reports/bookings.csv?columns=_id',
              headers: { 'accept-encoding': encoding },
            },
            (res) => {
              expect(res.statusCode).toBe(200);
              expect(res.headers['content-encoding']).toBe(encoding);
              // Decoded as it arrives, as curl --compressed does: what came before the cut is kept.
              const decoder = encoding === 'br' ? createBrotliDecompress() : createGunzip();
              let text = '';
              decoder.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
              decoder.on('error', () => undefined);
              res.on('data', (chunk: Buffer) => decoder.write(chunk));
              res.on('aborted', () => setTimeout(() => done({ text, cut: true }), 50));
              res.on('error', () => undefined);
              res.on('end', () => setTimeout(() => done({ text, cut: !res.complete }), 50));
            },
          );
          req.on('error', fail);
          req.end();
        });
        expect(cut).toBe(true);
        const lines = text.split('\r\n');
        expect(lines[0]).toBe('_id');
        expect(lines.at(-2)).toMatch(/^#ERROR: UPSTREAM_UNAVAILABLE /);
        expect(lines.length).toBe(1 + 200 + 2);
      } finally {
        await new Promise((done) => failingServer.close(done));
      }
    },
  );
});

describe('HEAD on exports', () => {
  it('answers the export headers without reading OfficeRnD, and checks the parameters', async () => {
    stack.simulator.log.reset();
    const head = await raw('HEAD', '/reports/bookings.csv?columns=_id,member.name');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toMatch(/^text\/csv/);
    expect(head.headers['content-disposition']).toBe('attachment; filename="bookings.csv"');
    expect(head.body.length).toBe(0);
    expect(stack.simulator.log.count()).toBe(0);
    const bad = await raw('HEAD', '/reports/bookings.csv?columns=nope.nope');
    expect(bad.status).toBe(400);
    expect((await raw('HEAD', '/reports/nothing.csv')).status).toBe(404);
    expect(stack.simulator.log.count()).toBe(0);
  });
});

describe('batching', () => {
  it('answers a JSON array of operations (Apollo BatchHttpLink) in order', async () => {
    const answer = await post([
      { query: 'query A { organization }', operationName: 'A' },
      { query: 'query B($n: Int) { offices(first: $n) { nodes { name } } }', operationName: 'B', variables: { n: 2 } },
    ]);
    expect(answer.status).toBe(200);
    const results = JSON.parse(answer.body.toString('utf8')) as { data: Record<string, unknown> }[];
    expect(results).toHaveLength(2);
    expect(results[0]).toEqual({ data: { organization: 'demo' } });
    expect((results[1]!.data.offices as { nodes: unknown[] }).nodes).toHaveLength(2);
  });

  it('refuses more than 10 operations in one batch', async () => {
    const answer = await post(Array.from({ length: 11 }, () => ({ query: '{ __typename }' })));
    expect(answer.status).toBe(413);
    expect(answer.body.toString('utf8')).toMatch(/Batching is limited to 10 operations/);
  });
});
