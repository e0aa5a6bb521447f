import type { Core, UID } from '@strapi/strapi';
import { type Locale, locales as contractLocales, PUBLIC_CONTENT_TYPES, REDIRECT_UID } from '@medee/contract';
import { SCHEDULE_FIELDS } from '../publishing/schedule';
import { localeCodes } from './content';

const EXPLORER = 'plugin::content-manager.explorer';
const FIELD_ACTIONS = new Set(['create', 'read', 'update']);
/** The content the Editor and the translators work on: everything the site shows. */
const CONTENT_TYPES: readonly UID.ContentType[] = PUBLIC_CONTENT_TYPES;
/** Translators' reference lists (not localized): editors keep them, translators read them. */
const REFERENCE_TYPES = ['api::term.term', 'api::dictionary-word.dictionary-word'] as UID.ContentType[];

export const EDITOR_ROLE = { name: 'Editor', code: 'strapi-editor' } as const;
export const translatorRole = (locale: Locale) => ({
  name: `Translator (${locale})`,
  code: `medee-translator-${locale}`,
});

interface Permission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[]; locales?: string[] };
  conditions?: string[];
}

function allFields(strapi: Core.Strapi, uid: UID.ContentType): string[] {
  return strapi
    .service('admin::content-type')
    .getNestedFields(strapi.contentType(uid), { components: strapi.components });
}

/**
 * Fields whose top-level attribute is localized (relations and slugs are per locale too): editing
 * them touches one locale only. Not the schedule (publishAt, unpublishAt): setting it publishes.
 */
function localizedFields(strapi: Core.Strapi, uid: UID.ContentType): string[] {
  const localized = new Set<string>(
    strapi.plugin('i18n').service('content-types').getLocalizedAttributes(strapi.contentType(uid)),
  );
  for (const field of SCHEDULE_FIELDS) localized.delete(field);
  return allFields(strapi, uid).filter((field) => localized.has(field.split('.')[0]!));
}

/** A permission on a type that is not localized (it has no locales property). */
const referencePermission = (strapi: Core.Strapi, action: string, subject: UID.ContentType): Permission => ({
  action: `${EXPLORER}.${action}`,
  subject,
  properties: FIELD_ACTIONS.has(action) ? { fields: allFields(strapi, subject) } : {},
  conditions: [],
});

const contentPermission = (
  action: string,
  subject: UID.ContentType,
  locales: readonly string[],
  fields?: string[],
): Permission => ({
  action: `${EXPLORER}.${action}`,
  subject,
  properties: { ...(FIELD_ACTIONS.has(action) ? { fields } : {}), locales: [...locales] },
  conditions: [],
});

/**
 * What an Editor may do with the site's content: everything, in every locale, plus the media
 * library and the redirects (not localized, no draft; translators get none of them).
 */
function editorPermissions(strapi: Core.Strapi, locales: readonly string[]): Permission[] {
  return [
    ...CONTENT_TYPES.flatMap((uid) =>
      ['create', 'read', 'update', 'delete', 'publish'].map((action) =>
        contentPermission(action, uid, locales, FIELD_ACTIONS.has(action) ? allFields(strapi, uid) : undefined),
      ),
    ),
    ...REFERENCE_TYPES.flatMap((uid) =>
      ['create', 'read', 'update', 'delete'].map((action) => referencePermission(strapi, action, uid)),
    ),
    ...['create', 'read', 'update', 'delete'].map((action) => ({
      action: `${EXPLORER}.${action}`,
      subject: REDIRECT_UID,
      properties: FIELD_ACTIONS.has(action) ? { fields: allFields(strapi, REDIRECT_UID) } : {},
      conditions: [],
    })),
    ...[
      'plugin::upload.read',
      'plugin::upload.configure-view',
      'plugin::upload.assets.create',
      'plugin::upload.assets.update',
      'plugin::upload.assets.download',
      'plugin::upload.assets.copy-link',
    ].map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
  ];
}

/**
 * A translator reads every locale and creates/updates its own locale's localized fields only;
 * shared (non-localized) fields are read-only for them, because saving one would change the
 * other locale too. They read the glossary and the spelling dictionary. No delete, no publish,
 * no settings, no users, no media uploads.
 */
function translatorPermissions(strapi: Core.Strapi, locale: Locale, locales: readonly string[]): Permission[] {
  return [
    ...CONTENT_TYPES.flatMap((uid) => [
      contentPermission('read', uid, locales, allFields(strapi, uid)),
      contentPermission('create', uid, [locale], localizedFields(strapi, uid)),
      contentPermission('update', uid, [locale], localizedFields(strapi, uid)),
    ]),
    ...REFERENCE_TYPES.map((uid) => referencePermission(strapi, 'read', uid)),
  ];
}

async function findOrCreateRole(
  strapi: Core.Strapi,
  spec: { name: string; code: string },
  description: string,
): Promise<{ id: number }> {
  const roles = strapi.service('admin::role');
  const existing = (await roles.findOne({ code: spec.code })) ?? (await roles.findOne({ name: spec.name }));
  if (existing) return existing;
  strapi.log.info(`Creating the admin role ${spec.name}`);
  return roles.create({ name: spec.name, code: spec.code, description });
}

/**
 * The Editor and the two translator roles, on every start. The translators' permissions are
 * reset to exactly the list above (a locale-limited role must stay limited); the Editor keeps
 * anything extra an administrator granted, and gets back what it must have.
 */
export async function ensureTranslationRoles(strapi: Core.Strapi): Promise<Record<'editor' | Locale, number>> {
  const roles = strapi.service('admin::role');
  const permissions = strapi.service('admin::permission');

  const editor = await findOrCreateRole(
    strapi,
    EDITOR_ROLE,
    "Editors write and publish the site's content in every locale.",
  );
  const locales = await localeCodes(strapi);
  const required = editorPermissions(strapi, locales);
  const managed = new Set(required.map((p) => `${p.action}|${p.subject ?? ''}`));
  const existing: Permission[] = await permissions.findMany({ where: { role: { id: editor.id } } });
  const kept = existing
    .filter((p) => !managed.has(`${p.action}|${p.subject ?? ''}`))
    .map(({ action, subject, properties, conditions }) => ({ action, subject, properties, conditions }));
  await roles.assignPermissions(editor.id, [...kept, ...required]);

  const ids = { editor: editor.id } as Record<'editor' | Locale, number>;
  for (const locale of contractLocales) {
    const role = await findOrCreateRole(
      strapi,
      translatorRole(locale),
      `Translators into ${locale}: read every locale, write the ${locale} drafts. No publishing, deleting or settings.`,
    );
    await roles.assignPermissions(role.id, translatorPermissions(strapi, locale, locales));
    ids[locale] = role.id;
  }
  return ids;
}
