/**
 * Shared state of one dataset generation run: clock, scale, id factory and audit stamps.
 * Created per `generateDataset` call; nothing here lives at module level.
 */

import { createRandom, type Random } from '../random.ts';
import { createZoneClock, iso, MINUTE, type ZoneClock } from './time.ts';

/** Audit fields carried by most v1 documents (api doc §6 conventions). */
export interface Stamps {
  createdAt: string;
  createdBy: string;
  modifiedAt: string;
  modifiedBy: string;
  organization: string;
}

export interface GenContext {
  /** Reference instant (ms); every createdAt/modifiedAt is before it. */
  readonly now: number;
  readonly scale: number;
  readonly orgId: string;
  /** OfficeRnD staff user ids: targets of createdBy/modifiedBy, outside the 20 collections (§6). */
  readonly users: readonly string[];
  readonly clock: ZoneClock;
  /** An independent random stream per generation step, so steps do not perturb each other. */
  random(label: string): Random;
  /** A fresh 24-hex ObjectId whose leading timestamp is `atMs` (Mongo layout: time, machine, counter). */
  newId(atMs: number): string;
  /** `base` scaled linearly, at least `min`. */
  count(base: number, min?: number): number;
  /** createdAt (clamped before now) and a modifiedAt in [createdAt, min(latest, now)). */
  stamps(rnd: Random, createdMs: number, latestMs?: number): Stamps;
  /** `createdMs` clamped to at least a minute before now. */
  clampPast(ms: number): number;
}

/** Creates the generation context for one run. */
export function createGenContext(seed: number, scale: number, now: number): GenContext {
  const root = createRandom(seed);
  const idRandom = root.fork('ids');
  const machine = idRandom.hex(10);
  let counter = idRandom.int(0, 0x7fffff);

  const newId = (atMs: number): string => {
    counter = (counter + 1) & 0xffffff;
    const seconds = Math.max(0, Math.floor(atMs / 1000));
    return seconds.toString(16).padStart(8, '0') + machine + counter.toString(16).padStart(6, '0');
  };

  const clampPast = (ms: number): number => Math.min(ms, now - MINUTE);
  const userRandom = root.fork('users');
  const users = Array.from({ length: 8 }, () => newId(now - 5 * 365 * 24 * 60 * MINUTE + userRandom.int(0, 1e9)));
  const orgId = newId(now - 6 * 365 * 24 * 60 * MINUTE);

  return {
    now,
    scale,
    orgId,
    users,
    clock: createZoneClock(),
    random: (label) => root.fork(label),
    newId,
    count: (base, min = 1) => Math.max(min, Math.round(base * scale)),
    clampPast,
    stamps: (rnd, createdMs, latestMs) => {
      const created = clampPast(createdMs);
      const ceiling = Math.min(latestMs ?? now, now - 1000);
      const modified = rnd.chance(0.35) || ceiling <= created ? created : rnd.int(created, ceiling);
      const createdBy = rnd.pick(users);
      const createdAt = iso(created);
      return {
        createdAt,
        createdBy,
        modifiedAt: modified === created ? createdAt : iso(modified),
        modifiedBy: modified === created ? createdBy : rnd.pick(users),
        organization: orgId,
      };
    },
  };
}
