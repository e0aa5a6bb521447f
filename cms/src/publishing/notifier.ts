import type { Core } from '@strapi/strapi';
import type { SiteChange } from '@medee/contract/change';
import { signNotice } from '@medee/contract/notice-signature';

export interface NotifierOptions {
  url: string;
  secret: string;
  maxAttempts: number;
  log: Pick<Core.Strapi['log'], 'debug' | 'warn' | 'error'>;
  /** First retry delay; each further one doubles, up to a minute. */
  retryDelayMs?: number;
}

const REQUEST_TIMEOUT_MS = 10_000;
const MAX_RETRY_DELAY_MS = 60_000;

class DeliveryRefusedError extends Error {
  override name = 'DeliveryRefusedError';
}

/**
 * Delivers site changes to the site's revalidation route: POST, JSON, signed with the shared
 * secret (X-Medee-Signature). A delivery that fails because the site is unreachable or answers
 * 5xx/408/429 is retried with a doubling delay; a 4xx is a configuration error (wrong secret,
 * wrong URL) and is logged, not retried. Deliveries are independent and order does not matter:
 * the site only marks tags stale and reads the current state back from the CMS, so a late or
 * repeated delivery is harmless.
 */
export class SiteNotifier {
  private readonly pending = new Set<Promise<void>>();
  private closing = false;
  private droppedOnClose = 0;

  constructor(private readonly options: NotifierOptions) {}

  send(change: SiteChange): void {
    const delivery = this.deliver(change).finally(() => this.pending.delete(delivery));
    this.pending.add(delivery);
  }

  /**
   * Waits (up to `timeoutMs`) for the attempts in flight and drops the retries still to come:
   * on shutdown, or at the end of a script such as the seed, a site that is down is not waited for.
   */
  async flush(timeoutMs = 5_000): Promise<void> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...this.pending]), timeout]);
    clearTimeout(timer);
    const dropped = this.droppedOnClose + this.pending.size;
    if (dropped > 0) {
      this.options.log.warn(
        `${dropped} change notice(s) did not reach the site before shutdown; it shows those changes once its cache expires.`,
      );
    }
  }

  private async deliver(change: SiteChange): Promise<void> {
    const { maxAttempts, log } = this.options;
    const what = `${change.event} ${change.uid} ${change.documentId} (${change.variants
      .filter((v) => v.changed)
      .map((v) => v.locale)
      .join(', ')})`;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.post(change);
        return;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (error instanceof DeliveryRefusedError) {
          log.error(
            `The site refused the change notice for ${what}: ${reason}. Check SITE_REVALIDATE_URL and SITE_REVALIDATE_SECRET.`,
          );
          return;
        }
        if (this.closing) {
          this.droppedOnClose += 1;
          return;
        }
        if (attempt >= maxAttempts) {
          log.error(
            `Could not tell the site about ${what} after ${attempt} attempt(s): ${reason}. It shows the change once its cache expires.`,
          );
          return;
        }
        const delayMs = Math.min((this.options.retryDelayMs ?? 1_000) * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);
        log.debug(`Could not tell the site about ${what} (${reason}); retrying in ${delayMs} ms`);
        await new Promise<void>((resolve) => setTimeout(resolve, delayMs).unref());
        if (this.closing) {
          this.droppedOnClose += 1;
          return;
        }
      }
    }
  }

  private async post(change: SiteChange): Promise<void> {
    const body = JSON.stringify(change);
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Medee-Signature': signNotice(this.options.secret, body) },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.ok) return;
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    if (!retryable) throw new DeliveryRefusedError(`HTTP ${response.status}`);
    throw new Error(`HTTP ${response.status}`);
  }
}
