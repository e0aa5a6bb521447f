import type { Core } from '@strapi/strapi';
import { defaultLocale, PUBLIC_CONTENT_TYPES } from '@medee/contract';
import { ensureManagedApiToken } from '../bootstrap/site-token';
import { PUBLIC_ACTIONS } from '../bootstrap/permissions';
import { signPreviewLink } from '@medee/contract/preview-link';

const PREVIEW_TOKEN_NAME = 'medee-web (preview)';
const PREVIEWABLE: ReadonlySet<string> = new Set(PUBLIC_CONTENT_TYPES);

interface SiteConfig {
  url: string;
  preview: { secret?: string; token?: string; linkLifetimeSeconds: number };
}

/** What Strapi passes to the preview handler (content-manager's preview controller). */
interface PreviewParams {
  documentId: string;
  locale?: string | null;
  status?: string | null;
}

/**
 * The link the admin's Preview panel opens for a document: the site's draft-mode entry route
 * with the document's coordinates, an expiry and an HMAC signature. The shared secret stays on
 * the two servers (the link carries only a signature valid for this document and for a while),
 * and the site — not the CMS — turns the document into its URL, so a link cannot point the site
 * at an arbitrary address. Returns null (no preview button) for other content types.
 */
export function previewLink(site: SiteConfig, uid: string, params: PreviewParams, now = Date.now()): string | null {
  if (!PREVIEWABLE.has(uid) || !site.url || !site.preview.secret) return null;
  const fields = {
    uid,
    documentId: params.documentId,
    locale: params.locale || defaultLocale,
    status: params.status === 'published' ? ('published' as const) : ('draft' as const),
    expires: Math.floor(now / 1000) + site.preview.linkLifetimeSeconds,
  };
  const query = new URLSearchParams({
    ...fields,
    expires: String(fields.expires),
    signature: signPreviewLink(site.preview.secret, fields),
  });
  return `${site.url}/api/preview?${query}`;
}

/** `preview` of config/admin.ts: on when the site's URL and the preview secret are configured. */
export function previewAdminConfig(site: SiteConfig) {
  return {
    enabled: Boolean(site.url && site.preview.secret),
    config: {
      // The admin shows the site in an iframe: its CSP must allow the site's origin.
      allowedOrigins: site.url ? [new URL(site.url).origin] : [],
      handler: (uid: string, params: PreviewParams) => previewLink(site, uid, params),
    },
  };
}

let previewTokenId: number | undefined;

/**
 * The API token the site reads drafts with (SITE_PREVIEW_TOKEN; STRAPI_PREVIEW_TOKEN in the site):
 * read actions on the site's content types only. The content API serves drafts to this token and
 * to no other credential (see document-guards/published-only.ts).
 */
export async function ensureSitePreviewToken(strapi: Core.Strapi): Promise<void> {
  const accessKey = strapi.config.get<SiteConfig>('site').preview.token;
  if (!accessKey) {
    previewTokenId = undefined;
    return;
  }
  previewTokenId = await ensureManagedApiToken(strapi, {
    name: PREVIEW_TOKEN_NAME,
    description:
      'Used by the Next.js site on the server to read drafts in preview (draft mode). Managed by the CMS bootstrap.',
    type: 'custom',
    permissions: PUBLIC_ACTIONS,
    accessKey,
  });
}

interface RequestAuth {
  strategy?: { name?: string };
  credentials?: { id?: number | string };
}

/** Is this content-API request authenticated with the site's preview token? */
export function isSitePreviewRequest(request: { state?: { auth?: RequestAuth } } | undefined): boolean {
  const auth = request?.state?.auth;
  if (previewTokenId === undefined || !auth?.credentials) return false;
  if (!['content-api-token', 'api-token'].includes(auth.strategy?.name ?? '')) return false;
  return Number(auth.credentials.id) === previewTokenId;
}
