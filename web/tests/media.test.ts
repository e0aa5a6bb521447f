import { isCmsUpload, publicImageUrl } from '@/lib/media';

describe('publicImageUrl', () => {
  const options = { siteUrl: 'https://example.com', cmsOrigin: 'http://127.0.0.1:1337' };

  it('serves CMS uploads through the site’s image optimizer', () => {
    expect(publicImageUrl('http://127.0.0.1:1337/uploads/a b.jpg', options)).toBe(
      'https://example.com/_next/image?url=http%3A%2F%2F127.0.0.1%3A1337%2Fuploads%2Fa%20b.jpg&w=1200&q=75',
    );
    expect(publicImageUrl('http://127.0.0.1:1337/uploads/a.jpg', { ...options, width: 640 })).toContain('&w=640&');
  });

  it('leaves images on a public host (an S3-style provider) as they are', () => {
    expect(publicImageUrl('https://cdn.example.com/uploads/a.jpg', options)).toBe(
      'https://cdn.example.com/uploads/a.jpg',
    );
  });
});

describe('isCmsUpload: what the image optimizer may fetch', () => {
  const cms = 'http://127.0.0.1:1337';

  it('accepts the CMS’s uploads on its origin and port', () => {
    expect(isCmsUpload('http://127.0.0.1:1337/uploads/a.jpg', cms)).toBe(true);
    expect(isCmsUpload('http://127.0.0.1:1337/uploads/a.jpg', `${cms}/`)).toBe(true);
  });

  it.each([
    'http://127.0.0.1:1338/uploads/a.jpg',
    'http://127.0.0.1:1337.evil.example/uploads/a.jpg',
    'http://127.0.0.1:1337@evil.example/uploads/a.jpg',
    'http://user:pass@127.0.0.1:1337/uploads/a.jpg',
    'https://127.0.0.1:1337/uploads/a.jpg',
    'http://127.0.0.1:1337/admin',
    'http://127.0.0.1:1337/uploads/../admin/x.png',
    'http://127.0.0.1:1337/uploads/%2e%2e/admin/x.png',
    'http://127.0.0.1:1337/uploadsx/a.jpg',
    '/uploads/a.jpg',
    '//127.0.0.1:1337/uploads/a.jpg',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isCmsUpload(url, cms)).toBe(false);
  });
});
