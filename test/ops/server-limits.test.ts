import { connect, type Socket } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServerLimits } from '../../src/ops/http-server.ts';
import { createOpsStack } from './stack.ts';

// Issue 14, item 10: slow and greedy clients over a real socket. A client that sends its headers or its body slowly
// is answered 408 and cut off after HEADERS_TIMEOUT_MS / REQUEST_TIMEOUT_MS; connections past MAX_CONNECTIONS are
// closed on arrival; a declared body over MAX_BODY_BYTES is refused before it is read. No timing is asserted: with
// Node's defaults (60 s and 300 s) these connections would outlive the test's own timeout.

const servers: Server[] = [];
const sockets: Socket[] = [];

async function serve(limits: Partial<HttpServerLimits> = {}, env: Record<string, string> = {}): Promise<number> {
  const stack = createOpsStack({ env, scale: 0.1 });
  const server = createHttpServer(stack.gateway, {
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
    maxConnections: 1_000,
    ...limits,
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

interface Talk {
  socket: Socket;
  received: () => string;
  closed: Promise<void>;
}

/** A raw connection; `closed` resolves when the server closes it. */
function open(port: number): Talk {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((done) => socket.on('close', () => done()));
  return { socket, received: () => received, closed };
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

describe('HTTP server limits', () => {
  it('cuts a client that sends its headers slowly after HEADERS_TIMEOUT_MS with 408', async () => {
    const port = await serve({ headersTimeoutMs: 300, requestTimeoutMs: 5_000 });
    const talk = open(port);
    talk.socket.write('POST /graphql HTTP/1.1\r\nHost: gateway\r\n');
    const trickle = setInterval(() => talk.socket.write('x-slow: 1\r\n'), 100);
    await talk.closed;
    clearInterval(trickle);
    expect(talk.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts a client that sends its body slowly after REQUEST_TIMEOUT_MS with 408', async () => {
    const port = await serve({ headersTimeoutMs: 200, requestTimeoutMs: 600 });
    const talk = open(port);
    talk.socket.write(
      'POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{"query":',
    );
    const trickle = setInterval(() => talk.socket.write(' '), 100);
    await talk.closed;
    clearInterval(trickle);
    expect(talk.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes connections past MAX_CONNECTIONS on arrival; the others are served', async () => {
    const port = await serve({ maxConnections: 2 });
    const first = open(port);
    const second = open(port);
    await new Promise((r) => setTimeout(r, 100));
    const third = open(port);
    await third.closed;
    expect(third.received()).toBe('');
    first.socket.write('GET /health HTTP/1.1\r\nHost: gateway\r\n\r\n');
    second.socket.write('GET /health HTTP/1.1\r\nHost: gateway\r\n\r\n');
    await new Promise((r) => setTimeout(r, 300));
    expect(first.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(second.received()).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('refuses a declared body over MAX_BODY_BYTES with 413 before reading it', async () => {
    const port = await serve({}, { MAX_BODY_BYTES: '2000' });
    const talk = open(port);
    talk.socket.write(
      'POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n',
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(talk.received()).toMatch(/^HTTP\/1\.1 413 /);
  });
});
