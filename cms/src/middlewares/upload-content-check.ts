import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';

/**
 * File signatures of the types editors may upload (config/plugins.ts UPLOAD_ALLOWED_TYPES).
 * `offset` is where `bytes` start; `null` bytes match anything.
 */
const SIGNATURES: ReadonlyArray<{ type: string; offset: number; bytes: ReadonlyArray<number | null> }> = [
  { type: 'image/jpeg', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/gif', offset: 0, bytes: [...Buffer.from('GIF8')] },
  { type: 'image/webp', offset: 0, bytes: [...Buffer.from('RIFF'), null, null, null, null, ...Buffer.from('WEBP')] },
  { type: 'image/avif', offset: 4, bytes: [...Buffer.from('ftypavi')] },
  { type: 'application/pdf', offset: 0, bytes: [...Buffer.from('%PDF-')] },
];

export function detectAllowedType(head: Uint8Array): string | undefined {
  return SIGNATURES.find(({ offset, bytes }) =>
    bytes.every((byte, index) => byte === null || head[offset + index] === byte),
  )?.type;
}

interface UploadedFile {
  filepath?: string;
  originalFilename?: string | null;
}

async function readHead(file: UploadedFile): Promise<Uint8Array> {
  if (!file.filepath) return new Uint8Array();
  const handle = await fs.open(file.filepath, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Every uploaded file must *be* one of the allowed types, judged by its first bytes.
 *
 * NOTE: the upload plugin's own check (plugin.upload.security) trusts a declared type that
 * matches the extension when it cannot recognize the content, so an SVG named x.png with type
 * image/png is stored (sharp even reads it as an image). Runs after strapi::body, which has put
 * the multipart files on disk.
 */
const uploadContentCheck: Core.MiddlewareFactory = () => async (ctx, next) => {
  const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files;
  if (ctx.method !== 'POST' || !files) return next();

  for (const file of Object.values(files).flat()) {
    if (!detectAllowedType(await readHead(file))) {
      ctx.status = 400;
      ctx.body = {
        data: null,
        error: {
          status: 400,
          name: 'ValidationError',
          message: `${file.originalFilename ?? 'The file'} is not a JPEG, PNG, WebP, GIF, AVIF image or a PDF`,
          details: {},
        },
      };
      return;
    }
  }
  return next();
};

export default uploadContentCheck;
