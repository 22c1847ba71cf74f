import type { LogLevel } from './config.ts';
import { scrubSecrets } from './secrets.ts';

export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Values that must never be written (client secret, API keys); replaced by `[redacted]`. */
  secrets?: readonly string[];
  /** Where lines go; defaults to stdout/stderr. Tests collect them. */
  write?: (line: string, level: LogLevel) => void;
  clock?: () => Date;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
/**
 * Meta keys whose values are never logged, whatever they hold: secrets, passwords, authorization headers, API keys
 * and the tokens themselves. Names of things about them (`tokenUrl`, `authorizationUrl`, `tokenRequests`) stay.
 */
const SECRET_WORD = /secret|password|authorization|api[-_]?keys?$/i;
const TOKEN_KEY = /^(?:access[-_]?|refresh[-_]?|id[-_]?|bearer[-_]?)?token$/i;
const ADDRESS_KEY = /(?:url|uri)$/i;

/** Whether a meta key names a secret value (see SECRET_WORD and TOKEN_KEY). */
export function isSecretKey(key: string): boolean {
  if (ADDRESS_KEY.test(key)) return false;
  return SECRET_WORD.test(key) || TOKEN_KEY.test(key);
}

/** A one-line-per-event logger with a level threshold and secret redaction. */
export function createLogger(options: LoggerOptions): Logger {
  const threshold = ORDER[options.level];
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const clock = options.clock ?? (() => new Date());
  const write =
    options.write ??
    ((line: string, level: LogLevel) => {
      (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
    });

  const scrub = (text: string): string => scrubSecrets(text, secrets);

  // Scrubbed before quoting too: JSON escapes (`\"`, `\\`) would hide a secret from a scrub of the finished line.
  const format = (value: unknown): string => {
    if (typeof value === 'string') {
      const clean = scrub(value);
      return /[\s"=]/.test(clean) ? JSON.stringify(clean) : clean;
    }
    if (value instanceof Error) return JSON.stringify(scrub(value.message));
    const json = JSON.stringify(value, (key, inner: unknown) => {
      if (key !== '' && isSecretKey(key)) return '[redacted]';
      return typeof inner === 'string' ? scrub(inner) : inner;
    });
    return json ?? String(value);
  };

  const log = (level: LogLevel, message: string, meta?: Record<string, unknown>): void => {
    if (ORDER[level] < threshold) return;
    let line = `${clock().toISOString()} ${level.toUpperCase().padEnd(5)} ${scrub(message)}`;
    for (const [key, value] of Object.entries(meta ?? {})) {
      if (value === undefined) continue;
      line += ` ${key}=${isSecretKey(key) ? '[redacted]' : format(value)}`;
    }
    write(scrub(line), level);
  };

  return {
    debug: (m, meta) => log('debug', m, meta),
    info: (m, meta) => log('info', m, meta),
    warn: (m, meta) => log('warn', m, meta),
    error: (m, meta) => log('error', m, meta),
  };
}
