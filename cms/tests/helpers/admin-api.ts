import { spawn } from 'node:child_process';
import path from 'node:path';
import { rootDir } from '../../../scripts/lib/cms.cjs';
import { request as cmsRequest } from './api';
import type { CmsInstance } from './cms-instance';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

export interface AdminSession {
  token: string;
  /** A request to the admin API as this user; never throws on an HTTP error status. */
  request(method: string, apiPath: string, body?: unknown): Promise<{ status: number; body: Json }>;
}

export function adminSession(baseUrl: string, token: string): AdminSession {
  return {
    token,
    async request(method, apiPath, body) {
      const { status, body: answer } = await cmsRequest({ baseUrl }, apiPath, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status, body: answer };
    },
  };
}

/** Logs in through POST /admin/login, as the admin panel does. */
export async function loginAdmin(
  baseUrl: string,
  credentials: { email: string; password: string },
): Promise<AdminSession> {
  const response = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const json = (await response.json()) as Json;
  if (response.status !== 200)
    throw new Error(`login as ${credentials.email} → ${response.status}: ${JSON.stringify(json)}`);
  return adminSession(baseUrl, json.data.token);
}

/**
 * Logs in to the admin API (as the CMS's demo admin unless `credentials` say otherwise) and
 * returns a function that calls it as that user and answers the parsed body. It throws on a
 * non-2xx status, with the answer in the message, so that a setup step that fails stops the test
 * where it failed. Its `token` is the session's, for requests it does not make (uploads).
 */
export async function adminClient(cms: Pick<CmsInstance, 'baseUrl' | 'admin'>, credentials = cms.admin) {
  const session = await loginAdmin(cms.baseUrl, credentials);
  const call = async (method: string, apiPath: string, body?: unknown): Promise<Json> => {
    const reply = await session.request(method, apiPath, body);
    if (reply.status >= 300) throw new Error(`${method} ${apiPath} → ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  return Object.assign(call, { token: session.token });
}

export type AdminClient = Awaited<ReturnType<typeof adminClient>>;

/**
 * An admin user with `roleName`, invited by `superAdmin` and registered through the invitation
 * link's API, as a new colleague would be.
 */
export async function createAdminUser(
  baseUrl: string,
  superAdmin: AdminSession,
  roleName: string,
  email: string,
  password: string,
): Promise<AdminSession> {
  const roles = await superAdmin.request('GET', '/admin/roles');
  const role = roles.body.data.find((r: Json) => r.name === roleName);
  if (!role) throw new Error(`No admin role named ${roleName}: ${JSON.stringify(roles.body)}`);
  const created = await superAdmin.request('POST', '/admin/users', {
    firstname: roleName,
    lastname: 'test',
    email,
    roles: [role.id],
  });
  if (created.status !== 201) throw new Error(`creating ${email} → ${created.status}: ${JSON.stringify(created.body)}`);
  const registered = await fetch(`${baseUrl}/admin/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      registrationToken: created.body.data.registrationToken,
      userInfo: { firstname: roleName, lastname: 'test', password },
    }),
  });
  const json = (await registered.json()) as Json;
  if (registered.status !== 200)
    throw new Error(`registering ${email} → ${registered.status}: ${JSON.stringify(json)}`);
  return adminSession(baseUrl, json.data.token);
}

/** Runs `npm run i18n -- …`'s script (scripts/i18n.mjs) and collects its exit code and output. */
export function runI18nCli(
  args: string[],
  env: Record<string, string>,
  cwd = rootDir,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(rootDir, 'scripts', 'i18n.mjs'), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', INIT_CWD: cwd, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a chunk boundary may split a multi-byte character (a big XLIFF export
    // of Cyrillic and Chinese text), which per-chunk decoding turns into U+FFFD.
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // 'close', not 'exit': the output pipes may still hold data when the process has exited.
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
