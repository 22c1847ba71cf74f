/**
 * Serves the simulator on a loopback port with plain node:http: each request is read as a SimRequest and the answer
 * written straight to the socket, without building web Request/Response objects, so serving stays cheap next to the
 * gateway a benchmark measures. The in-process fetch (`sim.fetch`) answers through the same `respond`.
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { reasonPhrase, type SimRequest, type SimResponse } from './http.ts';
import { API_ROOT, API_V2_ROOT, TOKEN_PATH } from './routes.ts';

export interface Listening {
  origin: string;
  apiUrl: string;
  /** `{origin}/api/v2` (§2). */
  apiV2Url: string;
  tokenUrl: string;
  close(): Promise<void>;
}

/** An answer, or null when the connection must be dropped without one. */
export type Responder = (request: SimRequest) => Promise<SimResponse | null>;

/** Reads a node:http request as a SimRequest. */
function fromIncoming(req: IncomingMessage, origin: string): SimRequest {
  return {
    method: req.method ?? 'GET',
    url: `${origin}${req.url ?? '/'}`,
    header: (name) => {
      const value = req.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
    text: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

async function serve(respond: Responder, origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let answer: SimResponse | null;
  try {
    answer = await respond(fromIncoming(req, origin));
  } catch {
    answer = { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Internal Server Error' };
  }
  // A dropped connection: destroy the socket without writing anything.
  if (!answer) return void res.destroy();
  res.writeHead(answer.status, reasonPhrase(answer.status, ''), answer.headers);
  res.end(answer.body);
}

/** Starts a node:http server on `host:port` (port 0 picks a free one). */
export async function listen(respond: Responder, port = 0, host = '127.0.0.1'): Promise<Listening> {
  let origin = '';
  const server = createServer((req, res) => void serve(respond, origin, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostPart}:${address.port}`;
  return {
    origin,
    apiUrl: `${origin}${API_ROOT}`,
    apiV2Url: `${origin}${API_V2_ROOT}`,
    tokenUrl: `${origin}${TOKEN_PATH}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
