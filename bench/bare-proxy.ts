import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// The smallest useful hop between a caller and the simulator: node:http in, global fetch out, body passed through.
// Figure 3 measures it beside the gateway, so the gateway's added latency can be read against what any extra
// process hop costs on the same machine (wake-ups, loopback, one fetch). Run as its own process by overhead.ts:
// `node bench/bare-proxy.ts <upstream origin>` prints the port it listens on.

const upstream = process.argv[2] ?? '';
const server = createServer((req, res) => {
  fetch(upstream + (req.url ?? '/'), {
    headers: { authorization: req.headers.authorization ?? '', accept: 'application/json' },
  })
    .then(async (answer) => {
      const body = await answer.text();
      res
        .writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' })
        .end(body);
    })
    .catch(() => res.writeHead(502).end());
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
