// History storage per 1,000 saves: an editor saves one article `saves` times through the admin
// API (each save a new word in its body), and the version table's growth is scaled to 1,000
// saves. Reported both as the versions' field data (JSON bytes) and as the table with its
// indexes on disk (PostgreSQL's relation size, SQLite's dbstat pages).

const TABLE = 'history_versions';

/**
 * @param {object} options
 * @param {string} options.cmsUrl the running CMS
 * @param {{ email: string, password: string }} options.admin an admin account of it
 * @param {(sql: string) => Promise<number | null>} options.scalar runs a query on its database, answers the first column of the first row
 * @param {'postgres' | 'sqlite'} options.database
 * @param {number} options.saves
 */
export async function measureHistoryStorage({ cmsUrl, admin, scalar, database, saves }) {
  const login = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (!login.ok) throw new Error(`history bench: admin login answered ${login.status}`);
  const { token } = (await login.json()).data;
  const call = async (method, apiPath, body) => {
    const response = await fetch(`${cmsUrl}${apiPath}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`history bench: ${method} ${apiPath} answered ${response.status}`);
    return response.json();
  };

  const articles = '/content-manager/collection-types/api::article.article';
  const [article] = (await call('GET', `${articles}?locale=mn&pageSize=1&sort=id:asc`)).results;
  const { data: draft } = await call('GET', `${articles}/${article.documentId}?locale=mn`);
  const body = Array.isArray(draft.body) && draft.body.length ? draft.body : [];

  const tableBytes =
    database === 'postgres'
      ? `SELECT pg_total_relation_size('${TABLE}')`
      : `SELECT sum(pgsize) FROM dbstat WHERE name = '${TABLE}' OR tbl_name = '${TABLE}'`;
  const measure = async () => ({
    versions: Number(await scalar(`SELECT count(*) FROM ${TABLE}`)),
    fieldBytes: Number(
      (await scalar(
        database === 'postgres'
          ? `SELECT coalesce(sum(octet_length(fields::text)), 0) FROM ${TABLE}`
          : `SELECT coalesce(sum(length(CAST(fields AS BLOB))), 0) FROM ${TABLE}`,
      )) ?? 0,
    ),
    tableBytes: await scalar(tableBytes).catch(() => null),
  });

  const before = await measure();
  for (let save = 1; save <= saves; save += 1) {
    const edited = [...body, { type: 'paragraph', children: [{ type: 'text', text: `Засвар ${save}.` }] }];
    await call('PUT', `${articles}/${article.documentId}?locale=mn`, { body: edited });
  }
  const after = await measure();
  const perThousand = (bytes) => Math.round(((bytes * 1000) / saves / 1024) * 10) / 10;
  return {
    saves,
    versionsAdded: after.versions - before.versions,
    articleBodyBytes: Buffer.byteLength(JSON.stringify(body)),
    fieldKiBPer1000: perThousand(after.fieldBytes - before.fieldBytes),
    tableKiBPer1000:
      after.tableBytes === null || before.tableBytes === null
        ? null
        : perThousand(Number(after.tableBytes) - Number(before.tableBytes)),
  };
}
