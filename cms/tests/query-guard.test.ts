import qs from 'qs';
import { BadQueryError, QueryValidator, type AttributeInfo } from '../src/query-guard/validate';
import articleSchema from '../src/api/article/content-types/article/schema.json';
import categorySchema from '../src/api/category/content-types/category/schema.json';
import certificateSchema from '../src/api/certificate/content-types/certificate/schema.json';
import seoSchema from '../src/components/shared/seo.json';

// The real schemas, as Strapi would hand them to the guard (plus the upload file's few fields).
const schemas: Record<string, Record<string, AttributeInfo>> = {
  'api::article.article': articleSchema.attributes as Record<string, AttributeInfo>,
  'api::category.category': categorySchema.attributes as Record<string, AttributeInfo>,
  'api::certificate.certificate': certificateSchema.attributes as Record<string, AttributeInfo>,
  'shared.seo': seoSchema.attributes as Record<string, AttributeInfo>,
  'plugin::upload.file': { name: { type: 'string' }, size: { type: 'decimal' }, width: { type: 'integer' } },
};
const validator = new QueryValidator((uid) => schemas[uid]);
// Strapi's own qs settings (strapi::query).
const parse = (query: string) =>
  qs.parse(query, { strictNullHandling: true, arrayLimit: 100, depth: 20 }) as Record<string, unknown>;
const check = (query: string) => validator.validate('api::article.article', parse(query), ['mn', 'zh']);

describe('query guard: what passes', () => {
  test.each([
    '',
    'locale=mn',
    'locale=zh&pagination[page]=2&pagination[pageSize]=10&sort[0]=postedAt:desc',
    'pagination[start]=0&pagination[limit]=1000',
    'filters[slug][$eq]=mergeshsen-tusgai',
    'filters[slug]=plain-equality',
    'filters[id][$in][0]=1&filters[id][$in][1]=2',
    'filters[category][slug][$eq]=medee',
    'filters[$or][0][title][$containsi]=%E8%AF%81%E4%B9%A6&filters[$or][1][summary][$containsi]=x',
    'filters[$not][slug][$eq]=x',
    'filters[postedAt][$between][0]=2020-01-01&filters[postedAt][$between][1]=2022-12-31',
    'filters[title][$null]=true',
    'filters[cover][width][$gt]=100',
    'filters[seo][metaTitle][$eq]=x',
    'populate[category][fields][0]=name&populate[certificates][filters][level][$eq]=national',
    'populate=*',
    'populate[category][populate][articles][fields][0]=title',
    'populate=category.articles',
    'populate[0]=category&populate[1]=cover',
    'populate[seo][populate]=*',
    'filters[createdBy][email][$eq]=x', // private: left to Strapi, which answers 400 with the key's name
  ])('%s', (query) => {
    expect(() => check(query)).not.toThrow();
  });
});

describe('query guard: what is a 400', () => {
  test.each([
    ['locale=xx', /locale must be one of mn, zh/],
    ['locale=*', /locale/],
    ['locale[0]=mn', /locale/],
    ['locale=..%2F..%2Fetc', /locale/],
    [`locale=${'a'.repeat(10_000)}`, /longer than 1024/],
    ['filters[title][$eq]=%00', /Control characters/],
    ['filters[title%00][$eq]=x', /Invalid key/],
    ['pagination[page]=0', /pagination\[page\]/],
    ['pagination[page]=-1', /pagination\[page\]/],
    ['pagination[page]=abc', /pagination\[page\]/],
    ['pagination[page]=1e9', /pagination\[page\]/],
    ['pagination[page]=100001', /pagination\[page\]/],
    ['pagination[pageSize]=0', /pagination\[pageSize\]/],
    ['pagination[limit]=-1', /pagination\[limit\]/],
    ['pagination[start]=-5', /pagination\[start\]/],
    ['pagination=5', /pagination must be an object/],
    ['pagination[withCount]=maybe', /withCount/],
    ['filters[id][$eq]=abc', /Expected an integer/],
    ['filters[id][$eq]=99999999999', /Expected an integer/],
    ['filters[category][id][$in][0]=1&filters[category][id][$in][1]=x', /Expected an integer/],
    ['filters[cover][size][$gt]=1e999', /Expected a number/],
    ['filters[title][$jsonSupersetOf]=x', /Unknown operator \$jsonSupersetOf/],
    ['filters[$where]=1', /Unknown operator \$where/],
    ['filters[title][$between]=a', /\$between takes exactly two values/],
    ['filters[title][$null]=maybe', /\$null takes true or false/],
    ['filters[postedAt][$containsi]=2022', /only applies to text fields/],
    ['filters[body][$containsi]=x', /blocks cannot be filtered/],
    ['filters[$or]=x', /\$or must be a list/],
    ['filters[$and][0]=x', /Filters must be an object/],
    ['filters[$not]=x', /Filters must be an object/],
    ['filters[title][$eq][$eq]=x', /plain values/],
    ['populate[category][filters][id][$eq]=abc', /Expected an integer/],
    ['populate[certificates][populate][articles][filters][$or]=x', /\$or must be a list/],
    // The fan-out the content model allows: article → category → articles → category…
    ['populate[category][populate][articles][populate][category]=true', /at most 2 levels deep/],
    ['populate[category][populate][articles][populate]=*', /at most 2 levels deep/],
    [`populate${'[category][populate][articles][populate]'.repeat(4)}[category]=true`, /at most 2 levels deep/],
    ['populate=category.articles.category', /at most 2 levels deep/],
    ['populate[0]=category.articles.category', /at most 2 levels deep/],
    ['populate[category][populate]=articles.category', /at most 2 levels deep/],
    ['populate[certificates][populate][articles][populate][certificates][fields][0]=name', /at most 2 levels/],
  ])('%s', (query, message) => {
    expect(() => check(query)).toThrow(BadQueryError);
    expect(() => check(query)).toThrow(message);
  });

  test('a 500-way $or, a 150-value $in and 30 nested $and are refused', () => {
    const or = Array.from({ length: 500 }, (_, i) => `filters[$or][${i}][slug][$eq]=s${i}`).join('&');
    expect(() => check(or)).toThrow(BadQueryError);
    const list = Array.from({ length: 150 }, (_, i) => `filters[slug][$in][${i}]=s${i}`).join('&');
    expect(() => check(list)).toThrow(BadQueryError);
    const deep = `filters${'[$and][0]'.repeat(30)}[slug][$eq]=x`;
    expect(() => check(deep)).toThrow(BadQueryError);
    const nested = (depth: number): object => (depth === 0 ? { slug: 'x' } : { $and: [nested(depth - 1)] });
    expect(() => validator.validate('api::article.article', { filters: nested(9) }, ['mn'])).toThrow(
      /nested too deeply/,
    );
    expect(() => validator.validate('api::article.article', { filters: nested(5) }, ['mn'])).not.toThrow();
  });
});
