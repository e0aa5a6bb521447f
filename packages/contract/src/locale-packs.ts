import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LOCALE_CODE_PATTERN, LOCALE_TAG_PATTERN, type LocaleDefinition } from './locale-definition';

const localeDefinitionSchema = z.object({
  code: z.string().regex(LOCALE_CODE_PATTERN),
  tag: z.string().regex(LOCALE_TAG_PATTERN),
  nativeName: z.string().min(1),
  englishName: z.string().min(1),
  direction: z.enum(['ltr', 'rtl']),
  writingMode: z.enum(['horizontal-tb', 'vertical-lr', 'vertical-rl']),
}) satisfies z.ZodType<Omit<LocaleDefinition, 'isDefault'>>;

// A locale pack is a directory that adds one language without touching the code: `locale.json`
// (its LocaleDefinition), `site.json` (the site's dictionary) and `seed/` (seed variants by
// document key). MEDEE_LOCALE_PACKS lists pack directories (path.delimiter-separated); the tests
// use it to prove that a third language needs nothing else. Node only.

export interface LocalePack {
  dir: string;
  locale: LocaleDefinition;
}

let cached: { value: string; packs: LocalePack[] } | undefined;

export function localePacks(): LocalePack[] {
  const value = process.env.MEDEE_LOCALE_PACKS ?? '';
  if (cached?.value === value) return cached.packs;
  const packs = value
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => {
      const file = path.join(path.resolve(dir), 'locale.json');
      const locale = localeDefinitionSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
      return { dir: path.resolve(dir), locale: { ...locale, isDefault: false } };
    });
  cached = { value, packs };
  return packs;
}

/** A file of `code`'s pack (e.g. "site.json", "seed/articles.json"), parsed; undefined when no pack has it. */
export function readPackFile(code: string, name: string): unknown {
  const pack = localePacks().find((candidate) => candidate.locale.code === code);
  if (!pack) return undefined;
  const file = path.join(pack.dir, name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}
