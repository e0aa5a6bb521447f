import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const WRITES = new Set(['create', 'update', 'publish']);

/**
 * Strapi checks a string field's `regex` (the global's filing numbers) only when a document is
 * published; a draft save keeps any text, and the editor learns of the mistake later, or never on
 * a single type published long ago. This checks every save: a non-empty value of another form is
 * a 400 naming the field.
 */
export function registerFieldPatternGuard(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const data = (context.params as { data?: Record<string, unknown> } | undefined)?.data;
    if (!WRITES.has(context.action) || !data) return next();
    const attributes = strapi.contentType(context.uid as UID.ContentType)?.attributes ?? {};
    const wrong = Object.entries(attributes).flatMap(([name, attribute]) => {
      const { regex } = attribute as { regex?: string };
      const value = data[name];
      return regex && typeof value === 'string' && value !== '' && !new RegExp(regex).test(value)
        ? [{ name, value, regex }]
        : [];
    });
    if (wrong.length > 0) {
      throw new errors.ValidationError(
        wrong
          .map(({ name, value, regex }) => `${name}: "${value}" does not have the required form (${regex})`)
          .join('; '),
        {
          errors: wrong.map(({ name, regex }) => ({
            path: [name],
            message: `Does not have the required form (${regex}); see the example under the field`,
            name: 'ValidationError',
          })),
        },
      );
    }
    return next();
  });
}
