/**
 * Polls `probe` until it answers something truthy and returns that; fails naming `what` once
 * `timeoutMs` have passed since `since` (the moment a deadline is counted from, e.g. a publish
 * click; by default the first poll).
 */
export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  {
    timeoutMs = 15_000,
    since = Date.now(),
    intervalMs = 100,
  }: { timeoutMs?: number; since?: number; intervalMs?: number } = {},
): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - since > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
