import fs from 'node:fs';
import path from 'node:path';
import { adminClient, type AdminClient } from '../../cms/tests/helpers/admin-api';
import { until } from '../../cms/tests/helpers/poll';
import { type FrontedSite, setUpFrontedSite } from './site';

// The production front (deploy/nginx/, nginx micro-caching pages for 1-2 s) after a publish:
// the site's publish hook refreshes the changed pages in nginx's cache itself, so readers do not
// wait out the micro-cache. Observed in nginx's cache directory, which only a request through
// the front can fill: a page no reader has asked the front for is there, fresh, after a publish.

describe('a publish refreshes the pages in the production front', () => {
  // As in production (docker-compose.yml): notices reach the site through the front.
  const stack = setUpFrontedSite({ noticesThroughFront: true });
  let front: FrontedSite['front'];
  let frontUrl: string;
  let admin: AdminClient;

  /** nginx's cached copy of `pagePath` (its file names the key, e.g. KEY: http127.0.0.1/mn/news), or undefined. */
  const cachedCopy = (pagePath: string): string | undefined => {
    const key = `\nKEY: http127.0.0.1${pagePath}\n`;
    const files = fs
      .readdirSync(path.join(front.dir, 'cache', 'pages'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile());
    for (const file of files) {
      let text: string;
      try {
        text = fs.readFileSync(path.join(file.parentPath, file.name), 'latin1');
      } catch (error) {
        // nginx writes a copy under a temporary name and renames it: one listed a moment ago may be gone.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      if (text.includes(key)) return Buffer.from(text, 'latin1').toString('utf8');
    }
    return undefined;
  };

  beforeAll(async () => {
    ({ front, frontUrl } = stack);
    admin = await adminClient(stack.cms);
  });

  test('the new article and the news list are in the front, fresh, before any reader asks for them', async () => {
    const stamp = Date.now();
    const title = `Урдын кэш ${stamp}`;
    const slug = `front-refresh-${stamp}`;
    // A reader has the list cached in the front, without the article.
    const before = await fetch(`${frontUrl}/mn/news`);
    expect(before.status).toBe(200);
    expect(await before.text()).not.toContain(title);
    expect(cachedCopy('/mn/news')).toBeDefined();
    expect(cachedCopy(`/mn/news/${slug}`)).toBeUndefined();

    const articles = '/content-manager/collection-types/api::article.article';
    const created = await admin('POST', `${articles}?locale=mn`, { title, slug });
    await admin('POST', `${articles}/${created.data.documentId}/actions/publish?locale=mn`, { title, locale: 'mn' });

    // Nobody requests these through the front: only the site's refresh can put them there.
    const article = await until(
      'the article page in the front cache',
      () => cachedCopy(`/mn/news/${slug}`)?.includes(title) && cachedCopy(`/mn/news/${slug}`),
      { timeoutMs: 20_000 },
    );
    expect(article).toMatch(/^HTTP\/1\.1 200/m);
    // One identity copy per page, compressed for each reader by nginx (as the template says).
    expect(article).not.toMatch(/^Content-Encoding:/im);
    await until('the fresh news list in the front cache', () => cachedCopy('/mn/news')?.includes(title), {
      timeoutMs: 20_000,
    });
    await until('the feed in the front cache', () => cachedCopy('/mn/feed.xml')?.includes(title), {
      timeoutMs: 20_000,
    });

    // Readers now get them from the cache (no MISS: the front had them) with the new title.
    for (const pagePath of [`/mn/news/${slug}`, '/mn/news']) {
      const response = await fetch(`${frontUrl}${pagePath}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(title);
      expect(response.headers.get('x-cache')).not.toBe('MISS');
    }
  });
});
