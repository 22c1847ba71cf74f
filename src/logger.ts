import type { LogLevel } from './config.ts';

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
/** Meta keys whose values are never logged, whatever they hold. */
const SECRET_KEY = /secret|token|authorization|password|api[-_]?key/i;

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

  const scrub = (text: string): string =>
    secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);

  const format = (value: unknown): string => {
    if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
    if (value instanceof Error) return JSON.stringify(value.message);
    return JSON.stringify(value) ?? String(value);
  };

  const log = (level: LogLevel, message: string, meta?: Record<string, unknown>): void => {
    if (ORDER[level] < threshold) return;
    let line = `${clock().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}`;
    for (const [key, value] of Object.entries(meta ?? {})) {
      if (value === undefined) continue;
      line += ` ${key}=${SECRET_KEY.test(key) ? '[redacted]' : format(value)}`;
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
