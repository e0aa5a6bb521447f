import type { Core } from '@strapi/strapi';
import { registerSlugRedirects } from './slug-changes';
import { registerRedirectValidation } from './validation';

// Redirects: the `redirect` type's rules and the automatic redirects of renamed slugs. The site
// asks GET /api/redirects/resolve (src/api/redirect) for a path it would otherwise answer 404.
export function registerRedirects(strapi: Core.Strapi): void {
  registerRedirectValidation(strapi);
  registerSlugRedirects(strapi);
}
