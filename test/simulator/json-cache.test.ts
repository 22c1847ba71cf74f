import { describe, expect, it } from 'vitest';
import { generateDataset, type Dataset } from '../../src/simulator/generate.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { apiCaller, NOW } from './support.ts';

// The simulator keeps the JSON text of frozen items, whole and per `$select` (the bench freezes its dataset so that
// serialising is not what it measures). Answers must be the same text as from an unfrozen dataset, and an item
// edited in place (tests do) must never be answered from an old text.

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const dataset = (): Dataset => generateDataset({ seed: 11, scale: 0.2, now: NOW, org: 'demo' });

describe('simulator JSON texts', () => {
  it('answers a frozen dataset with the same text as an unfrozen one, whole and selected, read once and again', async () => {
    const plain = apiCaller(createSimulator({ dataset: dataset(), now: NOW }));
    const frozen = apiCaller(createSimulator({ dataset: deepFreeze(dataset()), now: NOW }));
    const member = (dataset().collections.members[3] as { _id: string })._id;
    const paths = [
      '/members?$limit=100',
      '/members?$limit=100&$select=name,team',
      '/members?$limit=100&$select=team,name',
      '/bookings?$limit=50&$select=start,fees,member',
      '/members?$limit=100&$select=notAField',
      `/members/${member}?$select=email`,
      `/members/${member}`,
    ];
    for (let round = 0; round < 2; round++) {
      for (const path of paths) {
        const [a, b] = await Promise.all([plain(path), frozen(path)]);
        expect(b.status, path).toBe(200);
        const text = await b.text();
        expect(text, path).toBe(await a.text());
        expect(JSON.parse(text), path).toBeTruthy();
      }
    }
    // A selection keeps the key and the fields asked for, and nothing else.
    const selected = JSON.parse(await (await frozen('/members?$limit=100&$select=name,team')).text()) as Record<
      string,
      unknown
    >[];
    expect(selected).toHaveLength(100);
    for (const item of selected)
      expect(Object.keys(item).every((key) => ['_id', 'name', 'team'].includes(key))).toBe(true);
  });

  it('answers an item edited in place with its new fields, whole and selected', async () => {
    const data = dataset();
    const api = apiCaller(createSimulator({ dataset: data, now: NOW }));
    const first = data.collections.members[0] as { _id: string; name: string };
    for (const path of ['/members?$limit=1&$select=name', `/members/${first._id}?$select=name`, '/members?$limit=1']) {
      const before = await (await api(path)).text();
      first.name = `${first.name} (edited ${path.length})`;
      const after = await (await api(path)).text();
      expect(after).not.toBe(before);
      expect(after).toContain(first.name);
    }
  });
});
