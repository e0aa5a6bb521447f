import { type StandIn, startStandIn } from './stand-in';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

export interface Notice {
  signature: string;
  rawBody: string;
  body: Json;
}

/** Stands in for the site's revalidation route: records every notice, and can refuse the next few. */
export class NoticeRecorder {
  readonly notices: Notice[] = [];
  failNext = 0;
  private standIn?: StandIn;

  async listen(): Promise<string> {
    this.standIn = await startStandIn(({ headers, body }) => {
      if (this.failNext > 0) {
        this.failNext -= 1;
        return 503;
      }
      this.notices.push({
        signature: String(headers['x-medee-signature'] ?? ''),
        rawBody: body,
        body: JSON.parse(body),
      });
      return 200;
    });
    return this.standIn.url;
  }

  async close(): Promise<void> {
    await this.standIn?.close();
  }

  /** Polls until a notice after index `from` matches; returns every notice after `from` up to it. */
  async waitFor(from: number, match: (body: Json) => boolean, timeoutMs = 15_000): Promise<Notice[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.notices.findIndex((notice, i) => i >= from && match(notice.body));
      if (index >= 0) return this.notices.slice(from, index + 1);
      if (Date.now() > deadline)
        throw new Error(
          `No matching notice within ${timeoutMs} ms; got ${JSON.stringify(this.notices.slice(from).map((n) => n.body))}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
