import fs from 'node:fs';
import path from 'node:path';
import { locales } from '@medee/contract';
import { getDictionary, siteMessages } from '@/lib/i18n/dictionaries';

// Every language's site.json has the default language's keys, and each message takes the same
// values ({title}, {count}, …): a new language's dictionary is checked here, not by a reader.

type Messages = { [key: string]: string | Messages };

/** key path → the names of the values the message takes. */
function shape(messages: Messages, prefix = ''): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(messages).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${key}`, [...new Set([...value.matchAll(/\{\s*(\w+)/g)].map((match) => match[1]!))].sort()]]
        : Object.entries(shape(value, `${prefix}${key}.`)),
    ),
  );
}

const defaultShape = shape(siteMessages('mn') as unknown as Messages);

describe('site dictionaries', () => {
  it.each(locales)('%s/site.json has the keys and message values of mn', (locale) => {
    expect(shape(siteMessages(locale) as unknown as Messages)).toEqual(defaultShape);
  });

  it('the test locale pack (en) has them too', () => {
    const pack = path.join(__dirname, '..', '..', 'tests', 'e2e', 'fixtures', 'locale-pack-en', 'site.json');
    expect(shape(JSON.parse(fs.readFileSync(pack, 'utf8')))).toEqual(defaultShape);
  });

  it('formats the messages that take values', () => {
    expect(getDictionary('mn').news.pagedTitle({ title: 'Бүх мэдээ', page: 2 })).toBe('Бүх мэдээ (2)');
    expect(getDictionary('zh').search.resultCount({ text: '证书', count: 3 })).toBe('“证书”：共找到 3 条新闻。');
    expect(getDictionary('mn').error.retry).toBe('Дахин оролдох');
  });
});
