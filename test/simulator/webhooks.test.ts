import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, signWebhook } from '../../src/simulator/index.ts';
import { apiCaller, manualClock, NOW, smallDataset } from './support.ts';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  raw: string;
}

const SECRET = 'whsec-test-only-0123456789';
const received: Received[] = [];
let url = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/officernd`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});

afterAll(() => close());

/** Verifies a delivery the way §8a says a receiver must: hex HMAC-SHA256 of raw body + "." + t. */
function verify(delivery: Received, secret: string): { t: number; ok: boolean } {
  const header = String(delivery.headers['officernd-signature'] ?? '');
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${delivery.raw}.${parts.t}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return { t: Number(parts.t), ok: given.length === expected.length && timingSafeEqual(given, expected) };
}

describe('signed webhooks on data changes (§8a, issue 17)', () => {
  it('POSTs a signed member.updated with the object after the change and the old values, and reads see the change', async () => {
    received.length = 0;
    const clock = manualClock(NOW.getTime());
    const sim = createSimulator({ dataset: smallDataset(), clock: clock.now, webhooks: { url, secret: SECRET } });
    const api = apiCaller(sim);
    const member = smallDataset().collections.members.find((m) => m.team);
    const delivery = await sim.update('members', member?._id ?? '', { name: 'Renamed Person', team: null });
    expect(delivery?.status).toBe(204);
    expect(received).toHaveLength(1);
    const [event] = received;
    expect(event?.headers['content-type']).toBe('application/json');
    expect(verify(event as Received, SECRET)).toEqual({ t: Math.floor(NOW.getTime() / 1000), ok: true });
    expect(verify(event as Received, 'another-secret').ok).toBe(false);
    const body = JSON.parse(event?.raw ?? '{}');
    expect(body.eventType).toBe('member.updated');
    // v2 names in the payload, like the event names (§8a): team → company.
    expect(body.data.object).toMatchObject({
      _id: member?._id,
      name: 'Renamed Person',
      company: null,
      modifiedAt: NOW.toISOString(),
    });
    expect(body.data.previousAttributes).toEqual({
      name: member?.name,
      company: member?.team ?? null,
      modifiedAt: member?.modifiedAt,
    });
    expect((await api.json<{ name: string }>(`/members/${member?._id}`)).body.name).toBe('Renamed Person');
    expect(smallDataset().collections.members.find((m) => m._id === member?._id)?.name).toBe(member?.name);
    expect(signWebhook(SECRET, event?.raw ?? '', body.eventType ? Math.floor(NOW.getTime() / 1000) : 0)).toBe(
      event?.headers['officernd-signature'],
    );
  });

  it('sends company.created and booking.removed, and lists and by-id reads follow', async () => {
    received.length = 0;
    const sim = createSimulator({ dataset: smallDataset(), webhooks: { url, secret: SECRET } });
    const api = apiCaller(sim);
    const team = {
      _id: 'ffffffffffffffffffffffff',
      name: 'New Co',
      office: smallDataset().collections.offices[0]?._id,
      createdAt: NOW.toISOString(),
    };
    await sim.create('teams', team);
    const booking = smallDataset().collections.bookings[5];
    await sim.remove('bookings', booking?._id ?? '');
    expect(received.map((r) => JSON.parse(r.raw).eventType)).toEqual(['company.created', 'booking.removed']);
    expect(JSON.parse(received[0]?.raw ?? '{}').data.object).toMatchObject({ _id: team._id, location: team.office });
    expect((await api(`/teams/${team._id}`)).status).toBe(200);
    expect((await api(`/bookings/${booking?._id}`)).status).toBe(404);
    expect(sim.dataset.collections.bookings).toHaveLength(smallDataset().collections.bookings.length - 1);
    expect(() => sim.update('members', 'nope', {})).toThrow(RangeError);
  });

  it('changes data without webhooks too, and reports a failed delivery without throwing', async () => {
    const quiet = createSimulator({ dataset: smallDataset() });
    const id = smallDataset().collections.floors[0]?._id ?? '';
    expect(await quiet.update('floors', id, { name: 'Roof' })).toBeNull();
    expect(quiet.dataset.collections.floors[0]?.name).toBe('Roof');
    const unreachable = createSimulator({
      dataset: smallDataset(),
      webhooks: { url: 'http://127.0.0.1:1/hook', secret: SECRET },
    });
    expect((await unreachable.update('floors', id, { name: 'Roof' }))?.status).toBe(0);
  });
});
