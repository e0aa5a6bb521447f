/** A raw SELECT's rows: knex hands back PostgreSQL's result object but SQLite's row array. */
// biome-ignore lint/suspicious/noExplicitAny: rows of a raw query
export const rows = (result: any): any[] => (Array.isArray(result) ? result : result.rows);
