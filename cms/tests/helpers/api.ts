import type { CmsInstance } from './cms-instance';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

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

/** Every key anywhere in a JSON value. */
export function allKeys(value: Json, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) allKeys(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      allKeys(item, into);
    }
  }
  return into;
}
