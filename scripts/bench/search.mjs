// Search cost: GET /api/articles/search (cms/src/search) on the large database, one request at a
// time, for Cyrillic and CJK terms of 1, 2 and 3+ characters, common (in most generated articles)
// and rare (in none). Time per request as the site sees it, CMS work plus a local round trip;
// goal p95 < 50 ms for every term.

export const SEARCH_GOAL_P95_MS = 50;

// [locale, term, what]: the generator's vocabulary (scripts/bench/generate-articles.cjs) makes the
// common ones common.
const TERMS = [
  ['mn', 'ө', 'common'],
  ['mn', 'гэ', 'common'],
  ['mn', 'гэрчилгээ', 'common'],
  ['mn', 'ҮЙЛДВЭР', 'common, upper case'],
  ['mn', 'Чиндао хурал', 'two words'],
  ['mn', 'ф', 'rare'],
  ['mn', 'зэвсэглэл', 'rare'],
  ['zh', '公', 'common'],
  ['zh', '证书', 'common'],
  ['zh', '展览会', 'common'],
  ['zh', '龘', 'rare'],
  ['zh', '鑫龘', 'rare'],
  ['zh', '人工智能芯片', 'rare'],
];

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** p50/p95 per term of `samples` sequential searches against the CMS at `cmsUrl` (after two warm-ups). */
export async function measureSearch(cmsUrl, { samples = 30 } = {}) {
  const rows = [];
  for (const [locale, term, what] of TERMS) {
    const url = `${cmsUrl}/api/articles/search?${new URLSearchParams({ locale, q: term })}`;
    const times = [];
    let total;
    for (let i = 0; i < samples + 2; i += 1) {
      const started = performance.now();
      const response = await fetch(url);
      const body = await response.json();
      const ms = performance.now() - started;
      if (!response.ok) throw new Error(`search ${locale} "${term}": HTTP ${response.status} ${JSON.stringify(body)}`);
      total = `${body.meta.pagination.total}${body.meta.totalCapped ? '+' : ''}`;
      if (i >= 2) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const round = (ms) => Number(ms.toFixed(1));
    rows.push({
      locale,
      term,
      chars: [...term].length,
      what,
      total,
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
    });
  }
  return { samples, rows, worstP95: Math.max(...rows.map((row) => row.p95)) };
}

/** The bench goal. `label` names the database when the bench runs more than one. */
export function searchGoal(search, label = '') {
  return {
    goal: `Search p95 < ${SEARCH_GOAL_P95_MS} ms at the large scale, Cyrillic and CJK, 1–3+ characters${label ? ` (${label})` : ''}`,
    status: search.worstP95 < SEARCH_GOAL_P95_MS ? 'met' : 'not met',
    figures: { worstP95Ms: search.worstP95 },
  };
}

/** Lines of the printed report. */
export function formatSearch(search, label = '') {
  return [
    `Search (${search.samples} sequential requests per term${label ? `, ${label}` : ''}), ms:`,
    ...search.rows.map(
      (row) =>
        `  ${row.locale} "${row.term}" (${row.chars} char, ${row.what}): ${row.total} results, p50 ${row.p50} p95 ${row.p95}`,
    ),
  ];
}
