// Cold renders (issue 15, goal 4): a crawler after a deploy asks for article pages no cache has
// yet. A fresh site instance on the large-scale CMS renders distinct articles of both locales,
// `concurrency` at a time; each page is rendered once, so every request reads the CMS.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The goal: distinct uncached article pages rendered per second on the bench machine. */
export const COLD_RENDER_GOAL = 25;
/** Article pages per locale rendered before the measured ones and not counted. */
const WARM_UP_PER_LOCALE = 10;

async function articleSlugs(cmsUrl, headers, locale, count) {
  const slugs = [];
  for (let page = 1; slugs.length < count; page += 1) {
    const query = `locale=${locale}&fields[0]=slug&sort[0]=postedAt:desc&pagination[page]=${page}&pagination[pageSize]=100`;
    const response = await fetch(`${cmsUrl}/api/articles?${query}`, { headers });
    if (!response.ok) throw new Error(`CMS article list (${locale}) answered ${response.status}`);
    const { data } = await response.json();
    if (data.length === 0) break;
    slugs.push(...data.map((article) => article.slug));
  }
  return slugs.slice(0, count);
}

/**
 * Starts a site on `cmsUrl` (the large scale, `perLocale` articles per locale), warms it on
 * WARM_UP_PER_LOCALE articles per locale and renders `perLocaleCount` other articles per locale.
 * Returns pages/s and latencies.
 */
export async function measureColdRender({
  startStandaloneSite,
  cmsUrl,
  token,
  perLocale,
  perLocaleCount,
  concurrency,
}) {
  const { freePort } = require('../lib/processes.cjs');
  const headers = { Authorization: `Bearer ${token}` };
  const paths = [];
  const warmUp = [];
  for (const locale of ['mn', 'zh']) {
    const slugs = await articleSlugs(cmsUrl, headers, locale, perLocaleCount + WARM_UP_PER_LOCALE);
    const toPath = (slug) => `/${locale}/news/${encodeURIComponent(slug)}`;
    paths.push(...slugs.slice(0, perLocaleCount).map(toPath));
    warmUp.push(...slugs.slice(perLocaleCount).map(toPath));
  }
  const port = await freePort();
  const site = await startStandaloneSite({
    port,
    name: 'site-cold',
    env: { STRAPI_URL: cmsUrl, STRAPI_READ_TOKEN: token, SITE_URL: `http://127.0.0.1:${port}` },
  });
  try {
    // Not counted: the JIT of the site and the CMS, the layout's shared reads (categories,
    // footer), the connection pools. Other articles than the measured ones, so those stay cold.
    for (const path of warmUp) await fetch(`${site.baseUrl}${path}`).then((r) => r.arrayBuffer());
    const queue = [...paths];
    const latencies = [];
    let errors = 0;
    const started = performance.now();
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const begun = performance.now();
        const response = await fetch(`${site.baseUrl}${next}`);
        await response.arrayBuffer();
        latencies.push(performance.now() - begun);
        if (response.status !== 200) errors += 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
    return {
      perLocale,
      pages: latencies.length,
      concurrency,
      pagesPerSecond: Number((latencies.length / seconds).toFixed(1)),
      p50: at(0.5),
      p99: at(0.99),
      errors,
    };
  } finally {
    await site.stop();
  }
}

export function coldRenderGoals(result) {
  const c = result.coldRender;
  if (!c) return [];
  return [
    {
      goal: `Cold render: >= ${COLD_RENDER_GOAL} distinct uncached article pages/s at ${c.perLocale} articles/locale`,
      status: c.errors === 0 && c.pagesPerSecond >= COLD_RENDER_GOAL ? 'met' : 'not met',
      figures: { pagesPerSecond: c.pagesPerSecond, pages: c.pages, concurrency: c.concurrency, errors: c.errors },
    },
  ];
}

export function formatColdRender(result) {
  const c = result.coldRender;
  if (!c) return [];
  return [
    `Cold render: ${c.pages} distinct article pages (both locales) at ${c.perLocale}/locale, ${c.concurrency} at a time, fresh site: ${c.pagesPerSecond} pages/s, p50 ${c.p50} ms, p99 ${c.p99} ms, ${c.errors} non-200`,
  ];
}
