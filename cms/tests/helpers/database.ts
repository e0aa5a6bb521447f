import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { CmsInstance } from './cms-instance';

/**
 * Runs one SQL statement on a test CMS's own database, behind Strapi's back: for states only
 * an outside tool makes (rows loaded in bulk, a partial restore). Restart the CMS afterwards.
 */
export async function runSql(cms: Pick<CmsInstance, 'sqlitePath' | 'postgres'>, statement: string): Promise<void> {
  if (cms.postgres) {
    const client = new Client({ connectionString: cms.postgres.url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
    return;
  }
  if (!cms.sqlitePath) throw new Error('runSql: the CMS has neither a PostgreSQL URL nor an SQLite file');
  const db = new Database(cms.sqlitePath);
  try {
    db.exec(statement);
  } finally {
    db.close();
  }
}
