/**
 * Polls `probe` until it answers something truthy and returns that; fails naming `what` once
 * `timeoutMs` have passed since the first poll.
 */
export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs = 15_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const since = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - since > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
