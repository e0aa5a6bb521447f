import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adminOrigins, PREVIEW_PARAM, previewPageHeaders } from '@/lib/preview/page-token';
import { signPreviewSession } from '@/lib/preview/token';

// A preview page's URL carries its signed scope (lib/preview/page-token.ts): proxy.ts hands the
// render the preview's cookies for a valid one, and nothing for anything else, so a bad scope
// shows the page as readers see it (never an error).

const SECRET = 'preview-secret-0123456789abcdef';
const DRAFT_MODE_ID = 'abcdef0123456789abcdef0123456789';
const now = () => Math.floor(Date.now() / 1000);
const scope = { uid: 'api::article.article', documentId: 'doc-a', locale: 'mn', status: 'draft' as const };
const browserHeaders = () => new Headers({ cookie: 'medee_preview=someone-elses; other=1', accept: 'text/html' });
const params = (value?: string) => new URLSearchParams(value === undefined ? {} : { [PREVIEW_PARAM]: value });

const savedCwd = process.cwd();
let build: string;

beforeAll(() => {
  // `next start` runs where .next is; the draft-mode id is the build's.
  build = fs.mkdtempSync(path.join(os.tmpdir(), 'medee-preview-'));
  fs.mkdirSync(path.join(build, '.next', 'server'), { recursive: true });
  fs.writeFileSync(
    path.join(build, '.next', 'server', 'preview-props.json'),
    JSON.stringify({ previewModeId: DRAFT_MODE_ID }),
  );
  process.chdir(build);
});

afterAll(() => {
  process.chdir(savedCwd);
  fs.rmSync(build, { recursive: true, force: true });
});

describe('previewPageHeaders', () => {
  it("a valid scope: the render gets Next's draft-mode cookie and the scope, instead of the browser's cookies", () => {
    const token = signPreviewSession(SECRET, { ...scope, expires: now() + 600 });

    const headers = previewPageHeaders(browserHeaders(), params(token), SECRET);

    expect(headers?.get('cookie')).toBe(`__prerender_bypass=${DRAFT_MODE_ID}; medee_preview=${token}`);
    expect(headers?.get('accept')).toBe('text/html');
  });

  it.each([
    ['no scope', undefined],
    ['an empty scope', ''],
    ['garbage', 'not-a-token'],
    ['an expired scope', signPreviewSession(SECRET, { ...scope, expires: now() - 1 })],
    [
      'a scope signed with another secret',
      signPreviewSession('another-secret-0123456789abcdef', { ...scope, expires: now() + 600 }),
    ],
    [
      'a scope changed after signing (another document)',
      (() => {
        const [, mac] = signPreviewSession(SECRET, { ...scope, expires: now() + 600 }).split('.');
        const changed = Buffer.from(JSON.stringify({ ...scope, documentId: 'doc-b', expires: now() + 600 })).toString(
          'base64url',
        );
        return `${changed}.${mac}`;
      })(),
    ],
  ])('%s: nothing (the page as readers see it)', (_, value) => {
    expect(previewPageHeaders(browserHeaders(), params(value), SECRET)).toBeNull();
  });

  it('previews off (no secret): nothing', () => {
    const token = signPreviewSession(SECRET, { ...scope, expires: now() + 600 });
    expect(previewPageHeaders(browserHeaders(), params(token), undefined)).toBeNull();
  });
});

describe('adminOrigins', () => {
  it('a loopback CMS by both names, whichever is configured', () => {
    expect(adminOrigins({ STRAPI_URL: 'http://127.0.0.1:1337' })).toEqual([
      'http://127.0.0.1:1337',
      'http://localhost:1337',
    ]);
    expect(adminOrigins({ STRAPI_URL: 'http://front:1337', CMS_PUBLIC_URL: 'http://localhost:1337/' })).toEqual([
      'http://localhost:1337',
      'http://127.0.0.1:1337',
    ]);
  });

  it('a public CMS: its public origin only, never the internal address', () => {
    expect(adminOrigins({ STRAPI_URL: 'http://cms:1337', CMS_PUBLIC_URL: 'https://cms.example.mn/' })).toEqual([
      'https://cms.example.mn',
    ]);
    expect(adminOrigins({ STRAPI_URL: 'https://cms.example.mn' })).toEqual(['https://cms.example.mn']);
  });
});
