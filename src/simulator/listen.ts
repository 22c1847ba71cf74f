/**
 * Serves the simulator's request handler on a loopback port through @whatwg-node/server, so the
 * same code answers in-process fetches and real HTTP.
 */

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServerAdapter, type ServerAdapterNodeContext } from '@whatwg-node/server';
import { API_ROOT, TOKEN_PATH } from './routes.ts';

export interface Listening {
  origin: string;
  apiUrl: string;
  tokenUrl: string;
  close(): Promise<void>;
}

/** A response, or null when the connection must be dropped without one. */
export type Responder = (request: Request) => Promise<Response | null>;

/** Starts a node:http server on `host:port` (port 0 picks a free one). */
export async function listen(respond: Responder, port = 0, host = '127.0.0.1'): Promise<Listening> {
  const adapter = createServerAdapter<ServerAdapterNodeContext>(async (request, context) => {
    const response = await respond(request);
    if (response) return response;
    // A dropped connection: destroy the socket; the adapter writes nothing to a destroyed response.
    context.res.destroy();
    return new Response(null, { status: 204 });
  });
  const server = createServer(adapter);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${hostPart}:${address.port}`;
  return {
    origin,
    apiUrl: `${origin}${API_ROOT}`,
    tokenUrl: `${origin}${TOKEN_PATH}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
