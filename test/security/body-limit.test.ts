import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecureStack } from './stack.ts';

// MAX_BODY_BYTES over a real port: Node's HTTP parser frames the body, so a declared Content-Length is trusted as the
// body's length and only bodies without one are counted as they stream (security/body-limit.ts). The in-process
// path (no Node parser, every body counted) is covered in limits.test.ts.

const LIMIT = 2_000;
const body = (bytes: number) => JSON.stringify({ query: `{ __typename } # ${'x'.repeat(bytes)}` });

/** One raw HTTP/1.1 exchange: what a client that sets its own framing headers sends. */
function rawExchange(port: number, head: string, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(`${head}\r\n\r\n${payload}`));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

const statusOf = (answer: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe('request body limit over HTTP', () => {
  const stack = createSecureStack({ env: { MAX_BODY_BYTES: String(LIMIT) } });
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    server = createServer(stack.gateway);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const post = async (payload: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: payload,
      ...(typeof payload === 'string' ? {} : { duplex: 'half' }),
    } as RequestInit);
    const json = (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
    return { status: response.status, data: json.data, code: json.errors?.[0]?.extensions?.code };
  };

  const chunked = (text: string): ReadableStream<Uint8Array> => {
    const bytes = new TextEncoder().encode(text);
    return new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 500) controller.enqueue(bytes.slice(i, i + 500));
        controller.close();
      },
    });
  };

  it('answers a body within the limit, declared or streamed', async () => {
    expect(await post(body(1_500))).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    expect(await post(chunked(body(1_500)))).toMatchObject({ status: 200, data: { __typename: 'Query' } });
  });

  it('refuses a body over the limit with 413, by its Content-Length or as it streams', async () => {
    expect(await post(body(3_000))).toEqual({ status: 413, data: undefined, code: 'REQUEST_ENTITY_TOO_LARGE' });
    expect(await post(chunked(body(3_000)))).toEqual({
      status: 413,
      data: undefined,
      code: 'REQUEST_ENTITY_TOO_LARGE',
    });
  });

  it('counts the body exactly to the limit', async () => {
    const exact = body(LIMIT - body(0).length);
    expect(Buffer.byteLength(exact)).toBe(LIMIT);
    expect((await post(exact)).status).toBe(200);
    expect((await post(chunked(exact))).status).toBe(200);
    expect((await post(body(LIMIT + 1 - body(0).length))).status).toBe(413);
  });

  it('refuses what would get a large body past a small declared length', async () => {
    const large = body(3_000);
    // Both framings at once: Node refuses the message before the gateway sees it (RFC 9112 §6.3).
    const both = await rawExchange(
      port,
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\nConnection: close`,
      `${large.length.toString(16)}\r\n${large}\r\n0\r\n\r\n`,
    );
    expect(statusOf(both)).toBe(400);
    // A short declared length: the body is those bytes (here not even valid JSON) and the rest is read as the next
    // message, which Node refuses; the query is never run.
    const short = await rawExchange(
      port,
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close`,
      large,
    );
    expect(statusOf(short)).toBe(400);
    expect(short).not.toContain('__typename');
  });

  it('refuses a malformed Content-Length', async () => {
    const answer = await rawExchange(
      port,
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\nConnection: close`,
      body(10),
    );
    expect(statusOf(answer)).toBe(400);
  });
});
