import http from 'node:http';
import net from 'node:net';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/lib/chromium.cjs';
import { startSeededCms, type CmsInstance } from '../../cms/tests/helpers/cms-instance';
import { seedArticles } from '../../cms/tests/helpers/seed-data';
import { startSite, type SiteInstance } from './site';

/**
 * The bad-input matrix: malformed requests of every kind against the CMS API (on PostgreSQL,
 * the strict database: SQLite shrugs off what PostgreSQL answers with an error) and the built
 * site. Each must get a deliberate 4xx — or a redirect / a normal page where the request is
 * odd but harmless — and never a 5xx; both servers must be healthy afterwards.
 */

type Expect = 'client-error' | number[];
interface Case {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  expect?: Expect;
  /** Sent over a raw socket: bytes fetch() refuses to put in a URL. */
  raw?: boolean;
}

const seedArticle = seedArticles.find((article) => article.key === 'zhuanjingtexin-certificate-2019')!;
const kb = (n: number) => 'a'.repeat(n * 1024);
const repeat = (count: number, make: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => make(i)).join('&');

const badLocales = ['xx', '*', 'all', '..%2F..%2Fetc', '../', kb(10), 'mn%00', '%00', 'MN', 'mn-MN', ''];
const cmsLocaleCases: Case[] = [
  ...badLocales.map((locale) => ({
    name: `articles locale=${locale.slice(0, 20)}`,
    path: `/api/articles?locale=${locale}`,
  })),
  ...['xx', '*', kb(10)].flatMap((locale) => [
    { name: `certificates locale=${locale.slice(0, 20)}`, path: `/api/certificates?locale=${locale}` },
    { name: `categories locale=${locale.slice(0, 20)}`, path: `/api/categories?locale=${locale}` },
    { name: `global locale=${locale.slice(0, 20)}`, path: `/api/global?locale=${locale}` },
  ]),
  { name: 'locale as array', path: '/api/articles?locale[0]=mn&locale[1]=zh' },
  { name: 'locale as object', path: '/api/articles?locale[$ne]=mn' },
  { name: 'findOne with a bad locale', path: '/api/articles/abc?locale=../../' },
];

const cmsPaginationCases: Case[] = [
  ...['0', '-1', 'abc', '1e9', '1.5', '99999999999999999999', '0x10', ' 1', '%00'].map((page) => ({
    name: `page=${page}`,
    path: `/api/articles?locale=mn&pagination[page]=${page}`,
  })),
  ...['0', '-1', 'abc', '1e3'].map((size) => ({
    name: `pageSize=${size}`,
    path: `/api/articles?locale=mn&pagination[pageSize]=${size}`,
  })),
  { name: 'start=-1', path: '/api/articles?pagination[start]=-1' },
  { name: 'start=99999999999999999999', path: '/api/articles?pagination[start]=99999999999999999999' },
  { name: 'limit=-1 (Strapi: unlimited)', path: '/api/articles?pagination[start]=0&pagination[limit]=-1' },
  { name: 'limit=abc', path: '/api/articles?pagination[limit]=abc' },
  { name: 'page + limit mixed', path: '/api/articles?pagination[page]=1&pagination[limit]=5' },
  { name: 'page + start mixed', path: '/api/articles?pagination[page]=2&pagination[start]=5' },
  { name: 'pagination as a string', path: '/api/articles?pagination=10' },
  { name: 'withCount=maybe', path: '/api/articles?pagination[withCount]=maybe' },
];

const cmsFilterCases: Case[] = [
  { name: '30-deep $and', path: `/api/articles?filters${'[$and][0]'.repeat(30)}[slug][$eq]=x` },
  { name: '9-deep $and (under qs depth)', path: `/api/articles?filters${'[$and][0]'.repeat(9)}[slug][$eq]=x` },
  { name: '500-way $or', path: `/api/articles?${repeat(500, (i) => `filters[$or][${i}][id]=${i}`)}` },
  { name: '150-value $in', path: `/api/articles?${repeat(150, (i) => `filters[slug][$in][${i}]=s${i}`)}` },
  { name: 'unknown operator $foo', path: '/api/articles?filters[title][$foo]=x' },
  { name: 'unknown top-level operator', path: '/api/articles?filters[$where]=1' },
  { name: '$regex', path: '/api/articles?filters[title][$regex]=.*' },
  { name: '$jsonSupersetOf on text', path: '/api/articles?filters[title][$jsonSupersetOf]=x' },
  { name: '$or as a string', path: '/api/articles?filters[$or]=x' },
  { name: '$and with a string branch', path: '/api/articles?filters[$and][0]=x' },
  { name: '$not as a string', path: '/api/articles?filters[$not]=x' },
  { name: 'filters as a string', path: '/api/articles?filters=abc' },
  { name: 'id = abc', path: '/api/articles?filters[id][$eq]=abc' },
  { name: 'id > 1e999', path: '/api/articles?filters[id][$gt]=1e999' },
  { name: 'id beyond int32', path: '/api/articles?filters[id][$eq]=99999999999' },
  { name: 'relation id = abc', path: '/api/articles?filters[category][id][$eq]=abc' },
  { name: 'media id = x', path: '/api/articles?filters[cover][id][$eq]=x' },
  { name: 'populate filter id = abc', path: '/api/articles?populate[category][filters][id][$eq]=abc' },
  {
    name: 'populate fan-out 3 levels deep',
    path: '/api/categories?populate[articles][populate][category][populate][articles]=true',
  },
  {
    name: 'populate fan-out 8 levels deep',
    path: `/api/categories?populate${'[articles][populate][category][populate]'.repeat(4)}=*`,
  },
  { name: 'dotted populate 3 levels deep', path: '/api/articles?populate=category.articles.category' },
  { name: 'date = notadate', path: '/api/articles?filters[postedAt][$gt]=notadate' },
  { name: 'date 2022-13-45', path: '/api/certificates?filters[issuedOn][$eq]=2022-13-45' },
  { name: '$between with one value', path: '/api/articles?filters[title][$between]=a' },
  { name: '$null=maybe', path: '/api/articles?filters[title][$null]=maybe' },
  { name: 'blocks field filtered', path: '/api/articles?filters[body][$containsi]=x' },
  { name: 'nested $eq objects', path: '/api/articles?filters[title][$eq][$eq]=x' },
  { name: 'NUL in a filter value', path: '/api/articles?filters[title][$eq]=%00' },
  { name: 'NUL in $eqi', path: '/api/articles?filters[title][$eqi]=a%00b' },
  { name: 'NUL in an enumeration', path: '/api/certificates?filters[level][$eq]=%00' },
  { name: 'NUL in a key', path: '/api/articles?filters[title%00][$eq]=x' },
  { name: 'NUL in documentId', path: '/api/articles/%00abc' },
  { name: 'NUL in sort', path: '/api/articles?sort=title%00' },
  { name: 'control character \\x1b', path: '/api/articles?filters[slug][$eq]=%1b[31m' },
  { name: 'huge slug filter (10 kB)', path: `/api/articles?filters[slug][$eq]=${kb(10)}` },
  { name: 'huge documentId (10 kB)', path: `/api/articles/${kb(10)}` },
  { name: 'unknown query key', path: '/api/articles?foo=bar' },
  { name: 'private field filter', path: '/api/articles?filters[createdBy][email][$eq]=x' },
  { name: 'private field sort', path: '/api/articles?sort=updatedBy.email' },
  { name: 'private field populate', path: '/api/articles?populate=createdBy' },
  { name: 'bad sort order', path: '/api/articles?sort=title:sideways' },
  { name: 'unknown populate', path: '/api/articles?populate=nothing' },
  { name: 'unknown field', path: '/api/articles?fields[0]=nothing' },
  { name: 'invalid percent-encoding in a value', path: '/api/articles?filters[slug][$eq]=%ff%fe', expect: [200, 400] },
  { name: 'invalid UTF-8 sequence %c3%28', path: '/api/articles?filters[slug][$eq]=%c3%28', expect: [200, 400] },
  { name: 'invalid UTF-8 in the path', path: '/api/articles/%ff' },
  { name: 'overlong UTF-8 NUL in the path', path: '/api/articles/%c0%80' },
  { name: 'raw 0xff bytes in the query', path: '/api/articles?filters[slug][$eq]=\xff\xfe', raw: true },
  { name: 'raw 0xff bytes in the path', path: '/api/articles/\xff', raw: true },
];

const cmsOtherCases: Case[] = [
  {
    name: 'write to a read-only type',
    method: 'POST',
    path: '/api/articles',
    headers: { 'Content-Type': 'application/json' },
    body: '{"data":{"title":"x"}}',
  },
  {
    name: 'malformed JSON body',
    method: 'POST',
    path: '/api/articles',
    headers: { 'Content-Type': 'application/json' },
    body: '{"data":',
  },
  {
    name: 'JSON body over 1 MB',
    method: 'POST',
    path: '/api/articles',
    headers: { 'Content-Type': 'application/json' },
    body: `{"x":"${kb(1100)}"}`,
  },
  { name: 'DELETE a document', method: 'DELETE', path: '/api/articles/abc' },
  {
    name: 'admin login with operators',
    method: 'POST',
    path: '/admin/login',
    headers: { 'Content-Type': 'application/json' },
    body: '{"email":{"$ne":null},"password":{"$ne":null}}',
  },
  {
    name: 'admin login with an array',
    method: 'POST',
    path: '/admin/login',
    headers: { 'Content-Type': 'application/json' },
    body: '[1,2,3]',
  },
  {
    name: 'admin login with malformed JSON',
    method: 'POST',
    path: '/admin/login',
    headers: { 'Content-Type': 'application/json' },
    body: '{"email":',
  },
  {
    name: 'register through users-permissions',
    method: 'POST',
    path: '/api/auth/local/register',
    headers: { 'Content-Type': 'application/json' },
    body: '{"username":"x","email":"x@x.x","password":"Password123"}',
  },
  {
    name: 'public upload',
    method: 'POST',
    path: '/api/upload',
    headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
    body: '--x--',
  },
  { name: 'upload list', path: '/api/upload/files' },
  { name: 'users list', path: '/api/users' },
  { name: 'admin API without a token', path: '/content-manager/collection-types/api::article.article' },
  { name: 'API token with garbage', path: '/api/articles', headers: { Authorization: 'Bearer garbage' } },
  { name: 'Authorization with a 10 kB token', path: '/api/articles', headers: { Authorization: `Bearer ${kb(10)}` } },
  { name: 'cookie over the header limit', path: '/api/articles', headers: { Cookie: `a=${kb(20)}` } },
  { name: 'path traversal to .env', path: '/..%2f.env' },
  { name: 'path traversal in uploads', path: '/uploads/..%2f..%2fpackage.json' },
  {
    name: 'graphql (not installed)',
    method: 'POST',
    path: '/graphql',
    headers: { 'Content-Type': 'application/json' },
    body: '{"query":"{__schema{types{name}}}"}',
  },
];

const articlePath = `/mn/news/${seedArticle.mn!.slug}`;
const siteCases: Case[] = [
  ...['0', '-1', 'abc', '1e9', '99999999999', '1.5', '%00', '%ff', '02'].map((page) => ({
    name: `news page=${page}`,
    path: `/mn/news?page=${page}`,
  })),
  { name: 'news page twice', path: '/mn/news?page=1&page=2' },
  { name: 'news page past the end', path: '/zh/news?page=9999' },
  { name: 'news category unknown', path: '/mn/news?category=nope' },
  { name: 'news category 10 kB', path: `/mn/news?category=${kb(10)}` },
  { name: 'news category NUL', path: '/mn/news?category=%00' },
  { name: 'news category empty', path: '/mn/news?category=' },
  { name: 'news category twice', path: '/mn/news?category=a&category=b' },
  { name: 'unknown query key on the news list', path: `/mn/news?x=${kb(4)}`, expect: [200] },
  ...['xx', '*', '..%2F..%2Fetc%2Fpasswd', '%00', 'MN', kb(2)].map((locale) => ({
    name: `site locale ${locale.slice(0, 20)}`,
    path: `/${locale}`,
  })),
  { name: 'bad locale with a page', path: '/xx/news' },
  { name: 'article slug NUL', path: '/mn/news/%00' },
  { name: 'article slug invalid UTF-8', path: '/mn/news/%ff' },
  { name: 'article slug invalid UTF-8 sequence', path: '/mn/news/%c3%28' },
  { name: 'article slug 10 kB', path: `/mn/news/${kb(10)}` },
  { name: 'article slug with traversal', path: '/mn/news/..%2F..%2Fetc%2Fpasswd' },
  { name: 'article slug from the other locale', path: `/zh/news/${seedArticle.mn!.slug}` },
  { name: 'certificate slug 10 kB', path: `/zh/certificates/${kb(10)}` },
  { name: 'certificate slug NUL', path: '/zh/certificates/%00' },
  { name: 'deep unknown path', path: '/mn/a/b/c/d/e/f' },
  { name: 'raw 0xff bytes in the path', path: '/mn/news/\xff\xfe', raw: true },
  { name: 'POST to a page', method: 'POST', path: '/mn', body: 'x=1' },
  { name: 'DELETE a page', method: 'DELETE', path: articlePath },
  { name: 'PUT the news list', method: 'PUT', path: '/mn/news', body: '{}' },
  { name: 'POST to /', method: 'POST', path: '/' },
  {
    name: 'server action with a bogus id',
    method: 'POST',
    path: '/mn',
    headers: { 'Next-Action': 'abc', 'Content-Type': 'text/plain' },
    body: '[]',
  },
  {
    name: 'x-middleware-subrequest (proxy)',
    path: '/mn',
    headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
    expect: [200],
  },
  {
    name: 'x-middleware-subrequest (middleware)',
    path: articlePath,
    headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
    expect: [200],
  },
  {
    name: 'x-middleware-subrequest (src/middleware)',
    path: '/mn/news',
    headers: {
      'x-middleware-subrequest': 'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
    },
    expect: [200],
  },
  {
    name: 'x-middleware-subrequest on a bad page',
    path: '/mn/news?page=0',
    headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
  },
  {
    name: 'garbage router state tree',
    path: '/mn',
    headers: { RSC: '1', 'Next-Router-State-Tree': 'garbage' },
    expect: [200, 307],
  },
  { name: 'Accept-Language 8 kB', path: '/', headers: { 'Accept-Language': kb(8) }, expect: [307] },
  { name: 'Accept-Language garbage', path: '/', headers: { 'Accept-Language': '*;q=abc,,;;,zh;q=-1' }, expect: [307] },
  { name: 'cookie over the header limit', path: '/mn', headers: { Cookie: `a=${kb(20)}` } },
  {
    name: 'foreign Host',
    path: '/mn',
    headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' },
    expect: [200],
  },
  { name: 'image from a foreign host', path: '/_next/image?url=https%3A%2F%2Fevil.example%2Fx.png&w=64&q=75' },
  { name: 'image protocol-relative', path: '/_next/image?url=%2F%2Fevil.example%2Fx.png&w=64&q=75' },
  { name: 'image file: URL', path: '/_next/image?url=file%3A%2F%2F%2Fetc%2Fpasswd&w=64&q=75' },
  { name: 'image javascript: URL', path: '/_next/image?url=javascript%3Aalert(1)&w=64&q=75' },
  { name: 'image local non-image', path: '/_next/image?url=%2Fmn&w=64&q=75' },
  { name: 'image local traversal', path: '/_next/image?url=%2F..%2F..%2Fetc%2Fpasswd&w=64&q=75' },
  { name: 'image without url', path: '/_next/image' },
  {
    name: 'image from a closed port of the CMS host',
    path: '/_next/image?url=http%3A%2F%2F127.0.0.1%3A1%2Fuploads%2Fx.png&w=64&q=75',
  },
  { name: 'image from the CMS outside /uploads/', path: '/_next/image?url={cms}%2Fadmin%2Fx.png&w=64&q=75' },
  { name: 'image from the CMS through ../', path: '/_next/image?url={cms}%2Fuploads%2F..%2Fadmin%2Fx.png&w=64&q=75' },
  {
    name: 'image with credentials',
    path: '/_next/image?url=http%3A%2F%2Fu%3Ap%40127.0.0.1%2Fuploads%2Fx.png&w=64&q=75',
  },
  { name: 'image width abc', path: '/_next/image?url=%2Fx.png&w=abc&q=75' },
  { name: 'image width 99999', path: '/_next/image?url=%2Fx.png&w=99999&q=75' },
  { name: 'image quality 0', path: '/_next/image?url=%2Fx.png&w=64&q=0' },
  { name: 'static file traversal', path: '/_next/static/..%2f..%2f..%2fpackage.json' },
  {
    name: 'revalidate without a secret',
    method: 'POST',
    path: '/api/revalidate',
    headers: { 'Content-Type': 'application/json' },
    body: '{"model":"article"}',
    expect: [401, 404, 405],
  },
  {
    name: 'revalidate with a wrong secret',
    method: 'POST',
    path: '/api/revalidate',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer wrong' },
    body: '{"model":"article"}',
    expect: [401, 404, 405],
  },
  {
    name: 'revalidate with a 10 kB secret',
    method: 'POST',
    path: `/api/revalidate?secret=${kb(10)}`,
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    expect: [401, 404, 405],
  },
  { name: 'revalidate with GET', path: '/api/revalidate?secret=wrong&tag=articles:mn', expect: [401, 404, 405] },
  {
    name: 'revalidate with malformed JSON',
    method: 'POST',
    path: '/api/revalidate',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer wrong' },
    body: '{"model":',
    expect: [400, 401, 404, 405],
  },
  {
    name: 'preview without a signature',
    path: `/api/preview?slug=${seedArticle.mn!.slug}&locale=mn`,
    expect: [400, 401, 404],
  },
  {
    name: 'preview with a forged signature',
    path: `/api/preview?uid=api::article.article&documentId=x&locale=mn&expires=9999999999&signature=${'0'.repeat(64)}`,
    expect: [400, 401, 404],
  },
  { name: 'preview with a 10 kB signature', path: `/api/preview?signature=${kb(10)}`, expect: [400, 401, 404] },
  {
    name: 'draft mode without a secret',
    path: `/api/draft?slug=${seedArticle.mn!.slug}&locale=mn`,
    expect: [401, 404, 405],
  },
  {
    name: 'draft mode with a wrong secret',
    path: `/api/draft?secret=wrong&slug=${seedArticle.mn!.slug}&locale=mn`,
    expect: [401, 404, 405],
  },
  {
    name: 'draft mode with an open redirect',
    path: '/api/draft?secret=wrong&redirect=https%3A%2F%2Fevil.example',
    expect: [400, 401, 404, 405],
  },
  { name: 'draft mode with NUL', path: '/api/draft?secret=%00&slug=%00', expect: [400, 401, 404, 405] },
];

/**
 * Every query parameter and path segment the site reads, each with the values that broke
 * something once: control characters (a 500 from the CMS's 400, or from a Location header),
 * CR/LF, characters beyond Latin-1, invalid UTF-8, over-long values, and the key repeated.
 * `{cms}` in a path is the CMS's origin, percent-encoded (an upload URL the optimizer accepts).
 */
const HOSTILE_VALUES: Array<[string, string]> = [
  ['SOH', '%01'],
  ['NUL', '%00'],
  ['CR LF', '%0d%0aSet-Cookie:%20x=1'],
  ['tab before a host', '/%09/evil.example/x'],
  ['DEL', '%7f'],
  ['C1 CSI', '%c2%9b'],
  ['bidi override', '%e2%80%ae'],
  ['lone surrogate', '%ed%a0%80'],
  ['invalid UTF-8', '%ff%fe'],
  ['beyond Latin-1', encodeURIComponent('монгол证😀')],
  [']]> and <', encodeURIComponent(']]><x>&amp;')],
  ['10 kB', kb(10)],
];
const READ_PARAMETERS: Array<{ where: string; param: string; prefix?: string; expect: Expect }> = [
  { where: '/mn/news', param: 'page', expect: 'client-error' },
  { where: '/mn/news', param: 'category', expect: 'client-error' },
  { where: '/zh/news?page=1', param: 'category', expect: 'client-error' },
  // A search answers every query with a page (a message for what it cannot run).
  { where: '/mn/search', param: 'q', expect: [200] },
  { where: '/zh/search?q=x', param: 'page', expect: [200] },
  // The exit link always leaves for a path on this site.
  { where: '/api/preview/exit', param: 'to', expect: [307] },
  { where: '/api/preview/exit', param: 'to', prefix: '/mn/', expect: [307] },
  { where: '/_next/image?w=640&q=75', param: 'url', expect: 'client-error' },
  { where: '/_next/image?url={cms}%2Fuploads%2Fx.png&q=75', param: 'w', expect: 'client-error' },
  { where: '/_next/image?url={cms}%2Fuploads%2Fx.png&w=640', param: 'q', expect: 'client-error' },
  { where: '/api/preview?uid=api::article.article&locale=mn', param: 'signature', expect: [400, 401, 404] },
  { where: '/api/preview?signature=x', param: 'documentId', expect: [400, 401, 404] },
];
const withParam = (where: string, param: string, value: string) =>
  `${where}${where.includes('?') ? '&' : '?'}${param}=${value}`;
const READ_SEGMENTS: Array<{ path: (value: string) => string; expect: Expect }> = [
  { path: (v) => `/${v}`, expect: 'client-error' },
  { path: (v) => `/mn/news/${v}`, expect: 'client-error' },
  { path: (v) => `/zh/certificates/${v}`, expect: 'client-error' },
  { path: (v) => `/mn/${v}`, expect: 'client-error' },
  { path: (v) => `/mn/${v}/deeper`, expect: 'client-error' },
  { path: (v) => `/${v}/feed.xml`, expect: 'client-error' },
  { path: (v) => `/sitemaps/${v}`, expect: 'client-error' },
  { path: (v) => `/sitemaps/${v}.xml`, expect: 'client-error' },
  { path: (v) => `/mn/news/list/${v}`, expect: 'client-error' },
  { path: (v) => `/mn/news/list/1/${v}`, expect: 'client-error' },
];
const inputMatrixCases: Case[] = [
  ...READ_PARAMETERS.flatMap(({ where, param, prefix = '', expect }) => [
    ...HOSTILE_VALUES.map(([name, value]) => ({
      name: `${where} ${param}: ${prefix}${name}`,
      path: withParam(where, param, `${encodeURIComponent(prefix)}${value}`),
      expect,
    })),
    { name: `${where} ${param}: repeated`, path: withParam(withParam(where, param, 'a'), param, 'b'), expect },
    { name: `${where} ${param}: empty`, path: withParam(where, param, ''), expect },
  ]),
  ...READ_SEGMENTS.flatMap(({ path, expect }) =>
    HOSTILE_VALUES.filter(([name]) => name !== 'tab before a host').map(([name, value]) => ({
      name: `${path('…')}: ${name}`,
      path: path(value.replaceAll('/', '%2F')),
      expect,
    })),
  ),
];

/** Sends `request` over a plain socket and returns the status of the answer (0: closed without one). */
function rawStatus(port: number, method: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.write(Buffer.from(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'latin1'));
    });
    let received = '';
    socket.setTimeout(30_000, () => socket.destroy(new Error(`no answer to ${path}`)));
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1] ?? 0)));
  });
}

const CASE_COUNT =
  cmsLocaleCases.length +
  cmsPaginationCases.length +
  cmsFilterCases.length +
  cmsOtherCases.length +
  siteCases.length +
  inputMatrixCases.length;

describe(`bad input (${CASE_COUNT} cases): the CMS API on PostgreSQL and the built site`, () => {
  let cms: CmsInstance;
  let site: SiteInstance;
  const serverErrors: string[] = [];

  beforeAll(async () => {
    cms = await startSeededCms('postgres');
    site = await startSite(cms);
  }, 300_000);

  afterAll(async () => {
    await site?.stop();
    await cms?.stop();
  }, 60_000);

  const fire = async (baseUrl: string, testCase: Case) => {
    let status: number;
    if (testCase.raw) {
      status = await rawStatus(Number(new URL(baseUrl).port), testCase.method ?? 'GET', testCase.path);
    } else {
      const path = testCase.path.replaceAll('{cms}', encodeURIComponent(cms.baseUrl));
      const response = await fetch(`${baseUrl}${path}`, {
        method: testCase.method ?? 'GET',
        headers: testCase.headers,
        body: testCase.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      status = response.status;
    }
    if (status >= 500 || status === 0)
      serverErrors.push(`${status} ${testCase.method ?? 'GET'} ${testCase.path.slice(0, 120)}`);
    return status;
  };
  const check = (status: number, expected: Expect = 'client-error') => {
    if (expected === 'client-error') {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    } else {
      expect(expected).toContain(status);
    }
  };

  test('there are at least 100 cases', () => {
    expect(CASE_COUNT).toBeGreaterThanOrEqual(100);
  });

  describe.each([
    ['CMS locale', cmsLocaleCases],
    ['CMS pagination', cmsPaginationCases],
    ['CMS filters and encoding', cmsFilterCases],
    ['CMS writes, auth and paths', cmsOtherCases],
  ] as const)('%s', (_group, cases) => {
    test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
      check(await fire(cms.baseUrl, testCase), testCase.expect);
    });
  });

  describe('site', () => {
    test.each(siteCases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
      check(await fire(site.baseUrl, testCase), testCase.expect);
    });
  });

  describe('site: every parameter and path segment it reads', () => {
    test.each(inputMatrixCases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
      check(await fire(site.baseUrl, testCase), testCase.expect);
    });

    test('the preview exit never leads off the site, even in Chromium', async () => {
      const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        // Nothing leaves the machine: a request to another host fails instead of being made.
        await page.route(
          (url) => url.origin !== site.baseUrl,
          (route) => route.abort(),
        );
        for (const to of ['/%09/evil.example/x', '/%5Cevil.example', '/.//evil.example', '%0d%0a//evil.example']) {
          await page.goto(`${site.baseUrl}/api/preview/exit?to=${to}`).catch(() => undefined);
          expect(new URL(page.url()).origin).toBe(site.baseUrl);
        }
      } finally {
        await browser.close();
      }
    });

    test('a change notice past 64 kB is refused with 413 while it streams in, without Content-Length', async () => {
      const total = 300 * 1024 * 1024;
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const { status, sent } = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
        let sent = 0;
        let answered = false;
        const request = http.request(`${site.baseUrl}/api/revalidate`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        });
        request.on('response', (response) => {
          answered = true;
          response.resume();
          resolve({ status: response.statusCode ?? 0, sent });
          request.destroy();
        });
        request.on('error', (error) => {
          if (!answered) reject(error);
        });
        const write = () => {
          while (!answered && sent < total) {
            sent += chunk.length;
            if (!request.write(chunk)) return void request.once('drain', write);
          }
          if (!answered) request.end();
        };
        write();
      });
      expect(status).toBe(413);
      // Refused long before the whole body was sent.
      expect(sent).toBeLessThan(total);
    });
  });

  test('no case got a 5xx, and both servers are healthy afterwards', async () => {
    expect(serverErrors).toEqual([]);
    expect((await fetch(`${cms.baseUrl}/_health`)).status).toBe(204);
    expect((await fetch(`${cms.baseUrl}/api/ready`)).status).toBe(200);
    const articles = await fetch(`${cms.baseUrl}/api/articles?locale=mn&filters[slug][$eq]=${seedArticle.mn!.slug}`);
    expect(((await articles.json()) as { data: Array<{ title: string }> }).data[0]!.title).toBe(seedArticle.mn!.title);
    const page = await fetch(`${site.baseUrl}${articlePath}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(seedArticle.mn!.title);
  });

  describe('site security headers', () => {
    test.each(['/mn', '/zh/news', articlePath, '/mn/certificates', '/xx', '/mn/a/b/c'])(
      '%s carries the CSP and the fixed headers',
      async (path) => {
        const response = await fetch(`${site.baseUrl}${path}`);
        const html = await response.text();
        const csp = response.headers.get('content-security-policy') ?? '';
        // Scripts: this origin only (inline allowed: lib/security/csp.ts says why), no eval, no inline handlers.
        expect(/script-src ([^;]*)/.exec(csp)?.[1]).toBe("'self' 'unsafe-inline'");
        expect(csp).toContain("script-src-attr 'none'");
        expect(csp).toContain("default-src 'self'");
        // Framed by the site only: the CMS admin may frame preview pages alone (admin-preview.test.ts).
        expect(csp).toMatch(/frame-ancestors 'self'(;|$)/);
        expect(csp).toContain("object-src 'none'");
        expect(csp).toContain("base-uri 'self'");
        expect(csp).toContain("form-action 'self'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
        expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
        expect(response.headers.get('x-powered-by')).toBeNull();
        expect(html).not.toContain(cms.siteReadToken);
      },
    );

    test.each([
      'proxy:proxy:proxy:proxy:proxy',
      'middleware:middleware:middleware:middleware:middleware',
      'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
    ])('x-middleware-subrequest: %s does not skip proxy.ts', async (value) => {
      const response = await fetch(`${site.baseUrl}${articlePath}`, { headers: { 'x-middleware-subrequest': value } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("object-src 'none'");
      const post = await fetch(`${site.baseUrl}/mn`, { method: 'POST', headers: { 'x-middleware-subrequest': value } });
      expect(post.status).toBe(405);
    });

    test('in Chromium the page hydrates under the CSP; injected handlers and foreign scripts are blocked', async () => {
      const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        const messages: string[] = [];
        page.on('console', (message) => messages.push(message.text()));
        await page.addInitScript(() => {
          (window as unknown as { __violations: string[] }).__violations = [];
          document.addEventListener('securitypolicyviolation', (event) =>
            (window as unknown as { __violations: string[] }).__violations.push(
              `${event.violatedDirective} ${event.blockedURI}`,
            ),
          );
        });
        const response = await page.goto(`${site.baseUrl}${articlePath}`, { waitUntil: 'networkidle' });
        expect(response?.status()).toBe(200);
        // Hydrated: React attached its root to the document.
        await page.waitForFunction(() =>
          Object.keys(document.getElementById('content') ?? {}).some((key) => key.startsWith('__react')),
        );
        // Injected markup, as an XSS would bring it: its inline handler does not run, and a
        // script from another origin is not loaded.
        await page.evaluate(() => {
          document.body.insertAdjacentHTML(
            'beforeend',
            '<img src="data:," onerror="window.__injected = true" onload="window.__injected = true">',
          );
          const foreign = document.createElement('script');
          foreign.src = 'https://evil.example/steal.js';
          document.body.appendChild(foreign);
        });
        await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0);
        expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
        const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
        // The only violations are the injected handler and the foreign script.
        await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length >= 2);
        expect(
          [
            ...new Set(
              violations.concat(
                await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
              ),
            ),
          ].sort(),
        ).toEqual(['script-src-attr inline', 'script-src-elem https://evil.example/steal.js']);
        expect(
          messages.filter(
            (text) => /Content Security Policy/i.test(text) && !/inline event handler|evil\.example/i.test(text),
          ),
        ).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });
});
