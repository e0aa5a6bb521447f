import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/lib/chromium.cjs';
import {
  isPublished,
  seedArticles,
  seedCategories,
  seedCertificates,
  type SeedArticle,
} from '../../cms/tests/helpers/seed-data';

// What the reader site should show, derived from the seed files (never copied
// from them), and small helpers the browser test files share.

export type Locale = 'mn' | 'zh';
export const locales: Locale[] = ['mn', 'zh'];
export const other = (locale: Locale): Locale => (locale === 'mn' ? 'zh' : 'mn');

/** web/lib/strapi ARTICLES_PAGE_SIZE and FEED_SIZE. */
export const PAGE_SIZE = 10;
export const FEED_SIZE = 20;

/** The seed page's article, in both languages. */
export const seedArticle = seedArticles.find((article) => article.key === 'zhuanjingtexin-certificate-2019')!;
/** The certificate it links to (its scan is seeded). */
export const seedCertificate = seedCertificates.find(
  (certificate) => certificate.key === 'qingdao-zhuanjingtexin-2019',
)!;

export const publishedArticles = (locale: Locale): SeedArticle[] =>
  seedArticles
    .filter((article) => isPublished(article[locale]))
    // The site's order: newest first (no two seed articles share a day).
    .sort((a, b) => b.postedAt.localeCompare(a.postedAt));

export const publishedCertificates = (locale: Locale) => seedCertificates.filter((certificate) => certificate[locale]);

/** Published in `locale` only: not in the other language, or only as a draft there. */
export const oneLanguageArticles = (locale: Locale): SeedArticle[] =>
  publishedArticles(locale).filter((article) => !isPublished(article[other(locale)]));

export const pageCount = (count: number) => Math.max(1, Math.ceil(count / PAGE_SIZE));

export function categoryCounts(locale: Locale): Array<{ slug: string; name: string; count: number }> {
  return seedCategories.map((category) => ({
    slug: category[locale].slug,
    name: category[locale].name,
    count: publishedArticles(locale).filter((article) => article.category === category.key).length,
  }));
}

export const newsCategory = (locale: Locale) => seedCategories.find((category) => category.key === 'news')![locale];

export const notFoundTitle: Record<Locale, string> = { mn: 'Хуудас олдсонгүй', zh: '页面未找到' };
export const errorTitle: Record<Locale, string> = { mn: 'Түр алдаа гарлаа', zh: '暂时出错了' };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}

/**
 * Parses server HTML in a browser context without JavaScript: what a crawler
 * or a reader without JS gets, before any client code could change it.
 */
export async function serverDocument(context: BrowserContext, url: string) {
  const response = await fetch(url, { redirect: 'manual' });
  const html = await response.text();
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  return { status: response.status, headers: response.headers, html, page };
}
