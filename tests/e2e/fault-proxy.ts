import http from 'node:http';
import { freePort } from '../../scripts/lib/processes.cjs';

export type FaultMode = 'pass' | 'unavailable' | 'slow';

export interface FaultProxy {
  baseUrl: string;
  /** pass: forward (a stopped CMS then fails the request); unavailable: answer 503; slow: forward after `slowMs`. */
  setMode(mode: FaultMode): void;
  /** Requests received so far, in any mode. */
  requestCount(): number;
  stop(): Promise<void>;
}

/**
 * An HTTP proxy in front of the CMS that can fail on demand, so the site's behaviour in a CMS
 * outage is tested without killing the CMS (and its database) for real.
 */
export async function startFaultProxy(targetBaseUrl: string, { slowMs = 15_000 } = {}): Promise<FaultProxy> {
  const port = await freePort();
  const target = new URL(targetBaseUrl);
  let mode: FaultMode = 'pass';
  let received = 0;
  const pendingTimers = new Set<NodeJS.Timeout>();

  const forward = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  const server = http.createServer((req, res) => {
    received += 1;
    if (mode === 'pass') return forward(req, res);
    if (mode === 'unavailable') {
      res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '5' });
      res.end('{"data":null,"error":{"status":503,"name":"ServiceUnavailableError","message":"down for maintenance"}}');
    } else {
      const timer = setTimeout(() => {
        pendingTimers.delete(timer);
        forward(req, res);
      }, slowMs);
      pendingTimers.add(timer);
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    setMode(next) {
      mode = next;
    },
    requestCount: () => received,
    async stop() {
      for (const timer of pendingTimers) clearTimeout(timer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
