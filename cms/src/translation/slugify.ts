import { SLUG_MAX_LENGTH } from '@medee/contract';
import { pinyin } from 'pinyin-pro';

/**
 * Mongolian Cyrillic → Latin after MNS 5217:2012, folded to ASCII the way Mongolian slugs,
 * passports and the seed data write it: ө and ү become "u" (the printed standard has ö and ü),
 * й, ъ and ь become "i".
 */
const MONGOLIAN_CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'ye',
  ё: 'yo',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  ө: 'u',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'i',
  ы: 'y',
  ь: 'i',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

export function transliterateMongolian(text: string): string {
  let out = '';
  for (const char of text.toLowerCase()) out += MONGOLIAN_CYRILLIC[char] ?? char;
  return out;
}

/** Hanzi → toneless pinyin, one word per syllable; other characters are kept as they are. */
export function toPinyin(text: string): string {
  // ü keeps its diaeresis here and is folded to "u" by slugify (战略 → zhan-lue), as the seed data writes it.
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ');
}

/** Room kept for a collision suffix such as "-12". */
const SUFFIX_ROOM = 6;

/**
 * A readable, lower-case, hyphenated ASCII slug of `text`. Chinese becomes pinyin, Mongolian
 * Cyrillic is transliterated; both are applied whatever the locale, so a Chinese title quoting a
 * Mongolian name still reads. Returns '' when nothing readable is left.
 */
export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  const latin = transliterateMongolian(toPinyin(text))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const slug = latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const limit = Math.max(1, maxLength - SUFFIX_ROOM);
  if (slug.length <= limit) return slug;
  // Cut at a word boundary when there is one.
  const cut = slug.slice(0, limit + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, limit)).replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`, … — the first one not in `taken`. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Whether `slug` is what `title` gives, possibly with a collision suffix (-2, -3 …): made from
 * the title, not typed by hand. An empty slug counts too: there is nothing typed to keep.
 */
export function followsTitle(slug: string | null | undefined, title: unknown, maxLength = SLUG_MAX_LENGTH): boolean {
  if (!slug) return true;
  const base = slugify(typeof title === 'string' ? title : '', maxLength);
  if (!base) return false;
  return slug === base || (slug.startsWith(`${base}-`) && /^[1-9]\d*$/.test(slug.slice(base.length + 1)));
}

/**
 * The slug after the title changed from `previousTitle` to `title`, as the admin shows it while
 * the editor types: it follows the title while it still follows the previous one (the variant is
 * new, or its slug was never edited by hand); a slug typed by hand stays. The server adds a
 * collision suffix when saving.
 */
export function slugForTitle(
  slug: string | null | undefined,
  previousTitle: unknown,
  title: unknown,
  maxLength = SLUG_MAX_LENGTH,
): string {
  if (!followsTitle(slug, previousTitle, maxLength)) return slug ?? '';
  return slugify(typeof title === 'string' ? title : '', maxLength);
}

/**
 * The longest start of `title` whose slug is `slug`, or undefined: in a new variant's form, a
 * slug made from what had been typed of the title so far (by Strapi's own default slug, or
 * before the admin's slug follower remounted) rather than typed by hand.
 */
export function titleStartFor(slug: string, title: unknown, maxLength = SLUG_MAX_LENGTH): string | undefined {
  if (!slug || typeof title !== 'string') return undefined;
  const characters = [...title];
  for (let end = characters.length; end > 0; end -= 1) {
    const start = characters.slice(0, end).join('');
    if (slugify(start, maxLength) === slug) return start;
  }
  return undefined;
}
