import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Core, UID } from '@strapi/strapi';
import { createLease, type Lease } from './lease';

/**
 * Scheduled publishing and unpublishing (embargo). An article or certificate variant whose draft
 * holds `publishAt` stays a draft — invisible to the content API, the site, feeds, the sitemap and
 * search — until that time; then the scheduler publishes it with the Document Service, the path a
 * manual publish takes, so the change notice (src/publishing/changes.ts) refreshes the site.
 * `unpublishAt` unpublishes the same way. Each field is cleared on the draft in the same
 * transaction as the publish, so a schedule fires once and the admin shows "Published", not
 * "Modified". One instance runs the ticks (a database lease, src/publishing/lease.ts); the clear
 * only matches a draft still due, so even two schedulers could not fire one schedule twice. The
 * first tick runs at start: a time that passed while the CMS was down fires then.
 */

export const SCHEDULED_TYPES = ['api::article.article', 'api::certificate.certificate'] as const;
export const SCHEDULE_FIELDS = ['publishAt', 'unpublishAt'] as const;
export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];

const BATCH = 100;

export interface FiredSchedule {
  uid: string;
  documentId: string;
  locale: string;
  field: ScheduleField;
  /** When it was due, and when it fired (ISO). */
  dueAt: string;
  firedAt: string;
}

interface DueRow {
  id: number;
  documentId: string;
  locale: string;
  publishAt?: string | Date | null;
  unpublishAt?: string | Date | null;
}

async function fire(strapi: Core.Strapi, uid: UID.ContentType, row: DueRow, field: ScheduleField, now: Date) {
  const documents = strapi.documents(uid);
  return strapi.db.transaction(async () => {
    // Only a draft still due: another instance, or an editor who moved the time, wins.
    const { count } = await strapi.db.query(uid).updateMany({
      where: { id: row.id, publishedAt: null, [field]: { $notNull: true, $lte: now } },
      data: { [field]: null },
    });
    if (count !== 1) return false;
    if (field === 'publishAt') await documents.publish({ documentId: row.documentId, locale: row.locale });
    else await documents.unpublish({ documentId: row.documentId, locale: row.locale });
    return true;
  });
}

/** Fires every schedule that is due; returns what fired. */
export async function runDueSchedules(strapi: Core.Strapi, now = new Date()): Promise<FiredSchedule[]> {
  const fired: FiredSchedule[] = [];
  for (const uid of SCHEDULED_TYPES) {
    for (const field of SCHEDULE_FIELDS) {
      const due: DueRow[] = await strapi.db.query(uid).findMany({
        where: { publishedAt: null, [field]: { $notNull: true, $lte: now } },
        select: ['id', 'documentId', 'locale', field],
        orderBy: { [field]: 'asc' },
        limit: BATCH,
      });
      for (const row of due) {
        const dueAt = new Date(row[field] as string).toISOString();
        const name = `${uid} ${row.documentId} (${row.locale})`;
        try {
          if (!(await fire(strapi, uid, row, field, now))) continue;
          const done = { uid, documentId: row.documentId, locale: row.locale, field, dueAt };
          fired.push({ ...done, firedAt: new Date().toISOString() });
          strapi.log.info(`Schedule: ${field === 'publishAt' ? 'published' : 'unpublished'} ${name}, due ${dueAt}`);
        } catch (error) {
          // A draft that cannot be published (a required field emptied since) would fail on every
          // tick: the schedule is dropped and the editor finds the variant still a draft.
          await strapi.db.query(uid).update({ where: { id: row.id }, data: { [field]: null } });
          strapi.log.error(`Schedule: could not ${field === 'publishAt' ? 'publish' : 'unpublish'} ${name}: ${error}`);
        }
      }
    }
  }
  return fired;
}

export class Scheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private lease?: Lease;
  private readonly owner = `${os.hostname()}:${process.pid}:${randomUUID()}`;

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly intervalMs: number,
  ) {}

  async start(): Promise<void> {
    // The lease outlives a few missed ticks, so a busy holder keeps it; a dead one loses it soon.
    this.lease = await createLease(this.strapi.db.connection, {
      name: 'schedule',
      owner: this.owner,
      ttlMs: Math.max(3 * this.intervalMs, 15_000),
    });
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
    this.tick();
  }

  /** One pass; ticks never overlap within an instance. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      if (!(await this.lease?.acquire())) return;
      await runDueSchedules(this.strapi);
    } catch (error) {
      this.strapi.log.warn(`Schedule: tick failed (retried on the next one): ${error}`);
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.lease?.release().catch(() => undefined);
  }
}
