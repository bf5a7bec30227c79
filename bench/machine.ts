// The machine a result came from: figures mean little without it.
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';

export type Machine = {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string;
  loadAverage: number[];
};

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  let postgres = 'unknown';
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    postgres = (await client.query<{ version: string }>('SELECT version()')).rows[0].version;
  } finally {
    await client.end().catch(() => undefined);
  }
  let osName = `${os.type()} ${os.release()}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) osName = `${pretty} (${os.release()})`;
  } catch {
    // not Linux
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: osName,
    node: process.version,
    postgres,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}
