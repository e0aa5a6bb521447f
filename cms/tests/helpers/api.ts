import type { CmsInstance } from './cms-instance';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field

export interface Reply {
  status: number;
  headers: Headers;
  body: Json;
}

/** GET (or any method) on the CMS, with the body parsed as JSON when it is JSON. */
export async function request(cms: Pick<CmsInstance, 'baseUrl'>, path: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(`${cms.baseUrl}${path}`, init);
  const text = await response.text();
  let body: Json = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: response.status, headers: response.headers, body };
}

/** Logs in to the admin API and returns a function that calls it, throwing on a non-2xx answer. */
export async function adminClient(cms: CmsInstance, credentials = cms.admin) {
  const login = await request(cms, '/admin/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (login.status !== 200) throw new Error(`admin login → ${login.status}: ${JSON.stringify(login.body)}`);
  const token: string = login.body.data.token;
  const call = async (method: string, path: string, body?: unknown): Promise<Json> => {
    const reply = await request(cms, path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (reply.status >= 300) throw new Error(`${method} ${path} → ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  return Object.assign(call, { token });
}

/** Every key anywhere in a JSON value. */
export function allKeys(value: Json, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => allKeys(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      allKeys(item, into);
    }
  }
  return into;
}
