/**
 * Structured logs: one JSON object per line (pino), `{"level","time","msg",...meta}`, so log shippers read them as
 * they are. Secrets are scrubbed by value before a line is serialised (JSON escaping would hide a secret that holds
 * `"` or `\` from a scrub of the finished line) and once more from the finished line; keys that name secrets are
 * redacted whatever they hold.
 */

import { pino, type DestinationStream, type Logger as Pino } from 'pino';
import type { LogLevel } from './config.ts';
import { secretVariants } from './secrets.ts';

export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Values that must never be written (client secret, API keys); replaced by `[redacted]`, in every encoding. */
  secrets?: readonly string[];
  /** Where lines go (one JSON object each, no newline); default stdout. Tests collect them. */
  write?: (line: string, level: LogLevel) => void;
  /**
   * Where lines go instead of stdout when `write` is not given: `server.ts` passes pino-pretty on a terminal. It gets
   * the scrubbed line with its newline.
   */
  destination?: { write(line: string): unknown };
  clock?: () => Date;
}

/**
 * Meta keys whose values are never logged, whatever they hold: secrets, passwords, authorization headers, API keys
 * and the tokens themselves. Names of things about them (`tokenUrl`, `authorizationUrl`, `tokenRequests`) stay.
 */
const SECRET_WORD = /secret|password|authorization|api[-_]?keys?$/i;
const TOKEN_KEY = /^(?:access[-_]?|refresh[-_]?|id[-_]?|bearer[-_]?)?token$/i;
const ADDRESS_KEY = /(?:url|uri)$/i;
const REDACTED = '[redacted]';
const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** Whether a meta key names a secret value (see SECRET_WORD and TOKEN_KEY). */
export function isSecretKey(key: string): boolean {
  if (ADDRESS_KEY.test(key)) return false;
  return SECRET_WORD.test(key) || TOKEN_KEY.test(key);
}

/** A one-line-per-event JSON logger with a level threshold and secret redaction. */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = [...new Set((options.secrets ?? []).flatMap(secretVariants))]
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  const scrub = (text: string): string => {
    let out = text;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };
  const clean = (value: unknown, depth = 0): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (value instanceof Error) return scrub(value.message);
    if (value === null || typeof value !== 'object' || depth > 8) return value;
    if (Array.isArray(value)) return value.map((item) => clean(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = isSecretKey(key) ? REDACTED : clean(inner, depth + 1);
    return out;
  };

  const stream: DestinationStream = {
    write(line: string) {
      const scrubbed = scrub(line);
      if (options.write) {
        const level = (/"level":"(\w+)"/.exec(scrubbed)?.[1] ?? 'info') as LogLevel;
        options.write(scrubbed.replace(/\n$/, ''), level);
      } else if (options.destination) {
        options.destination.write(scrubbed);
      } else {
        process.stdout.write(scrubbed);
      }
    },
  };
  const clock = options.clock;
  const logger: Pino = pino(
    {
      level: options.level,
      base: undefined,
      messageKey: 'msg',
      formatters: { level: (label) => ({ level: label }) },
      timestamp: clock ? () => `,"time":"${clock().toISOString()}"` : pino.stdTimeFunctions.isoTime,
    },
    stream,
  );

  const log = (level: LogLevel, message: string, meta?: Record<string, unknown>): void => {
    if (!logger.isLevelEnabled(level)) return;
    logger[level](meta ? (clean(meta) as Record<string, unknown>) : {}, scrub(message));
  };
  const out = {} as Logger;
  for (const level of LEVELS) out[level] = (message, meta) => log(level, message, meta);
  return out;
}
