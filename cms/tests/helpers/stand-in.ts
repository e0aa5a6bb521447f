import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInRequest {
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface StandIn {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/**
 * A local HTTP server standing in for an endpoint the CMS posts to (the site's revalidation route,
 * a search engine): `answer` gets each request with its whole body and returns the status to
 * reply with (a 2xx with an empty JSON object, anything else without a body).
 */
export async function startStandIn(answer: (request: StandInRequest) => number): Promise<StandIn> {
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const status = answer({ url: new URL(request.url ?? '/', 'http://stand-in'), headers: request.headers, body });
      if (status >= 300) response.writeHead(status).end();
      else response.writeHead(status, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
