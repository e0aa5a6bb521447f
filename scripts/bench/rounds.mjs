// Loads at two scales measured in alternating rounds (small, large, small, large, …), so a change
// in the shared machine's load during the run hits both scales alike; each figure is the median
// of its rounds. Package-free: run.mjs imports it before the install.

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : Number(((sorted[middle - 1] + sorted[middle]) / 2).toFixed(2));
}

/**
 * Calls `measureOne(name, scale)` for each name and each scale, `rounds` times, the scales
 * alternating within each name. Returns `{ [name]: { [scale]: summary } }` (summarizeRounds).
 */
export async function alternateRounds({ names, scales, rounds, measureOne }) {
  const runs = Object.fromEntries(names.map((name) => [name, Object.fromEntries(scales.map((s) => [s, []]))]));
  for (let round = 0; round < rounds; round += 1) {
    for (const name of names) {
      for (const scale of scales) runs[name][scale].push(await measureOne(name, scale));
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, Object.fromEntries(scales.map((scale) => [scale, summarizeRounds(runs[name][scale])]))]),
  );
}

/** One load's rounds as one figure: median req/s, p50 and p99; requests and errors summed. */
export function summarizeRounds(runs) {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    rounds: runs,
  };
}
