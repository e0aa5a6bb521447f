import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SCHEDULE_FIELDS as FIELDS, SCHEDULED_TYPES, type ScheduleField } from '../publishing/schedule';

const GUARDED: ReadonlySet<string> = new Set(SCHEDULED_TYPES);
const LABELS: Record<ScheduleField, string> = { publishAt: 'Publish at', unpublishAt: 'Unpublish at' };

/** "2026-12-03 18:30 (UTC+8)": a schedule as the company's clock shows it. */
export function formatScheduleTime(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    })
      .formatToParts(date)
      .map(({ type, value }) => [type, value]),
  );
  const offset = String(parts.timeZoneName).replace('GMT', 'UTC');
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${offset === 'UTC' ? 'UTC+0' : offset})`;
}

function refuse(field: ScheduleField, message: string): never {
  throw new errors.ValidationError(`${LABELS[field]}: ${message}`, {
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });
}

const asDate = (value: unknown): Date | null =>
  value === null || value === undefined || value === '' ? null : new Date(value as string);

/**
 * The schedule's rules on every write, whatever route it comes through:
 * - a new `publishAt` or `unpublishAt` in the past is a 400 (an unchanged one the scheduler is
 *   about to fire is not: the admin sends the whole form on every save);
 * - `unpublishAt` must come after `publishAt`;
 * - a variant scheduled for later cannot be published now: the editor clears the time first, so
 *   a publish button cannot break an embargo by accident. The scheduler clears it before it
 *   publishes.
 */
export function registerScheduleGuard(strapi: Core.Strapi, timeZone: string): void {
  strapi.documents.use(async (context, next) => {
    if (!GUARDED.has(context.uid)) return next();
    const uid = context.uid as UID.ContentType;
    const params = (context.params ?? {}) as { documentId?: string; locale?: unknown; data?: Record<string, unknown> };
    const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : undefined;
    const now = new Date();

    if ((context.action === 'create' || context.action === 'update') && params.data) {
      const data = params.data;
      if (!FIELDS.some((field) => data[field] !== undefined)) return next();
      const stored: Record<string, unknown> | null =
        context.action === 'update' && params.documentId
          ? await strapi.db.query(uid).findOne({
              where: { documentId: params.documentId, publishedAt: null, ...(locale ? { locale } : {}) },
              select: [...FIELDS],
            })
          : null;
      const dates: Partial<Record<ScheduleField, Date | null>> = {};
      for (const field of FIELDS) {
        const date = data[field] === undefined ? asDate(stored?.[field]) : asDate(data[field]);
        dates[field] = date;
        if (!date || data[field] === undefined) continue;
        if (Number.isNaN(date.getTime())) refuse(field, `"${String(data[field])}" is not a date and time`);
        const unchanged = asDate(stored?.[field])?.getTime() === date.getTime();
        if (!unchanged && date <= now)
          refuse(
            field,
            `${formatScheduleTime(date, timeZone)} is in the past (now ${formatScheduleTime(now, timeZone)}); pick a later time, or leave it empty`,
          );
      }
      if (dates.publishAt && dates.unpublishAt && dates.unpublishAt <= dates.publishAt)
        refuse('unpublishAt', `must come after Publish at (${formatScheduleTime(dates.publishAt, timeZone)})`);
    }

    if (context.action === 'publish' && params.documentId) {
      const scheduled = await strapi.db.query(uid).findOne({
        where: {
          documentId: params.documentId,
          publishedAt: null,
          publishAt: { $gt: now },
          ...(locale ? { locale } : {}),
        },
        select: ['publishAt', 'locale'],
      });
      if (scheduled)
        refuse(
          'publishAt',
          `this ${scheduled.locale} variant is scheduled to publish at ${formatScheduleTime(asDate(scheduled.publishAt) as Date, timeZone)}; clear Publish at to publish it now`,
        );
      // A publish by hand of a time that has come (the scheduler not there yet) is that schedule firing.
      await strapi.db.query(uid).updateMany({
        where: {
          documentId: params.documentId,
          publishedAt: null,
          publishAt: { $notNull: true },
          ...(locale ? { locale } : {}),
        },
        data: { publishAt: null },
      });
    }
    return next();
  });
}
