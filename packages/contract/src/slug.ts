// Slugs: what the CMS generates and what the site looks up.

/** The longest slug. The CMS cuts generated slugs to it; the site looks nothing longer up. */
export const SLUG_MAX_LENGTH = 200;

/** A slug the CMS generates: lower-case ASCII letters and digits in hyphen-separated words. */
export const GENERATED_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Whether `slug` (from a URL, so from anyone) could name something in the CMS. Editors may type
 * slugs in any script, so only the length and control characters rule one out: the CMS answers
 * 400 to control characters, and a very long slug in a rewritten path overflows response headers.
 */
export function isPlausibleSlug(slug: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  return slug.length > 0 && slug.length <= SLUG_MAX_LENGTH && !/[\u0000-\u001f\u007f]/.test(slug);
}
