import type { Core } from '@strapi/strapi';
import { z } from 'zod';

// The article page's "older / newer" links: the published articles just before and after a
// position in the news list's order (post date, then documentId). One request answers both,
// read straight from the database: through the REST find they were two requests per page, each
// paying Strapi's query validation and sanitizing for a one-row read (issue 15, cold render).

const ARTICLE = 'api::article.article';

/** What GET /api/articles/adjacent accepts; the locale itself is checked by the query guard. */
export const adjacentQuery = z.object({
  locale: z.string(),
  postedAt: z.iso.date(),
  // Strapi's documentIds are lowercase cuid2 strings.
  documentId: z.string().regex(/^[a-z0-9]{1,64}$/),
});

export type AdjacentQuery = z.infer<typeof adjacentQuery>;

export interface ArticleLink {
  title: string;
  slug: string;
  postedAt: string;
}

/**
 * The published articles of `locale` just older and just newer than the position
 * (`postedAt`, `documentId`). The position need not be a published article's: a draft in
 * preview has neighbours too. Each side is one row, bounded by the (locale, posted_at) index:
 * the extra `postedAt` range gives the database a start for its scan that the `$or` alone hides.
 */
export async function adjacentArticles(
  strapi: Core.Strapi,
  { locale, postedAt, documentId }: AdjacentQuery,
): Promise<{ older: ArticleLink | null; newer: ArticleLink | null }> {
  const neighbour = async (side: 'older' | 'newer'): Promise<ArticleLink | null> => {
    const [before, order] = side === 'older' ? (['$lt', 'desc'] as const) : (['$gt', 'asc'] as const);
    const row: ArticleLink | null = await strapi.db.query(ARTICLE).findOne({
      select: ['title', 'slug', 'postedAt'],
      where: {
        locale,
        publishedAt: { $notNull: true },
        postedAt: { [side === 'older' ? '$lte' : '$gte']: postedAt },
        $or: [{ postedAt: { [before]: postedAt } }, { postedAt, documentId: { [before]: documentId } }],
      },
      orderBy: [{ postedAt: order }, { documentId: order }],
    });
    // A date column comes back as its YYYY-MM-DD text on both databases (Strapi's PostgreSQL
    // dialect parses DATE as text).
    return row;
  };
  const [older, newer] = await Promise.all([neighbour('older'), neighbour('newer')]);
  return { older, newer };
}
