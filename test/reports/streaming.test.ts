import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { createTestStack, type TestStack } from '../helpers.ts';
import { closeServer, FORMATS, listenGateway, parseCsv, parseExport, settle } from './support.ts';

// Exports stream: one upstream page at a time under backpressure (at most one read ahead), the header as soon as the
// first page is in (before its joins), a visible error (marker + truncated transfer) when upstream fails mid-stream,
// and upstream work stopped when the caller goes away.
// Every assertion is a count (pages requested, rows, chunks), never a duration.

const bookingPages = (stack: TestStack): number =>
  stack.simulator.log.entries().filter((e) => e.kind === 'api' && e.collection === 'bookings' && e.id === null).length;

describe('mid-stream upstream failure', () => {
  let stack: TestStack;
  let server: Server;
  let url: string;
  /** Bookings pages served since `failAfterSecondPage()`; every later request fails. */
  let served = 0;
  let armed = false;

  function failAfterSecondPage(): void {
    served = 0;
    armed = true;
    stack.simulator.setFaults({});
    stack.simulator.log.reset();
  }

  beforeAll(async () => {
    stack = createTestStack({
      // No retries: the fault below fails every request after the second page at once.
      client: { retry: { attempts: 1 } },
      simulator: {
        onRequest: (entry) => {
          if (!armed || entry.collection !== 'bookings') return;
          served += 1;
          if (served === 2) stack.simulator.setFaults({ errorRate: 1 });
        },
      },
    });
    ({ server, url } = await listenGateway(stack.gateway));
  });
  afterAll(() => closeServer(server));

  async function readAll(response: Response): Promise<{ text: string; error: unknown }> {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return { text, error: null };
        text += decoder.decode(value, { stream: true });
      }
    } catch (error) {
      return { text, error };
    }
  }

  it.each(FORMATS)(
    '%s: rows so far, then an error marker, then a truncated transfer (loopback HTTP)',
    async (format) => {
      failAfterSecondPage();
      // Uncompressed: undici may drop the last decompressed bytes when the transfer is cut (compressed truncation is
      // tested over a raw socket in test/ops/http.test.ts).
      const response = await fetch(`${url}/reports/bookings.${format}?columns=_id,summary`, {
        headers: { 'accept-encoding': 'identity' },
      });
      expect(response.status).toBe(200);
      const { text, error } = await readAll(response);
      // The client sees the transfer cut short (no end of the chunked body), not a complete file.
      expect(error).toBeInstanceOf(Error);
      expect(bookingPages(stack)).toBe(3);
      if (format === 'csv') {
        const lines = text.split('\r\n');
        expect(lines.at(-1)).toBe('');
        expect(lines.at(-2)).toMatch(
          /^#ERROR: UPSTREAM_UNAVAILABLE \[GET\] "\/organizations\/demo\/bookings\?.*": 50\d /,
        );
        // Two whole pages of rows (and the header) came before the marker.
        expect(parseCsv(`${lines.slice(0, -2).join('\r\n')}\r\n`)).toHaveLength(201);
      } else if (format === 'ndjson') {
        const lines = text
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line) as Record<string, unknown>);
        expect(lines).toHaveLength(201);
        expect(lines.at(-1)).toEqual({
          error: { code: 'UPSTREAM_UNAVAILABLE', message: expect.stringMatching(/^\[GET\] .*bookings.*: 50\d/) },
        });
      } else {
        // Never a valid JSON document: the array is not closed after the error object.
        expect(() => JSON.parse(text)).toThrow();
        expect(text.startsWith('[\n{')).toBe(true);
        expect(text.trimEnd().endsWith(']')).toBe(false);
        expect(text).toMatch(/,\n\{"error":\{"code":"UPSTREAM_UNAVAILABLE","message":"\[GET\] [^\n]*\}\}\n$/);
      }
      expect(
        stack.logs.some((line) => line.includes('report export failed') && line.includes('UPSTREAM_UNAVAILABLE')),
      ).toBe(true);
    },
  );

  it('errors the body stream in-process too (reading it to the end rejects)', async () => {
    failAfterSecondPage();
    const response = await stack.gateway.fetch('http://gateway.test/reports/bookings.csv?columns=_id');
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow(/502|50\d/);
  });

  it('answers with an error status and no body stream when the first page already fails', async () => {
    armed = false;
    stack.simulator.setFaults({ errorRate: 1 });
    const response = await fetch(`${url}/reports/members.ndjson`);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(body.error.message).toMatch(/\[GET\] "\/organizations\/demo\/members\?\$limit=100": 50\d/);
    stack.simulator.setFaults({});
  });
});

describe('first bytes before the joins', () => {
  it('sends the header once the first page is in, before its joins: a join failing then is a marker after a 200', async () => {
    let bookings = 0;
    const stack: TestStack = createTestStack({
      client: { retry: { attempts: 1 } },
      simulator: {
        // A server that ignores `$populate` (§4): the first page's names are joined, not brought by the page.
        v1Populate: 'ignored',
        // Every request after the first bookings page fails: the joins of that page (members, teams) included.
        onRequest: (entry) => {
          if (entry.collection === 'bookings' && ++bookings === 1) stack.simulator.setFaults({ errorRate: 1 });
        },
      },
    });
    const { server, url } = await listenGateway(stack.gateway);
    try {
      const response = await fetch(`${url}/reports/bookings.csv?columns=_id,member.name,team.name`, {
        headers: { 'accept-encoding': 'identity' },
      });
      // The first upstream page settled the status; its joins had not been loaded yet.
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
      } catch {
        // The transfer is cut short after the marker.
      }
      // The header, no rows (the first page's joins failed), then the marker.
      const lines = text.split('\r\n');
      expect(lines[0]).toBe('_id,member.name,team.name');
      expect(lines[1]).toMatch(/^#ERROR: UPSTREAM_UNAVAILABLE /);
      expect(lines.slice(2)).toEqual(['']);
      expect(bookingPages(stack)).toBeLessThanOrEqual(2);
    } finally {
      await closeServer(server);
    }
  });
});

describe('backpressure and bounded memory', () => {
  let stack: TestStack;
  let total: number;
  beforeAll(() => {
    stack = createTestStack({ scale: 0.5 });
    total = stack.simulator.dataset.collections.bookings.length;
  });

  it('reads upstream one page ahead of the reader at most, and sends bytes before the last page is asked for', async () => {
    const pages = Math.ceil(total / 100);
    expect(pages).toBeGreaterThanOrEqual(40);
    stack.simulator.log.reset();
    const response = await stack.gateway.fetch('http://gateway.test/reports/bookings.csv');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let chunks = 0;
    const requestedAtChunk: number[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks += 1;
      text += decoder.decode(value, { stream: true });
      // Give the stream every chance to read ahead before counting.
      await settle();
      requestedAtChunk.push(bookingPages(stack));
    }
    // First bytes (the header, sent once the first page is in) while at most the second page had been asked for.
    expect(requestedAtChunk[0]).toBeLessThanOrEqual(2);
    // Never more than one page read ahead of what the reader took: memory holds at most two pages of rows.
    requestedAtChunk.forEach((requested, index) => {
      expect(requested).toBeLessThanOrEqual(index + 2);
    });
    expect(chunks).toBeGreaterThanOrEqual(pages);
    expect(bookingPages(stack)).toBe(pages);
    expect(parseCsv(text)).toHaveLength(total + 1);
  });

  it('stops reading upstream when the reader cancels (in-process)', async () => {
    stack.simulator.log.reset();
    const response = await stack.gateway.fetch('http://gateway.test/reports/bookings.ndjson');
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    await settle(50);
    const after = bookingPages(stack);
    await settle(50);
    expect(bookingPages(stack)).toBe(after);
    expect(after).toBeLessThanOrEqual(4);
  });

  it('stops reading upstream when an HTTP client disconnects (loopback)', async () => {
    const slow = createTestStack({ scale: 0.5, simulator: { faults: { latencyMs: 3 } } });
    const { server, url } = await listenGateway(slow.gateway);
    try {
      const controller = new AbortController();
      const response = await fetch(`${url}/reports/bookings.csv`, { signal: controller.signal });
      const reader = response.body!.getReader();
      await reader.read();
      controller.abort();
      // Wait (bounded) until no new page is asked for across several rounds.
      let last = -1;
      for (let round = 0; round < 200 && bookingPages(slow) !== last; round += 1) {
        last = bookingPages(slow);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(bookingPages(slow)).toBe(last);
      expect(last).toBeLessThan(Math.ceil(total / 100));
    } finally {
      await closeServer(server);
    }
  });
});

describe('limit', () => {
  it('caps the rows and asks upstream only for what is missing', async () => {
    const stack = createTestStack();
    stack.simulator.log.reset();
    const response = await stack.gateway.fetch('http://gateway.test/reports/bookings.json?limit=150&columns=_id');
    const table = parseExport('json', await response.text());
    const ids = (stack.simulator.dataset.collections.bookings as { _id: string }[]).slice(0, 150).map((b) => [b._id]);
    expect(table.rows).toEqual(ids);
    expect(
      stack.simulator.log
        .entries()
        .filter((e) => e.kind === 'api')
        .map((e) => e.query.$limit),
    ).toEqual(['100', '50']);
  });
});
