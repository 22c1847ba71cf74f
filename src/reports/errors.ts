/**
 * Errors of the report engine that callers must see as they are: a bad parameter (HTTP 400, GraphQL
 * BAD_USER_INPUT) or an unknown report (HTTP 404). Both are thrown before any upstream call.
 */

/** A parameter the caller must fix; `details` lists what would have been accepted. */
export class ReportInputError extends Error {
  readonly code = 'BAD_USER_INPUT' as const;

  constructor(
    message: string,
    /** The HTTP query parameter at fault (`expand`, `columns`, `from`, `office` …). */
    readonly parameter: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    /** The message without the parameter's name, for callers that spell it differently (`dates.from`). */
    readonly problem: string = message,
  ) {
    super(message);
    this.name = 'ReportInputError';
  }
}
