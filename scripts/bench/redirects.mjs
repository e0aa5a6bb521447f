// Redirect lookup cost: the site asks the CMS GET /api/redirects/resolve for a path it would
// otherwise answer 404. Measured on the bench's two CMS databases, one with the seed's single
// redirect and one with REDIRECT_COUNT more; the lookup reads the from_path index, so its p99
// must stay flat (goal: large <= 1.5 x small).
import path from 'node:path';
import { alternateRounds } from './rounds.mjs';

export const REDIRECT_COUNT = 10_000;

/** Adds REDIRECT_COUNT redirects to the database of `env` (before its CMS starts). */
export async function addRedirects(run, rootDir, env) {
  const output = await run(
    process.execPath,
    [path.join(rootDir, 'scripts', 'bench', 'generate-redirects.cjs'), '--count', String(REDIRECT_COUNT)],
    { env, quiet: true },
  );
  return JSON.parse(output.trim().split('\n').pop());
}

const LOOKUPS = {
  // A redirect that exists (the seed's) and a path that has none: both are one index read.
  hit: '/api/redirects/resolve?path=%2Fnews%2Fshow-123.html',
  miss: '/api/redirects/resolve?path=%2Fmn%2Fnews%2Fno-such-article',
};

/**
 * p50/p99 of each lookup against `urls.small` (no redirects but the seed's) and `urls.large`, the
 * median of `rounds` alternating rounds.
 */
export async function measureRedirectLookups(load, urls, { connections, seconds, rounds }) {
  for (const [name, lookup] of Object.entries(LOOKUPS)) {
    for (const [scale, url] of Object.entries(urls)) {
      const answer = await (await fetch(`${url}${lookup}`)).json();
      if (name === 'hit' && !answer.data) throw new Error(`redirect lookup ${scale}: the seed's redirect is missing`);
      await load(`${url}${lookup}`, { connections, seconds: 1 });
    }
  }
  const figures = await alternateRounds({
    names: Object.keys(LOOKUPS),
    scales: Object.keys(urls),
    rounds,
    measureOne: (name, scale) => load(`${urls[scale]}${LOOKUPS[name]}`, { connections, seconds }),
  });
  const rows = Object.fromEntries(
    Object.entries(figures).flatMap(([name, byScale]) =>
      Object.entries(byScale).map(([scale, figure]) => [`${name}:${scale}`, figure]),
    ),
  );
  const ratio = (name) => Number((rows[`${name}:large`].p99 / rows[`${name}:small`].p99).toFixed(2));
  return { count: REDIRECT_COUNT, connections, rounds, rows, p99Ratio: { hit: ratio('hit'), miss: ratio('miss') } };
}

/** The bench goal: flat lookup cost. */
export function redirectGoal(redirects) {
  const { hit, miss } = redirects.p99Ratio;
  return {
    goal: `Redirect lookup p99 with ${redirects.count} redirects <= 1.5 x p99 with none`,
    status: hit <= 1.5 && miss <= 1.5 ? 'met' : 'not met',
    figures: { hitP99Ratio: hit, missP99Ratio: miss },
  };
}

/** One line of the printed report. */
export function formatRedirects(redirects) {
  const cell = (name, scale) => {
    const row = redirects.rows[`${name}:${scale}`];
    return `${row.rps} req/s p50 ${row.p50} p99 ${row.p99} ms`;
  };
  return `Redirect lookup (${redirects.connections} connections, median of ${redirects.rounds} alternating round(s)): hit ${cell('hit', 'small')} with none, ${cell('hit', 'large')} with ${redirects.count}; miss ${cell('miss', 'small')} / ${cell('miss', 'large')}`;
}
