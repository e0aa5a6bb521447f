import type { Core } from '@strapi/strapi';
import type { SiteChange } from '@medee/contract/change';
import { signNotice } from '@medee/contract/notice-signature';

export interface RetryOptions {
  maxAttempts: number;
  log: Pick<Core.Strapi['log'], 'debug' | 'warn' | 'error'>;
  /** First retry delay; each further one doubles, up to a minute. */
  retryDelayMs?: number;
}

const REQUEST_TIMEOUT_MS = 10_000;
const MAX_RETRY_DELAY_MS = 60_000;

/** The receiver answered a 4xx other than 408/429: a configuration error, not worth retrying. */
class DeliveryRefusedError extends Error {
  override name = 'DeliveryRefusedError';
}

/**
 * POSTs `body` and resolves on a 2xx. Throws DeliveryRefusedError on a 4xx that retrying cannot
 * fix, and a plain Error (to be retried) when the receiver is unreachable or answers 5xx/408/429.
 */
export async function postOnce(url: string, headers: Record<string, string>, body: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  await response.body?.cancel();
  if (response.ok) return;
  const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
  if (!retryable) throw new DeliveryRefusedError(`HTTP ${response.status}`);
  throw new Error(`HTTP ${response.status}`);
}

export interface Delivery {
  /** Names the delivery in the log, e.g. "the site about entry.publish api::article.article …". */
  what: string;
  attempt(): Promise<void>;
  /** The advice logged when the receiver refuses it (which variables to check). */
  onRefused: string;
  /** The consequence logged when every attempt failed. */
  onGivenUp: string;
}

/**
 * Sends deliveries in the background: one that fails because the receiver is unreachable or
 * answers 5xx/408/429 is retried with a doubling delay; a refusal (other 4xx) is logged, not
 * retried. A failure is never thrown to the caller: the publish that caused it has succeeded.
 */
export class RetryingSender {
  private readonly pending = new Set<Promise<void>>();
  private closing = false;
  private droppedOnClose = 0;

  constructor(private readonly options: RetryOptions) {}

  /** Starts the delivery; the promise settles (never rejects) when it succeeded or was given up. */
  send(delivery: Delivery): Promise<void> {
    const settled = this.deliver(delivery).finally(() => this.pending.delete(settled));
    this.pending.add(settled);
    return settled;
  }

  /**
   * Waits (up to `timeoutMs`) for the attempts in flight and drops the retries still to come:
   * on shutdown, or at the end of a script such as the seed, a receiver that is down is not waited for.
   * Answers how many deliveries were dropped.
   */
  async flush(timeoutMs = 5_000): Promise<number> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...this.pending]), timeout]);
    clearTimeout(timer);
    return this.droppedOnClose + this.pending.size;
  }

  private async deliver({ what, attempt: tryOnce, onRefused, onGivenUp }: Delivery): Promise<void> {
    const { maxAttempts, log } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await tryOnce();
        return;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (error instanceof DeliveryRefusedError) {
          log.error(`Refused: ${what}: ${reason}. ${onRefused}`);
          return;
        }
        if (this.closing) {
          this.droppedOnClose += 1;
          return;
        }
        if (attempt >= maxAttempts) {
          log.error(`Could not tell ${what} after ${attempt} attempt(s): ${reason}. ${onGivenUp}`);
          return;
        }
        const delayMs = Math.min((this.options.retryDelayMs ?? 1_000) * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);
        log.debug(`Could not tell ${what} (${reason}); retrying in ${delayMs} ms`);
        await new Promise<void>((resolve) => setTimeout(resolve, delayMs).unref());
        if (this.closing) {
          this.droppedOnClose += 1;
          return;
        }
      }
    }
  }
}

export interface NotifierOptions extends RetryOptions {
  url: string;
  secret: string;
}

/**
 * Delivers site changes to the site's revalidation route: POST, JSON, signed with the shared
 * secret (X-Medee-Signature), retried by RetryingSender. Deliveries are independent and order
 * does not matter: the site only marks tags stale and reads the current state back from the CMS,
 * so a late or repeated delivery is harmless.
 */
export class SiteNotifier {
  private readonly sender: RetryingSender;

  constructor(private readonly options: NotifierOptions) {
    this.sender = new RetryingSender(options);
  }

  /** Settles when the site took the notice or it was given up. */
  send(change: SiteChange): Promise<void> {
    const body = JSON.stringify(change);
    const headers = { 'Content-Type': 'application/json', 'X-Medee-Signature': signNotice(this.options.secret, body) };
    return this.sender.send({
      what: `the site about ${describeChange(change)}`,
      attempt: () => postOnce(this.options.url, headers, body),
      onRefused: 'Check SITE_REVALIDATE_URL and SITE_REVALIDATE_SECRET.',
      onGivenUp: 'It shows the change once its cache expires.',
    });
  }

  async flush(timeoutMs?: number): Promise<void> {
    const dropped = await this.sender.flush(timeoutMs);
    if (dropped > 0) {
      this.options.log.warn(
        `${dropped} change notice(s) did not reach the site before shutdown; it shows those changes once its cache expires.`,
      );
    }
  }
}

/** "entry.publish api::article.article <documentId> (mn, zh)": the changed locales of a change. */
export function describeChange(change: SiteChange): string {
  const locales = change.variants.filter((v) => v.changed).map((v) => v.locale);
  return `${change.event} ${change.uid} ${change.documentId} (${locales.join(', ')})`;
}
