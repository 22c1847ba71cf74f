import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader } from '../../src/webhooks/signature.ts';
import { createCacheStack } from '../cache/support.ts';

const SECRET = 'whsec-test-0123456789abcdef';
const KEY = 'test-api-key-0123456789';
const nowS = (): number => Math.floor(Date.now() / 1000);

const event = (eventType: string, id = '5f0c1a2b3c4d5e6f70819203'): string =>
  JSON.stringify({ eventType, data: { object: { _id: id, name: 'Ada' }, previousAttributes: { name: 'Ad' } } });

/** A delivery signed independently of the code under test: hex HMAC-SHA256 of body + "." + t (§8a). */
function signed(body: string, t = nowS(), secret = SECRET): RequestInit {
  const v1 = createHmac('sha256', secret).update(`${body}.${t}`).digest('hex');
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'officernd-signature': `t=${t},v1=${v1}` },
    body,
  };
}

describe('POST /webhooks/officernd', () => {
  const env = { OFFICERND_WEBHOOK_SECRET: SECRET, GATEWAY_API_KEYS: KEY };

  it('accepts a correctly signed event without a gateway API key and publishes it', async () => {
    const stack = createCacheStack(env);
    const response = await stack.request('/webhooks/officernd', signed(event('member.updated')));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(stack.published).toHaveLength(1);
    expect(stack.published[0]).toMatchObject({
      eventType: 'member.updated',
      object: 'member',
      action: 'updated',
      collection: 'members',
      id: '5f0c1a2b3c4d5e6f70819203',
      origin: 'local',
    });
  });

  it('maps v2 object names to our collections (company → teams, location → offices)', async () => {
    const stack = createCacheStack(env);
    await stack.request('/webhooks/officernd', signed(event('company.removed')));
    await stack.request('/webhooks/officernd', signed(event('location.updated')));
    await stack.request('/webhooks/officernd', signed(event('member.paymentdetails.removed')));
    expect(stack.published.map((e) => [e.collection, e.action])).toEqual([
      ['teams', 'removed'],
      ['offices', 'updated'],
      ['members', 'paymentdetails.removed'],
    ]);
  });

  it('refuses bad, missing, replayed, tampered and wrongly ordered signatures with 401 and publishes nothing', async () => {
    const stack = createCacheStack(env);
    const body = event('member.updated');
    const t = nowS();
    const cases: RequestInit[] = [
      { method: 'POST', headers: { 'content-type': 'application/json' }, body },
      signed(body, t, 'another-secret-0123456789'),
      // Outside the 300 s window by 10 s either way: a margin for a slow run (the future one comes nearer as it runs).
      signed(body, t - 310),
      signed(body, t + 310),
      { ...signed(body, t), body: body.replace('Ada', 'Eve') },
      {
        method: 'POST',
        headers: {
          'officernd-signature': `t=${t},v1=${createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex')}`,
        },
        body,
      },
      { method: 'POST', headers: { 'officernd-signature': `t=${t},v1=zz` }, body },
      { method: 'POST', headers: { 'officernd-signature': 'garbage' }, body },
    ];
    for (const init of cases) {
      const response = await stack.request('/webhooks/officernd', init);
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(JSON.parse(text).error.code).toBe('BAD_SIGNATURE');
      expect(text).not.toContain(SECRET);
    }
    expect(stack.published).toHaveLength(0);
    expect(stack.logs.join('\n')).not.toContain(SECRET);
  });

  it('accepts a delivery inside the replay window', async () => {
    const stack = createCacheStack(env);
    expect((await stack.request('/webhooks/officernd', signed(event('member.updated'), nowS() - 290))).status).toBe(
      200,
    );
  });

  it('accepts and logs an unknown event type', async () => {
    const stack = createCacheStack(env);
    const body = event('spaceship.launched');
    const response = await stack.request('/webhooks/officernd', {
      method: 'POST',
      headers: { 'officernd-signature': signatureHeader(SECRET, body, nowS()) },
      body,
    });
    expect(response.status).toBe(200);
    expect(stack.published[0]).toMatchObject({ eventType: 'spaceship.launched', collection: null });
    expect(stack.logs.some((line) => line.includes('unknown event type') && line.includes('spaceship.launched'))).toBe(
      true,
    );
  });

  it('answers 400 for a signed body that is not an event', async () => {
    const stack = createCacheStack(env);
    const response = await stack.request('/webhooks/officernd', signed('{"data":{}}'));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('BAD_WEBHOOK_BODY');
    expect(stack.published).toHaveLength(0);
  });

  it('answers 405 to other methods', async () => {
    const stack = createCacheStack(env);
    const response = await stack.request('/webhooks/officernd');
    expect(response.status).toBe(405);
  });

  it('is off without OFFICERND_WEBHOOK_SECRET', async () => {
    const stack = createCacheStack({});
    const response = await stack.request('/webhooks/officernd', signed(event('member.updated')));
    expect(response.status).toBe(404);
    expect(stack.published).toHaveLength(0);
  });
});
