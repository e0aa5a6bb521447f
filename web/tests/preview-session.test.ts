import { verifyPreviewSession } from '@/lib/preview/token';

// Starting and ending a preview session (lib/preview/session.ts): the cookie attributes that let
// the admin's Preview frame send it, and both cookies going on exit.

jest.mock('next/headers', () => ({ draftMode: jest.fn(), cookies: jest.fn() }));

const PREVIEW_SECRET = 'preview-secret-0123456789abcdef';
const saved = { secret: process.env.PREVIEW_SECRET, lifetime: process.env.PREVIEW_SESSION_SECONDS };
const scope = { uid: 'api::article.article', documentId: 'doc-a', locale: 'mn' };

async function loadSession() {
  const draft = { enable: jest.fn(), disable: jest.fn() };
  const jar = { set: jest.fn(), delete: jest.fn() };
  let session: typeof import('@/lib/preview/session') | undefined;
  await jest.isolateModulesAsync(async () => {
    const headers = await import('next/headers');
    (headers.draftMode as unknown as jest.Mock).mockResolvedValue(draft);
    (headers.cookies as unknown as jest.Mock).mockResolvedValue(jar);
    session = await import('@/lib/preview/session');
  });
  return { session: session!, draft, jar };
}

beforeEach(() => {
  process.env.PREVIEW_SECRET = PREVIEW_SECRET;
  process.env.PREVIEW_SESSION_SECONDS = '600';
});

afterEach(() => {
  // Assigning undefined would store the string "undefined".
  for (const [name, value] of [
    ['PREVIEW_SECRET', saved.secret],
    ['PREVIEW_SESSION_SECONDS', saved.lifetime],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('preview session', () => {
  it('over https: draft mode on and a Secure, SameSite=None, HttpOnly scope cookie for PREVIEW_SESSION_SECONDS', async () => {
    const { session, draft, jar } = await loadSession();
    const before = Math.floor(Date.now() / 1000);

    await session.startPreviewSession(scope, { https: true });

    expect(draft.enable).toHaveBeenCalledTimes(1);
    const [name, token, options] = jar.set.mock.calls[0]!;
    expect(name).toBe('medee_preview');
    expect(options).toEqual({ httpOnly: true, secure: true, sameSite: 'none', path: '/', maxAge: 600 });
    const signed = verifyPreviewSession(PREVIEW_SECRET, token);
    expect(signed).toMatchObject(scope);
    expect(signed!.expires - before).toBeGreaterThanOrEqual(600);
    expect(signed!.expires - before).toBeLessThanOrEqual(601);
  });

  it('over plain http: SameSite=Lax and not Secure (browsers refuse SameSite=None there)', async () => {
    const { session, jar } = await loadSession();

    await session.startPreviewSession(scope, { https: false });

    expect(jar.set.mock.calls[0]![2]).toMatchObject({ httpOnly: true, secure: false, sameSite: 'lax' });
  });

  it('ends with draft mode off and the scope cookie deleted', async () => {
    const { session, draft, jar } = await loadSession();

    await session.endPreviewSession();

    expect(draft.disable).toHaveBeenCalledTimes(1);
    expect(jar.delete).toHaveBeenCalledWith('medee_preview');
  });
});
