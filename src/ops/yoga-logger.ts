/**
 * Yoga's own log calls, on the gateway's logger. Yoga reports a caller's mistake (invalid JSON, variables that do not
 * coerce) as an error with the document quoted over several lines; the operation line already says it as one warning
 * (src/ops/index.ts), so these go to debug, on one line. Anything else Yoga reports as an error stays an error, with
 * its stack in a field of the same JSON line.
 */

import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import type { Logger } from '../logger.ts';
import { CALLER_MISTAKES } from './requests.ts';

const oneLine = (args: unknown[]): string =>
  args
    .map((arg) => (arg instanceof Error ? arg.message : String(arg)))
    .join(' ')
    .replace(/\s*\n[\s\S]*$/, '');

/** A caller's mistake: a GraphQL error with a caller-mistake code or a 4xx status, not caused by something else. */
function isCallerMistake(arg: unknown): boolean {
  if (!(arg instanceof GraphQLError)) return false;
  const code = arg.extensions?.code;
  const status = (arg.extensions?.http as { status?: number } | undefined)?.status;
  return (
    (typeof code === 'string' && CALLER_MISTAKES.has(code)) ||
    (status !== undefined && status < 500) ||
    (code === undefined && !arg.originalError)
  );
}

/** The `logging` option of createYoga. */
export function yogaLogger(logger: Logger): YogaLogger {
  return {
    debug: (...args: unknown[]) => logger.debug(oneLine(args)),
    info: (...args: unknown[]) => logger.info(oneLine(args)),
    warn: (...args: unknown[]) => logger.warn(oneLine(args)),
    error: (...args: unknown[]) => {
      if (args.some(isCallerMistake)) {
        logger.debug(oneLine(args));
        return;
      }
      const error = args.find((arg): arg is Error => arg instanceof Error && !(arg instanceof GraphQLError));
      logger.error(oneLine(args), error?.stack ? { stack: error.stack } : undefined);
    },
  };
}
