import Link from 'next/link';
import type { Dictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@medee/contract';
import type { ArticleSummary } from '@/lib/strapi';
import { CalendarDate } from './CalendarDate';
import { CmsImage } from './CmsImage';

interface ArticleListProps {
  locale: Locale;
  articles: ArticleSummary[];
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
              <Link href={`/${locale}/news/${encodeURIComponent(article.slug)}`}>{article.title}</Link>
            </Heading>
            <p className="article-card__meta">
              <CalendarDate locale={locale} date={article.postedAt} />
              {article.category ? <span className="article-card__category">{article.category.name}</span> : null}
            </p>
            {article.summary ? <p className="article-card__summary">{article.summary}</p> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
