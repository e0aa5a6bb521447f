import type { Core } from '@strapi/strapi';
import { ensureTranslatorAccounts } from './accounts';
import { TRANSLATED_TYPES } from './content';
import { registerLocaleGuard } from './locale-guard';
import { bootstrapMemory } from './memory';
import { ensureTranslationRoles } from './roles';
import { registerTranslationRoutes } from './routes';
import { registerAdminSlugSuggestions, registerSlugGeneration } from './slug-generation';
import { adoptUntrackedDocuments, registerTranslationTracking } from './tracking';

/** Translators' tooling (see README "Translators"): middlewares and the /translations admin API. */
export function registerTranslation(strapi: Core.Strapi): void {
  registerLocaleGuard(strapi);
  registerSlugGeneration(strapi);
  registerTranslationTracking(strapi);
  registerAdminSlugSuggestions(strapi);
  registerTranslationRoutes(strapi);
}

/** Roles, demo translator accounts and outdated tracking for content that predates it; idempotent. */
export async function bootstrapTranslation(strapi: Core.Strapi): Promise<void> {
  const roleIds = await ensureTranslationRoles(strapi);
  await ensureTranslatorAccounts(strapi, roleIds);
  const adopted = await adoptUntrackedDocuments(strapi, TRANSLATED_TYPES);
  if (adopted > 0) strapi.log.info(`Translation tracking: ${adopted} existing documents taken as up to date`);
  await bootstrapMemory(strapi);
}
