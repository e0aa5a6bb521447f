import { z } from 'zod';

/**
 * One language of the site and the CMS. `code` is what URLs (/mn/news), the CMS's i18n locales
 * and the cache tags use; `tag` is the full BCP 47 tag with its script (mn-Cyrl: Mongolian is also
 * written in the traditional script, mn-Mong), used for Accept-Language negotiation and `lang`.
 */
export const localeDefinitionSchema = z.object({
  code: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language code such as "mn" or "mn-Mong"'),
  tag: z
    .string()
    .regex(/^[a-z]{2,3}-[A-Z][a-z]{3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag with its script, e.g. mn-Cyrl'),
  nativeName: z.string().min(1),
  englishName: z.string().min(1),
  isDefault: z.boolean().default(false),
  direction: z.enum(['ltr', 'rtl']),
  /** CSS writing-mode of running text (traditional Mongolian is vertical-lr). */
  writingMode: z.enum(['horizontal-tb', 'vertical-lr', 'vertical-rl']),
});

export type LocaleDefinition = z.infer<typeof localeDefinitionSchema>;
