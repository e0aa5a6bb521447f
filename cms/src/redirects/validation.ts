import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { normalizeRedirectPath, REDIRECT_MAX_HOPS, REDIRECT_UID } from '@medee/contract';
import { findRedirect, redirectTarget, TARGET_FIELD_NAMES, type RedirectRow } from './resolve';

const WRITES = new Set(['create', 'update']);
const PATH_FIELDS = ['fromPath', 'toPath'] as const;

function refuse(field: string, message: string): never {
  throw new errors.ValidationError(`${field}: ${message}`, {
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });
}

/** Paths are stored normalized (contract normalizeRedirectPath); anything else is a 400 naming the field. */
function normalizePaths(data: Record<string, unknown>): void {
  for (const field of PATH_FIELDS) {
    const value = data[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') refuse(field, 'must be a path such as /news/show-123.html');
    if (field === 'toPath' && value.trim() === '') {
      data[field] = null;
      continue;
    }
    const normalized = normalizeRedirectPath(value);
    if (!normalized.ok) refuse(field, `"${value}" ${normalized.reason}`);
    data[field] = normalized.path;
  }
}

/** The stored redirect as saved: one target, not itself, not into a loop or an endless chain. */
async function checkStored(strapi: Core.Strapi, row: RedirectRow): Promise<void> {
  const targets = [row.toPath ? 'toPath' : null, ...TARGET_FIELD_NAMES.filter((field) => row[field])].filter(
    (target): target is string => target !== null,
  );
  if (targets.length === 0) refuse('toPath', 'give a path to lead to, or choose an article, certificate or category');
  if (targets.length > 1) refuse(targets[1]!, `give one target only (now: ${targets.join(', ')})`);
  let next = await redirectTarget(strapi, row);
  if (next === row.fromPath) refuse(targets[0]!, 'leads to itself');
  for (let hop = 0; next !== null && hop < REDIRECT_MAX_HOPS; hop++) {
    const further = await findRedirect(strapi, next);
    if (!further) return;
    next = await redirectTarget(strapi, further);
    if (next === row.fromPath) refuse(targets[0]!, `leads back to ${row.fromPath} through other redirects (a loop)`);
  }
  if (next !== null) refuse(targets[0]!, `leads through more than ${REDIRECT_MAX_HOPS} redirects`);
}

/**
 * Document Service middleware of the redirect type: normalizes the paths before the write and
 * checks the stored result inside the same transaction, so a refused save leaves nothing behind
 * (relations arrive in several shapes — connect, set, ids — and only the stored row says which
 * target a redirect has).
 */
export function registerRedirectValidation(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== REDIRECT_UID || !WRITES.has(context.action)) return next();
    const data = (context.params as { data?: Record<string, unknown> } | undefined)?.data;
    if (data) normalizePaths(data);
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = (result as { documentId?: unknown } | null)?.documentId;
      if (typeof documentId === 'string') {
        const stored = await strapi.db.query(REDIRECT_UID).findOne({ where: { documentId }, select: ['fromPath'] });
        const row = stored && (await findRedirect(strapi, stored.fromPath));
        if (row) await checkStored(strapi, row);
      }
      return result;
    });
  });
}
