import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createOfficeRnDClient, OfficeRnDError } from '../../src/officernd/index.ts';
import type { OfficeRnDClient } from '../../src/officernd/index.ts';

// MAX_UPSTREAM_RESPONSE_BYTES over a real loopback port, with the production transport (no fetch injected): an
// upstream that answers too much is cut off at the cap, on the wire and once decompressed, with a coded error.

const LIMIT = 1024 * 1024;
const MEMBERS = '/api/v1/organizations/demo/members';

/** 128 MiB of JSON-ish zeros, gzipped to about 128 KB: a gzip bomb. */
async function gzipBomb(): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => gzip.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024, 0x30);
  gzip.write('[');
  for (let i = 0; i < 128; i++) if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  gzip.end();
  await ended;
  return Buffer.concat(chunks);
}

/**
 * A valid gzip stream that decompresses to nothing however long it is: empty stored deflate blocks (RFC 1951
 * §3.2.4: header bits, then LEN 0 and NLEN 0xffff), 5 bytes each.
 */
function emptyGzip(bytes: number): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03]);
  const blocks = Buffer.alloc(Math.ceil(bytes / 5) * 5);
  for (let at = 0; at < blocks.length; at += 5) blocks.set([0x00, 0x00, 0x00, 0xff, 0xff], at);
  const last = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
  // CRC-32 and size of the empty output.
  const trailer = Buffer.alloc(8);
  return Buffer.concat([header, blocks, last, trailer]);
}

type Answer = (res: ServerResponse) => void;

const open: { client: OfficeRnDClient; close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const { client, close } of open.splice(0)) {
    await client.close();
    await close();
  }
});

/** A loopback upstream: a token endpoint and `answer` for the members list; counts API requests. */
async function upstream(answer: Answer) {
  const calls = { api: 0 };
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/oauth/token') {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'size-test-token', token_type: 'Bearer', expires_in: 3599 }));
      return;
    }
    calls.api++;
    if (req.url?.startsWith(MEMBERS)) answer(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = createOfficeRnDClient({
    apiUrl: `${origin}/api/v1`,
    tokenUrl: `${origin}/oauth/token`,
    org: 'demo',
    clientId: 'size-test',
    clientSecret: 'size-test-secret',
    scope: 'officernd.api.read',
    maxResponseBytes: LIMIT,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
  });
  open.push({
    client,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  });
  return { client, calls };
}

describe('upstream response size cap', () => {
  it('a gzip bomb stops at the cap once decompressed, is not retried, and memory stays bounded', async () => {
    const bomb = await gzipBomb();
    expect(bomb.length).toBeLessThan(LIMIT);
    const { client, calls } = await upstream((res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'transfer-encoding': 'chunked',
      });
      res.write(bomb);
      res.end();
    });
    global.gc?.();
    const before = process.memoryUsage().rss;
    const error = await client.listPage('members').catch((e: unknown) => e);
    const grown = process.memoryUsage().rss - before;
    expect(error).toBeInstanceOf(OfficeRnDError);
    expect(error).toMatchObject({
      code: 'UPSTREAM_RESPONSE_TOO_LARGE',
      method: 'GET',
      path: '/organizations/demo/members?$limit=100',
    });
    expect((error as Error).message).toContain(
      `response larger than ${LIMIT} bytes once decompressed (MAX_UPSTREAM_RESPONSE_BYTES)`,
    );
    expect(calls.api).toBe(1);
    // The 128 MiB it would decompress to were never held.
    expect(grown).toBeLessThan(64 * 1024 * 1024);
  });

  it('a body that decompresses to nothing but never ends stops at the cap on the wire', async () => {
    const endless = emptyGzip(4 * LIMIT);
    const { client, calls } = await upstream((res) => {
      // Chunked, with no Content-Length: only counting the bytes as they come can stop it.
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'transfer-encoding': 'chunked',
      });
      for (let at = 0; at < endless.length; at += 65_536) res.write(endless.subarray(at, at + 65_536));
      res.end();
    });
    const error = await client.listPage('members').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_RESPONSE_TOO_LARGE' });
    expect((error as Error).message).toContain(`response larger than ${LIMIT} bytes on the wire`);
    expect(calls.api).toBe(1);
  });

  it('a declared Content-Length above the cap is refused before the body is read', async () => {
    const { client } = await upstream((res) => {
      const body = Buffer.alloc(LIMIT + 1, 0x20);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      res.end(body);
    });
    const error = await client.listPage('members').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_RESPONSE_TOO_LARGE' });
    expect((error as Error).message).toContain('on the wire');
  });

  it('an answer under the cap is read as usual', async () => {
    const { client } = await upstream((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify([{ _id: '0123456789abcdef01234567', name: 'x'.repeat(LIMIT - 100) }]));
    });
    const page = await client.listPage('members');
    expect(page.items.map((m) => m._id)).toEqual(['0123456789abcdef01234567']);
  });
});
