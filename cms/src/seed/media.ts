import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { SeedData, SeedMedia } from './data';

/** Upload ids of the seed's images, by file name. Like the content ledger: each file is uploaded once, ever. */
type MediaLedger = Record<string, number>;
const MEDIA_LEDGER_KEY = 'seed-media-ledger';

const MIME_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

interface UploadService {
  upload(
    input: {
      data: { fileInfo: { name: string; alternativeText: string | null; caption: string | null } };
      files: { filepath: string; originalFilename: string; mimetype: string; size: number };
    },
    options?: object,
  ): Promise<Array<{ id: number }>>;
}

/** Every image the seed references, once, with the alternative text of its first use. */
function referencedMedia(data: SeedData): SeedMedia[] {
  const byFile = new Map<string, SeedMedia>();
  for (const media of [
    ...data.articles.map((article) => article.cover),
    ...data.certificates.map((certificate) => certificate.scan),
  ]) {
    if (media && !byFile.has(media.file)) byFile.set(media.file, media);
  }
  return [...byFile.values()];
}

/**
 * Uploads the seed's images through Strapi's upload service (so they get their
 * sizes, formats and thumbnails like an editor's upload) and returns a lookup
 * of upload id by file name. A file uploaded by an earlier run is not uploaded
 * again; if an editor has since deleted it, it stays deleted and the lookup
 * gives null, so new entries are created without it.
 */
export async function ensureSeedMedia(
  strapi: Core.Strapi,
  dataDir: string,
  data: SeedData,
): Promise<{ idOf: (media: SeedMedia | undefined) => number | null; uploaded: string[] }> {
  const store = strapi.store({ type: 'plugin', name: 'medee' });
  const ledger: MediaLedger = ((await store.get({ key: MEDIA_LEDGER_KEY })) as MediaLedger | null) ?? {};
  const available = new Map<string, number>();
  const uploaded: string[] = [];
  const uploadService = strapi.plugin('upload').service('upload') as unknown as UploadService;

  for (const media of referencedMedia(data)) {
    const recorded = ledger[media.file];
    if (recorded !== undefined) {
      const stillThere = await strapi.db.query('plugin::upload.file').findOne({ where: { id: recorded } });
      if (stillThere) available.set(media.file, recorded);
      continue;
    }
    const filepath = path.join(dataDir, 'media', media.file);
    const { size } = await fs.stat(filepath);
    const [file] = await uploadService.upload({
      data: { fileInfo: { name: media.file, alternativeText: media.alternativeText || null, caption: null } },
      files: {
        filepath,
        originalFilename: media.file,
        mimetype: MIME_TYPES[path.extname(media.file)] ?? 'application/octet-stream',
        size,
      },
    });
    if (!file) throw new Error(`Seed: uploading ${media.file} returned nothing`);
    ledger[media.file] = file.id;
    available.set(media.file, file.id);
    await store.set({ key: MEDIA_LEDGER_KEY, value: ledger });
    uploaded.push(media.file);
  }
  return { idOf: (media) => (media ? (available.get(media.file) ?? null) : null), uploaded };
}
