import { sitemapSuite } from './sitemap.suite';

sitemapSuite('sqlite');
