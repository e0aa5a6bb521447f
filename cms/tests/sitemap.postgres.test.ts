import { sitemapSuite } from './sitemap.suite';

sitemapSuite('postgres');
