// `COPY … FROM STDIN` with plain `pg` (pg-copy-streams is not a dependency): a query object that
// pg's client accepts (it has `submit`) and that answers the server's CopyInResponse by sending
// the rows in chunks, waiting for the socket to drain, then CopyDone. Rows are given as arrays of
// cells and written in PostgreSQL's text format.
import type pg from 'pg';

export type CopyCell = string | number | boolean | null | undefined;

/** One cell in COPY's text format: `\N` for null, and backslash, tab and line breaks escaped. */
export function copyCell(value: CopyCell): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

export function copyLine(cells: readonly CopyCell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : '\t') + copyCell(cells[i]);
  return `${line}\n`;
}

/** A PostgreSQL array literal of simple words (enum values), e.g. `{CONTRIBUTOR,REFERENT}`. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

type Connection = {
  query: (text: string) => void;
  sendCopyFromChunk: (chunk: Buffer) => void;
  endCopyFrom: () => void;
  sendCopyFail: (message: string) => void;
  stream: NodeJS.WritableStream & {
    writableNeedDrain?: boolean;
    once: (event: string, listener: () => void) => unknown;
  };
};

const CHUNK_BYTES = 1 << 20;

class CopyFromQuery {
  private error: Error | null = null;
  private rowCount = 0;
  readonly promise: Promise<number>;
  private resolve!: (rows: number) => void;
  private reject!: (error: Error) => void;

  constructor(
    private readonly text: string,
    private readonly rows: Iterable<readonly CopyCell[]>,
  ) {
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: Connection): void {
    void this.pump(connection);
  }

  private async pump(connection: Connection): Promise<void> {
    try {
      let buffer = '';
      for (const row of this.rows) {
        if (this.error) return; // the server refused: stop sending, it answers ReadyForQuery
        buffer += copyLine(row);
        this.rowCount += 1;
        if (buffer.length >= CHUNK_BYTES) {
          connection.sendCopyFromChunk(Buffer.from(buffer, 'utf8'));
          buffer = '';
          if (connection.stream.writableNeedDrain)
            await new Promise<void>((resolve) => connection.stream.once('drain', resolve));
        }
      }
      if (buffer) connection.sendCopyFromChunk(Buffer.from(buffer, 'utf8'));
      connection.endCopyFrom();
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error));
      connection.sendCopyFail(this.error.message);
    }
  }

  handleError(error: Error): void {
    this.error ??= error;
  }

  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}

  handleReadyForQuery(): void {
    if (this.error) this.reject(this.error);
    else this.resolve(this.rowCount);
  }
}

/** Streams `rows` into `table (columns)`; resolves with the number of rows sent. */
export async function copyRows(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyCell[]>,
): Promise<number> {
  const query = new CopyFromQuery(
    `COPY "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) FROM STDIN`,
    rows,
  );
  void client.query(query as unknown as pg.QueryConfig);
  return query.promise;
}
