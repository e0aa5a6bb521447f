import knexFactory, { type Knex } from 'knex';
import { insertRows } from '../../scripts/bench/generate-articles.cjs';

// The bench generator's bulk insert on SQLite, the embedded default (issue 15 goal 5): a batch of
// 500 documents is 2,000 article rows, more than the 500 terms SQLite allows in the compound
// SELECT knex writes a multi-row insert as. Real SQLite through the driver Strapi uses.

describe('generate-articles insertRows on SQLite', () => {
  let knex: Knex;

  beforeAll(async () => {
    knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await knex.schema.createTable('articles', (table) => {
      table.increments('id');
      table.string('title');
    });
  });

  afterAll(() => knex.destroy());

  test('inserts 2,000 rows in one transaction and returns their ids in row order', async () => {
    const rows = Array.from({ length: 2000 }, (_, index) => ({ title: `t${index}` }));
    const ids = await knex.transaction((trx) => insertRows(trx, 'articles', rows, true));
    expect(ids).toHaveLength(2000);
    const stored = await knex('articles').select('id', 'title').orderBy('id');
    const titleById = new Map(stored.map((row) => [row.id, row.title]));
    expect(ids.map((id: number) => titleById.get(id))).toEqual(rows.map((row) => row.title));
  });

  test('without returning, inserts every row', async () => {
    await knex('articles').del();
    const rows = Array.from({ length: 1201 }, (_, index) => ({ title: `u${index}` }));
    await knex.transaction((trx) => insertRows(trx, 'articles', rows));
    expect(Number((await knex('articles').count({ count: '*' }))[0]!.count)).toBe(1201);
  });
});
