// The sitemap at both scales (issue 15 goal 2). /sitemap.xml is an index of parts built from the
// CMS's counts once the site passes one part's size (web/lib/sitemap.ts); each part is rendered
// from keyset reads on its first request and then served from Next's cache. Measured: the first
// render of the index and of every part, then the same requests again (from the cache).

/** Goal: the first render of any part (and of the index) under this, at the large scale. */
export const FIRST_RENDER_GOAL_MS = 1000;
/** Goal: a later request, served from the cache, under this. */
export const CACHED_GOAL_MS = 100;
/** Later requests of each file, the slowest reported. */
const CACHED_REPEATS = 3;

async function timedGet(url) {
  const started = performance.now();
  const response = await fetch(url);
  const xml = await response.text();
  const ms = Math.round(performance.now() - started);
  const kind = /<sitemapindex\b/.test(xml) ? 'index' : /<urlset\b/.test(xml) ? 'urlset' : 'invalid';
  const entries = (xml.match(kind === 'index' ? /<sitemap>/g : /<url>/g) ?? []).length;
  return { status: response.status, kind, entries, bytes: xml.length, ms, xml };
}

async function slowestCached(url) {
  let slowest = 0;
  for (let i = 0; i < CACHED_REPEATS; i++) slowest = Math.max(slowest, (await timedGet(url)).ms);
  return slowest;
}

/** /sitemap.xml and, for an index, every part it lists (read from `baseUrl`, whatever SITE_URL the locs name). */
export async function measureSitemapAt(baseUrl) {
  const { xml, ...index } = await timedGet(`${baseUrl}/sitemap.xml`);
  const parts = [];
  if (index.kind === 'index') {
    for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const { pathname } = new URL(loc);
      const { xml: _, ...part } = await timedGet(`${baseUrl}${pathname}`);
      parts.push({ path: pathname, ...part });
    }
  }
  // One request at a time: what one later request costs, not how requests queue.
  index.cachedMs = await slowestCached(`${baseUrl}/sitemap.xml`);
  for (const part of parts) part.cachedMs = await slowestCached(`${baseUrl}${part.path}`);
  const cachedMs = Math.max(index.cachedMs, ...parts.map((part) => part.cachedMs));
  const urls = index.kind === 'index' ? parts.reduce((sum, part) => sum + part.entries, 0) : index.entries;
  const worstFirstMs = Math.max(index.ms, ...parts.map((part) => part.ms));
  return { ...index, urls, parts, worstFirstMs, cachedMs };
}

/** The sitemap of the small site (`site`) and of a site started on the large CMS. */
export async function measureSitemap(tools, { site, frontUrl }, port, siteReadToken, largeUrl) {
  const small = await measureSitemapAt(site.baseUrl);
  const siteLarge = await tools.startStandaloneSite({
    port: port.siteLarge,
    name: 'site-large',
    env: {
      STRAPI_URL: largeUrl,
      STRAPI_READ_TOKEN: siteReadToken,
      SITE_URL: frontUrl ?? `http://127.0.0.1:${port.siteLarge}`,
    },
  });
  let large;
  try {
    large = await measureSitemapAt(siteLarge.baseUrl);
  } finally {
    await siteLarge.stop();
  }
  const valid = (m) =>
    m.status === 200 && m.kind !== 'invalid' && m.urls > 0 && m.parts.every((part) => part.status === 200);
  const fast = (m) => m.worstFirstMs < FIRST_RENDER_GOAL_MS && m.cachedMs < CACHED_GOAL_MS;
  return {
    status: valid(small) && valid(large) && fast(large) ? 'met' : 'not met',
    small,
    large,
    note: 'web/lib/sitemap-data.ts: an index from the CMS counts, parts of 2,000 URLs from keyset reads (GET /api/sitemap/documents), cached per part under tags',
  };
}

export function sitemapGoal(sitemap, perLocale) {
  return {
    goal: `Sitemap: first render of the index and of any part < ${FIRST_RENDER_GOAL_MS} ms at ${perLocale}/locale; later requests < ${CACHED_GOAL_MS} ms (cache)`,
    status: sitemap.status,
    figures: sitemap.large
      ? {
          large: `${sitemap.large.kind} of ${sitemap.large.parts.length || sitemap.large.entries}, ${sitemap.large.urls} URLs`,
          worstFirstMs: sitemap.large.worstFirstMs,
          cachedMs: sitemap.large.cachedMs,
        }
      : sitemap,
  };
}

export function formatSitemap(sitemap, perLocale) {
  const line = (scale, m) =>
    `${perLocale[scale]}/locale ${m.kind}${m.kind === 'index' ? ` of ${m.parts.length} parts` : ''}, ${m.urls} URLs: first render ${m.kind === 'index' ? `index ${m.ms} ms, slowest part ${m.worstFirstMs} ms` : `${m.ms} ms`}; cached ≤ ${m.cachedMs} ms`;
  const rows = [`Sitemap: ${line('small', sitemap.small)}; ${line('large', sitemap.large)}`];
  for (const part of sitemap.large.parts)
    rows.push(
      `  ${part.path}: ${part.entries} URLs, ${part.bytes} B, first render ${part.ms} ms, cached ${part.cachedMs} ms`,
    );
  return rows.join('\n');
}
