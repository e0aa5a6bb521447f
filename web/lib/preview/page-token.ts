import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PREVIEW_SESSION_COOKIE, verifyPreviewSession } from './token';

// A preview page's URL carries its signed scope (`/mn/news/slug?preview=<scope>`, from
// app/api/preview): the admin's Preview shows the site in a frame, and a frame on another site
// gets no cookies (127.0.0.1:1337 framing localhost:3000 is cross-site; browsers drop third-party
// cookies). proxy.ts checks the scope on each request and, when it is valid, hands the render the
// two cookies a preview session would have sent (lib/preview/session.ts): Next's draft-mode
// cookie, so the page is rendered for this request and never read from or written to the page
// cache, and the scope cookie, which says which document and version to show. The browser's own
// cookies are not forwarded on such a request. Used by proxy.ts, so no 'server-only' or
// next/headers here.

/** The query parameter of a preview page's URL that carries its signed scope. */
export const PREVIEW_PARAM = 'preview';

// Next's draft-mode cookie and the value it takes for this build (`previewModeId`, which `next
// build` writes to .next/server/preview-props.json and `next start` compares the cookie with).
// The proxy is not given it (only the edge runtime is, through an environment variable), so it
// is read from the build. `next start` and the standalone server run from the directory that
// holds .next.
const DRAFT_MODE_COOKIE = '__prerender_bypass';
let draftModeId: string | null | undefined;

function buildDraftModeId(): string | null {
  if (draftModeId !== undefined) return draftModeId;
  const file = path.join(process.cwd(), '.next', 'server', 'preview-props.json');
  try {
    const id: unknown = JSON.parse(readFileSync(file, 'utf8')).previewModeId;
    draftModeId = typeof id === 'string' && id !== '' ? id : null;
  } catch {
    draftModeId = null;
  }
  if (draftModeId === null) console.error(`Preview pages show published versions: no draft-mode id in ${file}`);
  return draftModeId;
}

/**
 * The request headers the render of a preview page gets: `headers` with the preview's cookies
 * instead of the browser's. Null (the page as readers see it) when the URL carries no scope, or
 * one that is forged, tampered with or expired, or when previews are off (no secret).
 */
export function previewPageHeaders(
  headers: Headers,
  searchParams: URLSearchParams,
  secret: string | undefined,
): Headers | null {
  const scope = searchParams.get(PREVIEW_PARAM);
  if (!secret || !scope || !verifyPreviewSession(secret, scope)) return null;
  const id = buildDraftModeId();
  if (!id) return null;
  const forwarded = new Headers(headers);
  forwarded.set('cookie', `${DRAFT_MODE_COOKIE}=${id}; ${PREVIEW_SESSION_COOKIE}=${scope}`);
  return forwarded;
}

const LOOPBACK_TWINS = new Map([
  ['localhost', '127.0.0.1'],
  ['127.0.0.1', 'localhost'],
]);

/**
 * The origins of the CMS admin, which alone may frame a preview page (frame-ancestors in
 * proxy.ts): the CMS as browsers reach it (CMS_PUBLIC_URL, else STRAPI_URL). A CMS on a loopback
 * address is opened by either name (`npm start` prints localhost, others type 127.0.0.1), and
 * both are this machine, so both are listed.
 */
export function adminOrigins(env: { STRAPI_URL: string; CMS_PUBLIC_URL?: string | undefined }): string[] {
  const admin = new URL(env.CMS_PUBLIC_URL ?? env.STRAPI_URL);
  const twin = LOOPBACK_TWINS.get(admin.hostname);
  if (!twin) return [admin.origin];
  const other = new URL(admin.origin);
  other.hostname = twin;
  return [admin.origin, other.origin];
}
