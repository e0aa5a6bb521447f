// Each saved page (pages/<name>.html, written by scripts/bench/baseline.mjs) as a static route:
// prerendered at build and served from Next's cache, the way medee serves a cached page.
import fs from 'node:fs';
import path from 'node:path';

export const dynamic = 'force-static';

const pagesDir = path.join(process.cwd(), 'pages');

export function generateStaticParams() {
  return fs.readdirSync(pagesDir).map((file) => ({ page: path.basename(file, '.html') }));
}

export async function GET(_request, { params }) {
  const { page } = await params;
  return new Response(fs.readFileSync(path.join(pagesDir, `${page}.html`)), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
}
