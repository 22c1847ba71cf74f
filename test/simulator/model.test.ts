import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, FLEX_READ_SCOPES, type Simulator } from '../../src/simulator/index.ts';
import { V1_COLLECTIONS, V1_MODEL, type FieldKind } from '../../src/simulator/model.ts';
import { V2_LISTS, V2_PARAMS, type V2ParamKind } from '../../src/simulator/v2-model.ts';
import { apiCaller, FORM, smallDataset, type ApiCaller } from './support.ts';

const ID = '0123456789abcdef01234567';
const DATE = '2026-01-01T00:00:00.000Z';

/** A well-formed value (and operator) for each kind of v1 filter field. */
const v1Probe: Record<FieldKind, (field: string) => string> = {
  ref: (f) => `${f}=${ID}`,
  date: (f) => `${f}.$gte=${DATE}&${f}[$lt]=${DATE}`,
  string: (f) => `${f}=x&${f}.$swi=x`,
  value: (f) => `${f}=true`,
};

/** A well-formed value for each kind of v2 parameter. */
const v2Probe: Record<V2ParamKind, (field: string) => string> = {
  ref: (f) => `${f}=${ID}`,
  'ref-in': (f) => `${f}[$in]=${ID},${ID}`,
  date: (f) => `${f}[$gte]=${DATE}`,
  text: (f) => `${f}=x`,
  'text-in': (f) => `${f}[$in]=x,y`,
  bool: (f) => `${f}=false`,
};

let all: ApiCaller;
let sim: Simulator;

beforeAll(() => {
  sim = createSimulator({ dataset: smallDataset() });
  all = apiCaller(sim);
});

describe("the simulator's models", () => {
  it('v1 (all mode): every field of every collection takes the filters of its kind', async () => {
    for (const collection of V1_COLLECTIONS) {
      for (const [field, kind] of Object.entries(V1_MODEL[collection].fields)) {
        const path = `/${collection}?${v1Probe[kind](field)}`;
        const { status, body } = await all.json<unknown>(path);
        expect({ path, status, body: status === 200 ? null : body }).toEqual({ path, status: 200, body: null });
      }
    }
  });

  it('v2: every documented parameter of every list is accepted, and its v1-only spelling is refused', async () => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'demo-client',
      client_secret: 'demo-secret',
      scope: FLEX_READ_SCOPES.join(' '),
    });
    const token = (
      (await (await sim.fetch(sim.tokenUrl, { method: 'POST', headers: FORM, body: form.toString() })).json()) as {
        access_token: string;
      }
    ).access_token;
    const get = (path: string) =>
      sim.fetch(`${sim.apiV2Url}/organizations/${sim.org}${path}`, { headers: { authorization: `Bearer ${token}` } });
    for (const list of Object.keys(V2_LISTS) as (keyof typeof V2_LISTS)[]) {
      for (const [field, kind] of Object.entries(V2_PARAMS[list])) {
        const path = `/${list}?${v2Probe[kind](field)}`;
        const response = await get(path);
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
      }
      expect((await get(`/${list}?_id[$in]=${ID}`)).status, list).toBe(200);
      expect((await get(`/${list}?office=${ID}`)).status, list).toBe(400);
    }
  });
});
