// What backup and restore read from PostgreSQL's catalog: the tables, their columns, primary keys
// and foreign keys, and the one way a table is read, so that a backup and the check after a
// restore produce the same bytes on any server (same time zone, date style, row order).
import 'server-only';
import type pg from 'pg';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every base table of the public schema but the migrations' bookkeeping, by name. */
export async function listTables(client: pg.ClientBase): Promise<string[]> {
  const result = await client.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  return result.rows.map((row) => row.tablename);
}

export async function tableColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const result = await client.query<{ attname: string }>(
    `SELECT a.attname FROM pg_attribute a
      WHERE a.attrelid = ('public.' || quote_ident($1))::regclass AND a.attnum > 0 AND NOT a.attisdropped
        AND a.attgenerated = ''
      ORDER BY a.attnum`,
    [table],
  );
  return result.rows.map((row) => row.attname);
}

async function primaryKey(client: pg.ClientBase, table: string): Promise<string[]> {
  const result = await client.query<{ attname: string }>(
    `SELECT a.attname FROM pg_index i
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = ('public.' || quote_ident($1))::regclass AND i.indisprimary
      ORDER BY k.position`,
    [table],
  );
  return result.rows.map((row) => row.attname);
}

/** The COPY that reads a table: in primary-key order compared as bytes, the same on every server. */
export async function copyOutQuery(client: pg.ClientBase, table: string, columns: readonly string[]): Promise<string> {
  const key = await primaryKey(client, table);
  const order = (key.length ? key : columns).map((column) => `${quote(column)}::text COLLATE "C"`).join(', ');
  return `COPY (SELECT ${columns.map(quote).join(', ')} FROM public.${quote(table)} ORDER BY ${order}) TO STDOUT`;
}

export const copyInQuery = (table: string, columns: readonly string[]) =>
  `COPY public.${quote(table)} (${columns.map(quote).join(', ')}) FROM STDIN`;

/** Settings that fix how values are written as text, whatever the server's defaults. */
export async function setCanonicalSession(client: pg.ClientBase): Promise<void> {
  await client.query(
    `SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres';
     SET LOCAL extra_float_digits = 3; SET LOCAL bytea_output = 'hex'; SET LOCAL client_encoding = 'UTF8'`,
  );
}

export async function foreignKeys(client: pg.ClientBase): Promise<{ from: string; to: string }[]> {
  const result = await client.query<{ from: string; to: string }>(
    `SELECT c.conrelid::regclass::text AS from, c.confrelid::regclass::text AS to
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const bare = (name: string) => name.replace(/^public\./, '').replace(/^"|"$/g, '');
  return result.rows.map((row) => ({ from: bare(row.from), to: bare(row.to) }));
}

/** Sets every sequence owned by a column to follow the largest value restored into it. */
export async function resetSequences(client: pg.ClientBase, tables: readonly string[]): Promise<number> {
  let count = 0;
  for (const table of tables) {
    const owned = await client.query<{ column: string; sequence: string }>(
      `SELECT a.attname AS column, pg_get_serial_sequence('public.' || quote_ident($1), a.attname) AS sequence
         FROM pg_attribute a
        WHERE a.attrelid = ('public.' || quote_ident($1))::regclass AND a.attnum > 0 AND NOT a.attisdropped
          AND pg_get_serial_sequence('public.' || quote_ident($1), a.attname) IS NOT NULL`,
      [table],
    );
    for (const { column, sequence } of owned.rows) {
      await client.query(
        `SELECT setval($1, coalesce((SELECT max(${quote(column)}) FROM public.${quote(table)}), 0) + 1, false)`,
        [sequence],
      );
      count++;
    }
  }
  return count;
}

export { quote as quoteIdentifier };
