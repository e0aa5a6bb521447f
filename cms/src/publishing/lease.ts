import type { Knex } from 'knex';

// A lease row in the database names the one CMS instance that may run a periodic job: it is taken
// with a single UPDATE … WHERE the lease has expired (or is already ours), which the database
// applies atomically, so of two instances ticking at once exactly one sees its row updated. An
// instance that dies keeps the lease only until it expires. Plain SQL through Strapi's knex,
// so it behaves the same on SQLite and PostgreSQL; the table is not a content type because
// nothing in the admin or the API should see it.

export const LEASE_TABLE = 'medee_leases';

export interface Lease {
  /** True while this instance holds the lease (taken now or renewed); false when another does. */
  acquire(): Promise<boolean>;
  /** Lets another instance take over at once (on shutdown). */
  release(): Promise<void>;
}

async function ensureTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(LEASE_TABLE)) return;
  try {
    await knex.schema.createTable(LEASE_TABLE, (table) => {
      table.string('name', 100).primary();
      table.string('owner', 100).notNullable();
      table.bigInteger('expires_at').notNullable();
    });
  } catch (error) {
    // Another instance starting at the same moment created it first.
    if (!(await knex.schema.hasTable(LEASE_TABLE))) throw error;
  }
}

export async function createLease(
  knex: Knex,
  { name, owner, ttlMs, now = Date.now }: { name: string; owner: string; ttlMs: number; now?: () => number },
): Promise<Lease> {
  await ensureTable(knex);
  await knex(LEASE_TABLE).insert({ name, owner: '', expires_at: 0 }).onConflict('name').ignore();
  return {
    async acquire() {
      const at = now();
      const updated = await knex(LEASE_TABLE)
        .where({ name })
        .andWhere((where) => where.where('expires_at', '<', at).orWhere({ owner }))
        .update({ owner, expires_at: at + ttlMs });
      return updated === 1;
    },
    async release() {
      await knex(LEASE_TABLE).where({ name, owner }).update({ expires_at: 0 });
    },
  };
}
