import type { StrapiApp } from '@strapi/strapi/admin';
import {
  unstable_useContentManagerContext as useContentManagerContext,
  unstable_useDocument as useDocument,
  useForm,
} from '@strapi/strapi/admin';
import { useEffect, useMemo, useRef } from 'react';
import { slugSourceIn } from '../translation/content';
import { slugForTitle, titleStartFor } from '../translation/slugify';

// Strapi 5's slug (uid) input fills itself once, when a new form opens, and afterwards only on
// "Regenerate". This keeps an edit view's slug following its title as the editor types, with the
// server's own slugify (Mongolian transliterated, Chinese in pinyin), until the editor edits the
// slug by hand. Whether a loaded slug still follows is read from the slug itself (empty, or what
// the saved title gives), so no extra field records it. The server adds -2 on a collision at save.
// Once a variant has been published its address is out in links and feeds: then the slug stays
// whatever the title becomes, and only a hand edit moves it.

/** The page, title and slug the follower last saw or set (see the remount note below). */
let lastSeen: { page: string; title: unknown; slug: unknown } | undefined;

/** Renders nothing; it lives inside the edit view's form, in the side panel's injection zone. */
function SlugFollower() {
  const { contentType, model, collectionType, id, isCreatingEntry } = useContentManagerContext();
  const source = useMemo(() => slugSourceIn(contentType?.attributes), [contentType]);
  // The content locale the edit view shows (its URL's plugins[i18n][locale]).
  const locale = new URLSearchParams(window.location.search).get('plugins[i18n][locale]') ?? undefined;
  const { document } = useDocument(
    { documentId: id ?? '', model, collectionType, params: { locale } },
    { skip: isCreatingEntry || !id || !source },
  );
  // 'published' or 'modified': this variant has a published version.
  const everPublished = document?.status !== undefined && document.status !== 'draft';
  // The title and the slug of the same render: the slug is judged against the title it went with.
  const title = useForm('SlugFollower', (form) =>
    source ? (form.values as Record<string, unknown>)[source.titleField] : undefined,
  );
  const slug = useForm('SlugFollower', (form) =>
    source ? (form.values as Record<string, unknown>)[source.slugField] : undefined,
  );
  const onChange = useForm('SlugFollower', (form) => form.onChange);
  // The side panel's injection zone may mount this component late, or remount it while the
  // editor types (when the edit view's locale and status data arrive), and the content type may
  // come after the form. Meanwhile the slug lags ("t" for "Ту"), or Strapi's own default slug
  // fills it from the title typed so far. A fresh ref would read such a slug as edited by hand. So
  // the ref starts from the last title seen on this page with this slug; and in a new variant's
  // form a slug made from a start of the title still follows (titleStartFor), checked at once
  // when the follower mounts (null: no title seen yet).
  const page = window.location.pathname + window.location.search;
  const previousTitle = useRef<unknown>(
    lastSeen?.page === page && lastSeen.slug === slug ? lastSeen.title : isCreatingEntry ? null : title,
  );

  useEffect(() => {
    if (!source || previousTitle.current === title) return;
    if (everPublished) {
      previousTitle.current = title;
      return;
    }
    const current = typeof slug === 'string' ? slug : '';
    const startOfTitle = isCreatingEntry ? titleStartFor(current, title, source.maxLength) : undefined;
    const next = slugForTitle(current, startOfTitle ?? previousTitle.current, title, source.maxLength);
    previousTitle.current = title;
    lastSeen = { page, title, slug: next };
    if (next !== current) onChange(source.slugField, next);
  }, [source, title, slug, onChange, everPublished, page, isCreatingEntry]);

  return null;
}

export function registerSlugFollower(app: StrapiApp): void {
  app.getPlugin('content-manager').injectComponent('editView', 'right-links', {
    name: 'medee-slug-follower',
    Component: SlugFollower,
  });
}
