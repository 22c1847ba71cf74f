import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start` with no credentials drives its own dashboard: the embedded simulator makes a booking every
// SIMULATOR_ACTIVITY_SECONDS and delivers its signed webhook to the gateway, whose subscription streams it; a
// shutdown ends the open stream instead of waiting for it.

const root = resolve(import.meta.dirname, '../..');
let child: ChildProcess | null = null;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

describe('the demo (no credentials)', () => {
  it('streams the simulator’s own changes to subscribers, and SIGTERM ends the stream and exits 0', {
    timeout: 60_000,
  }, async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOST: '127.0.0.1',
        PORT: '0',
        SIMULATOR_SCALE: '0.1',
        SIMULATOR_ACTIVITY_SECONDS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exit = new Promise<number | null>((done) => child!.on('exit', (code) => done(code)));
    let origin = '';
    for (let i = 0; i < 400 && !origin; i += 1) {
      origin = /Dashboard at (http:\/\/[^\s/]+)\/dashboard/.exec(output)?.[1] ?? '';
      if (!origin) await new Promise((done) => setTimeout(done, 50));
    }
    expect(origin, output).not.toBe('');
    expect(output).toMatch(/Demo activity on/);

    const page = await (await fetch(`${origin}/dashboard`)).text();
    expect(page).toContain('"live":true');

    const stream = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: 'subscription { officerndChanged(collections: [BOOKINGS]) { collection id eventType } }',
      }),
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let change: { collection: string; id: string; eventType: string } | undefined;
    while (!change) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      const data = /event: next\ndata: (.*)\n/.exec(text)?.[1];
      if (data) change = JSON.parse(data).data.officerndChanged;
    }
    expect(change).toMatchObject({ collection: 'BOOKINGS', eventType: 'booking.created' });

    // The booking the event names is in the simulator's data, read through the gateway.
    const lookup = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query ($id: ID!) { booking(id: $id) { id start } }',
        variables: { id: change!.id },
      }),
    });
    const body = (await lookup.json()) as { data: { booking: { id: string; start: string } | null } };
    expect(body.data.booking?.id).toBe(change!.id);
    expect(Date.parse(body.data.booking!.start)).toBeGreaterThan(Date.now() - 3_600_000);

    // The stream is still open: shutdown ends it rather than waiting SHUTDOWN_TIMEOUT_MS for it.
    const ended = (async () => {
      for (;;) if ((await reader.read()).done) return true;
    })().catch(() => true);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(await ended).toBe(true);
  });
});
