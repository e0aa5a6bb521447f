import { InvalidEnvironmentError, parseEnv } from '@/lib/env';

describe('parseEnv', () => {
  it('falls back to the local defaults and treats empty values as unset', () => {
    expect(parseEnv({ STRAPI_URL: '', STRAPI_READ_TOKEN: '' })).toEqual({
      STRAPI_URL: 'http://127.0.0.1:1337',
      STRAPI_READ_TOKEN: undefined,
      SITE_URL: 'http://localhost:3000',
      REVALIDATE_SECRET: undefined,
      PREVIEW_SECRET: undefined,
      STRAPI_PREVIEW_TOKEN: undefined,
      PREVIEW_SESSION_SECONDS: 1800,
      SITE_INDEXING: true,
      CMS_PUBLIC_URL: undefined,
      CMS_REVALIDATE_SECONDS: 300,
      FRONT_URL: undefined,
      FRONT_REFRESH_TOKEN: undefined,
    });
  });

  it('takes the front and its refresh token together, or neither', () => {
    const token = 'cd'.repeat(32);
    expect(parseEnv({ FRONT_URL: 'http://front/', FRONT_REFRESH_TOKEN: token })).toMatchObject({
      FRONT_URL: 'http://front',
      FRONT_REFRESH_TOKEN: token,
    });
    expect(() => parseEnv({ FRONT_URL: 'http://front' })).toThrow(
      /FRONT_REFRESH_TOKEN: FRONT_URL and FRONT_REFRESH_TOKEN go together/,
    );
    expect(() => parseEnv({ FRONT_REFRESH_TOKEN: token })).toThrow(/go together/);
    expect(() => parseEnv({ FRONT_URL: 'front', FRONT_REFRESH_TOKEN: token })).toThrow(
      /FRONT_URL: must be an http\(s\) URL/,
    );
  });

  it('reads the preview session lifetime as whole seconds between a minute and a day', () => {
    expect(parseEnv({ PREVIEW_SESSION_SECONDS: '600' }).PREVIEW_SESSION_SECONDS).toBe(600);
    for (const refused of ['59', '86401', '1.5', 'long']) {
      expect(() => parseEnv({ PREVIEW_SESSION_SECONDS: refused })).toThrow(/PREVIEW_SESSION_SECONDS/);
    }
  });

  it('reads the revalidation interval as a whole number of seconds', () => {
    expect(parseEnv({ CMS_REVALIDATE_SECONDS: '2' }).CMS_REVALIDATE_SECONDS).toBe(2);
    expect(() => parseEnv({ CMS_REVALIDATE_SECONDS: '0' })).toThrow(InvalidEnvironmentError);
    expect(() => parseEnv({ CMS_REVALIDATE_SECONDS: 'soon' })).toThrow(/CMS_REVALIDATE_SECONDS/);
  });

  it('takes the secrets shared with the CMS, refusing short or spaced ones by name', () => {
    const secret = 'wQw8/6V2eaLz9QDPNrq20oGqUvRzfuW80GNPRkkHxYI=';
    expect(
      parseEnv({ REVALIDATE_SECRET: secret, PREVIEW_SECRET: secret, STRAPI_PREVIEW_TOKEN: 'ab'.repeat(48) }),
    ).toMatchObject({
      REVALIDATE_SECRET: secret,
      PREVIEW_SECRET: secret,
      STRAPI_PREVIEW_TOKEN: 'ab'.repeat(48),
    });
    expect(() => parseEnv({ REVALIDATE_SECRET: 'short' })).toThrow(/REVALIDATE_SECRET: must be at least 16 characters/);
    expect(() => parseEnv({ PREVIEW_SECRET: 'a secret with spaces' })).toThrow(
      /PREVIEW_SECRET: must not contain whitespace/,
    );
  });

  it('reads SITE_INDEXING as a boolean and refuses anything but true or false', () => {
    expect(parseEnv({ SITE_INDEXING: 'false' }).SITE_INDEXING).toBe(false);
    expect(parseEnv({ SITE_INDEXING: 'true' }).SITE_INDEXING).toBe(true);
    expect(() => parseEnv({ SITE_INDEXING: 'no' })).toThrow(/SITE_INDEXING: must be true or false/);
  });

  it.each(['http://127.0.0.1:1338', 'http://localhost:1337', 'http://cms:1337', 'https://cms.example.com'])(
    'accepts the CMS address %p',
    (url) => {
      expect(parseEnv({ STRAPI_URL: url }).STRAPI_URL).toBe(url);
    },
  );

  it('strips a trailing slash so paths can be appended', () => {
    expect(parseEnv({ STRAPI_URL: 'https://cms.example.com/' }).STRAPI_URL).toBe('https://cms.example.com');
  });

  it('names every invalid variable in one clear error', () => {
    let error: unknown;
    try {
      parseEnv({ STRAPI_URL: 'cms:1337', SITE_URL: 'ftp://example.com', STRAPI_READ_TOKEN: 'two words' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    const problems = (error as InvalidEnvironmentError).problems;
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^STRAPI_URL: must be an http\(s\) URL/),
        expect.stringMatching(/^SITE_URL: must be an http\(s\) URL/),
        expect.stringMatching(/^STRAPI_READ_TOKEN: must not contain whitespace/),
      ]),
    );
    expect((error as Error).message).toContain('web/.env.example');
  });
});
