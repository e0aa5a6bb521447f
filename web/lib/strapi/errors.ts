/** Something went wrong talking to the CMS. `path` is the API path that was read, e.g. `/api/articles`. */
export class CmsError extends Error {
  override name = 'CmsError';
  readonly path: string;
  /** HTTP status of the CMS response; undefined when no response arrived. */
  readonly status: number | undefined;

  constructor(message: string, context: { path: string; status?: number; cause?: unknown }) {
    super(`${message} (GET ${context.path}${context.status ? `, HTTP ${context.status}` : ''})`, {
      cause: context.cause,
    });
    this.path = context.path;
    this.status = context.status;
  }
}

/**
 * The CMS could not be reached, timed out or failed on its side (5xx). Worth
 * retrying later; pages let it reach the localized error.tsx, and Next.js
 * caches neither the failed response nor the error page.
 */
export class CmsUnavailableError extends CmsError {
  override name = 'CmsUnavailableError';
}

/**
 * The CMS answered, but not with what the site expects: a field is missing or
 * has the wrong type. `issues` names each offending field, e.g.
 * `data.3.postedAt: Invalid ISO date`.
 */
export class CmsContentError extends Error {
  override name = 'CmsContentError';

  constructor(
    readonly what: string,
    readonly issues: readonly string[],
  ) {
    super(`Unexpected ${what} from the CMS: ${issues.join('; ')}`);
  }
}

/**
 * `read`'s result, or null when the CMS refused the query as malformed (400). A page that
 * passes reader input (a search, a slug) to the CMS answers that null itself, with a message
 * or a 404, as it does for input it rejects on its own: a reader's typo is never a 500.
 */
export async function nullIfRefused<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof CmsError && error.status === 400) return null;
    throw error;
  }
}
