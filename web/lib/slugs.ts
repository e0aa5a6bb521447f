// Slugs come from URLs, so from anyone. The CMS answers 400 to a value it refuses (over 1 kB,
// control characters), and a very long one in a rewritten path overflows response headers;
// such a slug names nothing. No real slug comes near this length.
const MAX_SLUG_LENGTH = 200;

/** Whether `slug` could name something in the CMS; when not, there is nothing to look up. */
export function isPlausibleSlug(slug: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  return slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && !/[\u0000-\u001f\u007f]/.test(slug);
}
