import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { defaultLocale, PUBLIC_CONTENT_TYPES } from '@medee/contract';

/**
 * Two editors saving the same entry (same locale) must not silently undo each other.
 *
 * NOTE: Strapi 5 is last-write-wins, and its admin saves the *whole form*, not the fields the
 * editor touched: editor B, who opened the entry before editor A saved a new title, sends the
 * old title back with B's new summary, and A's title is gone without a word
 * (cms/tests/concurrent-edits.test.ts shows it). Strapi has no version check to hook into, so:
 * - when an editor opens an entry (the admin's GET of one document), the fields as they saw them
 *   are kept as that editor's *base* for that entry and locale;
 * - when they save and someone else saved in between, each field they did not change from their
 *   base keeps the other editor's value (the save is merged), and a field both changed
 *   differently is refused with a validation error on that field, asking to reload.
 * Relations are not compared: the admin sends them as connect/disconnect changes already.
 * Bases live in Strapi's store (the database), so several CMS instances share them. Two tabs of
 * the same account count as one editor.
 */

// biome-ignore lint/suspicious/noExplicitAny: documents are compared as data
type Json = any;
interface Attribute {
  type: string;
  repeatable?: boolean;
  multiple?: boolean;
}
interface Base {
  updatedAt: string;
  fields: Record<string, string>;
}

const GUARDED: ReadonlySet<string> = new Set(PUBLIC_CONTENT_TYPES);
// Set while this guard reads documents itself, so those reads pass through it untouched.
const ownRead = new AsyncLocalStorage<true>();
const IGNORED_ATTRIBUTES = new Set([
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);
const IGNORED_KEYS = new Set(['id', '__temp_key__', '__component']);

/** A comparable form of a field's value: what the admin form sends and what the database holds agree. */
function comparable(attribute: Attribute, value: Json): string {
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) return 'null';
  if (attribute.type === 'media') {
    const ids = (Array.isArray(value) ? value : [value]).map((file: Json) =>
      Number(typeof file === 'object' ? file.id : file),
    );
    return JSON.stringify(ids.sort((a, b) => a - b));
  }
  const strip = (item: Json): Json => {
    if (Array.isArray(item)) return item.map(strip);
    if (!item || typeof item !== 'object') return item === '' ? null : item;
    return Object.fromEntries(
      Object.entries(item)
        .filter(([key, inner]) => !IGNORED_KEYS.has(key) && inner !== undefined && inner !== null && inner !== '')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, strip(inner)]),
    );
  };
  return JSON.stringify(strip(value));
}

function comparedAttributes(strapi: Core.Strapi, uid: string): Record<string, Attribute> {
  const attributes = strapi.contentType(uid as Parameters<Core.Strapi['contentType']>[0]).attributes as Record<
    string,
    Attribute
  >;
  return Object.fromEntries(
    Object.entries(attributes).filter(
      ([name, attribute]) => !IGNORED_ATTRIBUTES.has(name) && attribute.type !== 'relation',
    ),
  );
}

export function registerConcurrentEditGuard(strapi: Core.Strapi): void {
  const store = () => strapi.store({ type: 'plugin', name: 'medee-edit-bases' });
  const baseKey = (userId: number, uid: string, documentId: string, locale: string) =>
    `${userId}:${uid}:${documentId}:${locale}`;

  /** The draft as stored, with media and components (re-entering this middleware as a plain read). */
  const readDraft = (uid: string, documentId: string, locale: string): Promise<Json> => {
    const populate = Object.entries(comparedAttributes(strapi, uid))
      .filter(([, attribute]) => ['media', 'component', 'dynamiczone'].includes(attribute.type))
      .map(([name]) => name);
    return ownRead.run(true, () =>
      strapi
        .documents(uid as Parameters<Core.Strapi['documents']>[0])
        .findOne({ documentId, locale, status: 'draft', populate } as Json),
    );
  };

  const remember = async (key: string, uid: string, documentId: string, locale: string) => {
    const document = await readDraft(uid, documentId, locale);
    if (!document?.updatedAt) return;
    const fields = Object.fromEntries(
      Object.entries(comparedAttributes(strapi, uid)).map(([name, attribute]) => [
        name,
        comparable(attribute, document[name]),
      ]),
    );
    await store().set({ key, value: { updatedAt: new Date(document.updatedAt).toISOString(), fields } satisfies Base });
  };

  strapi.documents.use(async (context, next) => {
    if (!GUARDED.has(context.uid) || ownRead.getStore()) return next();
    const request = strapi.requestContext.get();
    const user = request?.state?.user as { id: number; firstname?: string } | undefined;
    if (request?.state?.route?.info?.type !== 'admin' || !user) return next();

    const params = (context.params ?? {}) as Json;
    const locale: string = params.locale ?? defaultLocale;

    // The editor opens the entry: remember what they see (the draft).
    if (
      context.action === 'findOne' &&
      request.method === 'GET' &&
      params.documentId &&
      (params.status ?? 'draft') === 'draft'
    ) {
      const document = await next();
      if (document)
        await remember(
          baseKey(user.id, context.uid, params.documentId, locale),
          context.uid,
          params.documentId,
          locale,
        );
      return document;
    }

    if (context.action !== 'update' || !params.documentId || !params.data) return next();

    const key = baseKey(user.id, context.uid, params.documentId, locale);
    const base = (await store().get({ key })) as Base | null;
    if (base) {
      const attributes = comparedAttributes(strapi, context.uid);
      const current: Json = await readDraft(context.uid, params.documentId, locale);

      if (current && new Date(current.updatedAt).toISOString() !== base.updatedAt) {
        const data = { ...params.data };
        const conflicts: string[] = [];
        for (const [name, attribute] of Object.entries(attributes)) {
          if (!(name in data) || !(name in base.fields)) continue;
          const mine = comparable(attribute, data[name]);
          const theirs = comparable(attribute, current[name]);
          const seen = base.fields[name];
          if (theirs === seen || mine === theirs) continue; // nobody else changed it, or both agree
          if (mine === seen)
            delete data[name]; // only the other editor changed it: keep theirs
          else conflicts.push(name); // both changed it, differently
        }
        if (conflicts.length > 0) {
          throw new errors.ValidationError(
            `Someone else saved this entry after you opened it and changed ${conflicts.join(', ')} too. Reload the page to see their version, then apply your change again.`,
            {
              errors: conflicts.map((name) => ({
                path: [name],
                message: 'Changed by someone else since you opened this entry: reload to see their version',
                name: 'ValidationError',
              })),
            },
          );
        }
        context.params = { ...params, data } as typeof context.params;
      }
    }

    const saved = await next();
    // Their own save is the editor's new base (the admin shows the saved entry).
    await remember(key, context.uid, params.documentId, locale);
    return saved;
  });
}
