/**
 * Waits until `check` holds, looking every 10 ms at most `attempts` times (a bound, never a measure of time); then
 * fails naming `what`.
 */
export async function until(what: string, check: () => boolean | Promise<boolean>, attempts = 500): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
