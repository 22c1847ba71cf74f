/**
 * The demo's own activity (SIMULATOR_ACTIVITY_SECONDS, `npm start` without credentials): every so often the embedded
 * simulator gets a new booking in the next two days, as if a member had just booked a room, and sends its signed
 * webhook (§8a) to the gateway, whose subscribers (the dashboard) see it at once. Bounded: past DEMO_BOOKINGS_KEPT
 * of its own bookings it removes the oldest one (a `booking.removed` event).
 */

import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger.ts';
import type { Simulator } from '../simulator/index.ts';

export const DEMO_BOOKINGS_KEPT = 200;
const HOUR_MS = 3_600_000;

export interface DemoActivityOptions {
  everyMs: number;
  logger: Logger;
  /** ms epoch; default Date.now. */
  clock?: () => number;
  /** In [0, 1); default Math.random. */
  random?: () => number;
}

/** Makes one booking per `everyMs`; returns the function that stops. */
export function startDemoActivity(
  simulator: Pick<Simulator, 'dataset' | 'create' | 'remove'>,
  options: DemoActivityOptions,
): () => void {
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  const made: string[] = [];
  const step = async (): Promise<void> => {
    const bookings = simulator.dataset.collections.bookings;
    // A one-off booking of a resource someone booked before: the same member, team, office and rate.
    const oneOffs = bookings.filter((b) => !b.recurrence?.rrule && b.start?.dateTime);
    const template = oneOffs[Math.floor(random() * oneOffs.length)];
    if (!template) return;
    const start = Math.ceil(clock() / HOUR_MS) * HOUR_MS + Math.floor(random() * 48) * HOUR_MS;
    const end = start + (1 + Math.floor(random() * 3)) * HOUR_MS;
    const stamp = new Date(clock()).toISOString();
    const _id = randomBytes(12).toString('hex');
    await simulator.create('bookings', {
      ...template,
      _id,
      start: { dateTime: new Date(start).toISOString(), date: null },
      end: { dateTime: new Date(end).toISOString(), date: null },
      seriesStart: new Date(start).toISOString(),
      seriesEnd: new Date(end).toISOString(),
      canceled: false,
      createdAt: stamp,
      modifiedAt: stamp,
    });
    made.push(_id);
    if (made.length > DEMO_BOOKINGS_KEPT) await simulator.remove('bookings', made.shift()!);
  };
  const timer = setInterval(() => {
    step().catch((error: unknown) => options.logger.warn('demo activity failed', { error }));
  }, options.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
