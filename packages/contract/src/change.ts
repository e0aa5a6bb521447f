import { z } from 'zod';

// The change notice the CMS sends the site after an action changed what the site may show
// (cms/src/publishing/changes.ts builds it, web/lib/site-sync/change.ts turns it into cache tags):
// every published variant of one document, before and after. The old slug of a renamed,
// unpublished or deleted variant and the other locales of a shared-field change (Strapi copies
// non-localized fields into the other locales' published versions without an event of their
// own) are refreshed too.

/** A locale variant's published version as the site addresses it; null when there is none. */
const variantStateSchema = z
  .object({
    /** The variant's slug; null for types without one (the `global` single type). */
    slug: z.string().min(1).nullable(),
  })
  .nullable();

export const variantChangeSchema = z.object({
  /** Any locale code: the site ignores locales it does not serve. */
  locale: z.string().min(1),
  before: variantStateSchema,
  after: variantStateSchema,
  /** Did this locale's published version appear, disappear or change in any field? */
  changed: z.boolean(),
});

export const siteChangeSchema = z.object({
  /** Unique per notice; a retried delivery repeats it. */
  id: z.string().min(1),
  /** Strapi's name of the action: entry.publish, entry.unpublish, entry.update, entry.delete, entry.create. */
  event: z.string().min(1),
  createdAt: z.string().optional(),
  uid: z.string().min(1),
  model: z.string().optional(),
  documentId: z.string().min(1),
  // One per locale the CMS has; the bound only keeps a forged notice small.
  variants: z.array(variantChangeSchema).max(100),
});

export type VariantState = z.infer<typeof variantStateSchema>;
export type VariantChange = z.infer<typeof variantChangeSchema>;
export type SiteChange = z.infer<typeof siteChangeSchema>;
