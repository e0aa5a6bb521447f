import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import createKnex, { type Knex } from 'knex';
import { startPostgres } from '../../scripts/lib/postgres.cjs';
import { createLease } from '../src/publishing/lease';

// The scheduler's lease (src/publishing/lease.ts) on both databases Strapi runs on: one holder at
// a time, also when instances race for it on their own connections, and a dead holder's lease
// passes on once it expires.

type Setup = { connect(): Knex; cleanup(): Promise<unknown> };

const databases: Record<string, () => Promise<Setup>> = {
  SQLite: async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medee-lease-'));
    const filename = path.join(dir, 'lease.db');
    return {
      connect: () => createKnex({ client: 'better-sqlite3', connection: { filename }, useNullAsDefault: true }),
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  },
  PostgreSQL: async () => {
    const pg = await startPostgres();
    return { connect: () => createKnex({ client: 'pg', connection: pg.url }), cleanup: pg.stop };
  },
};

describe.each(Object.keys(databases))('the scheduler lease on %s', (name) => {
  let setup: Setup;
  const connections: Knex[] = [];
  /** A CMS instance: its own connection pool, its own owner id, a clock the test moves. */
  const instance = async (owner: string, clock: { now: number }) => {
    const knex = setup.connect();
    connections.push(knex);
    return createLease(knex, { name: 'schedule', owner, ttlMs: 10_000, now: () => clock.now });
  };

  beforeAll(async () => {
    setup = await databases[name]!();
  }, 120_000);
  afterAll(async () => {
    for (const knex of connections) await knex.destroy();
    await setup?.cleanup();
  }, 60_000);

  test('one holder; it renews; a dead holder loses it after the expiry; a release hands it over at once', async () => {
    const clock = { now: 1_000_000 };
    const [a, b] = await Promise.all([instance('a', clock), instance('b', clock)]);

    // Both ask at the same moment, several times over: exactly one of them ever holds it.
    const first = await Promise.all([a.acquire(), b.acquire(), a.acquire(), b.acquire()]);
    const holders = new Set(first.flatMap((held, i) => (held ? [i % 2 === 0 ? 'a' : 'b'] : [])));
    expect(holders.size).toBe(1);
    const [holder, other] = holders.has('a') ? [a, b] : [b, a];

    clock.now += 9_000;
    expect(await holder.acquire()).toBe(true);
    expect(await other.acquire()).toBe(false);
    // The holder stops renewing (it died): once its last renewal expires, the other takes over.
    clock.now += 10_001;
    expect(await other.acquire()).toBe(true);
    expect(await holder.acquire()).toBe(false);

    await other.release();
    expect(await holder.acquire()).toBe(true);
  });
});
