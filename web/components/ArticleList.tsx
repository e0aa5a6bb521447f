import Link from 'next/link';
import type { Dictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@medee/contract';
import type { ArticleSummary } from '@/lib/strapi';
import type { SearchHighlight } from '@medee/contract';
import { CalendarDate } from './CalendarDate';
import { CmsImage } from './CmsImage';
import { Marked } from './Marked';

interface ArticleListProps {
  locale: Locale;
  /** With `highlight` (search results): the matches are marked and the summary is the excerpt around them. */
  articles: Array<ArticleSummary & { highlight?: SearchHighlight }>;
  dictionary: Dictionary;
  /** Heading level of each article title, to fit under the page's own headings. */
  headingLevel: 'h2' | 'h3';
}

export function ArticleList({ locale, articles, dictionary, headingLevel: Heading }: ArticleListProps) {
  if (articles.length === 0) return <p className="empty-state">{dictionary.news.empty}</p>;
  return (
    <ul className="article-list">
      {articles.map((article) => (
        <li key={article.documentId} className="article-card">
          {article.cover ? (
            <CmsImage
              image={article.cover}
              alt=""
              sizes="(min-width: 48rem) 12rem, 100vw"
              className="article-card__cover"
            />
          ) : null}
          <div className="article-card__text">
            <Heading className="article-card__title">
              <Link href={`/${locale}/news/${encodeURIComponent(article.slug)}`}>
                <Marked text={article.title} ranges={article.highlight?.title ?? []} />
              </Link>
            </Heading>
            <p className="article-card__meta">
              <CalendarDate locale={locale} date={article.postedAt} />
              {article.category ? <span className="article-card__category">{article.category.name}</span> : null}
            </p>
            {article.highlight?.snippet ? (
              <p className="article-card__summary">
                {article.highlight.snippet.cutStart ? '… ' : null}
                <Marked text={article.highlight.snippet.text} ranges={article.highlight.snippet.ranges} />
                {article.highlight.snippet.cutEnd ? ' …' : null}
              </p>
            ) : article.summary ? (
              <p className="article-card__summary">{article.summary}</p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
