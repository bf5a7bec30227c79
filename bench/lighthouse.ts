// The declare page as a contributor's phone gets it: Lighthouse 12 (default mobile config,
// simulated throttling) three times against /contributions/new, signed in through next-auth's
// credentials flow over HTTP, and the JavaScript the page loads, gzipped here at zlib's default
// level so the figure does not depend on whether the server compresses. It reports and never
// fails on a figure (issue 6: ≤ 150 kB of JavaScript, performance ≥ 90, accessibility ≥ 95).
//
//   tsx bench/lighthouse.ts http://localhost:3410 [email] [password]
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import pg from 'pg';
import { hashPassword } from '../lib/auth/password';
import { median } from './stats';

export const DECLARE_PATH = '/contributions/new';
const RUNS = 3;
const MAX_RETRIES = 3;
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-quic'];

export type DeclarePageMetrics = { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
export type DeclarePageRun = {
  performance: number;
  accessibility: number;
  metrics: DeclarePageMetrics;
  failedAudits: string[];
  erroredAudits: string[];
};
export type DeclarePageResult = {
  url: string;
  /** Every external script the page loaded during the three runs, gzipped (zlib default level), added up. */
  jsGzipBytes: number;
  jsFiles: { url: string; gzipBytes: number; rawBytes: number }[];
  /** Inline <script> elements of the HTML (the RSC payload among them): not in jsGzipBytes, shown apart. */
  inlineScriptGzipBytes: number;
  htmlGzipBytes: number;
  /** Medians of the three runs, each taken on its own. */
  performance: number;
  accessibility: number;
  metrics: DeclarePageMetrics;
  runs: DeclarePageRun[];
  lighthouseVersion: string;
  chromeVersion: string;
  /** Lighthouse's measure of this machine's CPU speed during the runs (median): how loaded it was. */
  benchmarkIndex: number;
  /** Audits that scored below 0.9 in any run, "id: title". */
  failedAudits?: string[];
  /**
   * Audits Lighthouse could not run, "id: error". With Chromium 15x, Lighthouse 12.2.3 cannot read
   * the trace's layout-shift root causes (`frame_sequence`), so six diagnostics of the performance
   * category error; they weigh nothing in its score, which comes from the metrics alone.
   */
  erroredAudits?: string[];
};

export type MeasureDeclarePageOptions = {
  baseUrl: string;
  email: string;
  password: string;
  /** Defaults to CHROME_PATH, then /usr/bin/chromium when it exists, then chrome-launcher's search. */
  chromePath?: string;
  /** Writes each run's full Lighthouse report (JSON) into this folder. */
  reportDir?: string;
  log?: (line: string) => void;
};

/** next-auth's credentials sign-in, as its own client does it: csrf token, then the callback. Returns a Cookie header. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const separator = pair.indexOf('=');
      jar.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
    }
  };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

  const csrfResponse = await fetch(new URL('/api/auth/csrf', baseUrl), { signal: AbortSignal.timeout(30_000) });
  if (!csrfResponse.ok) throw new Error(`GET /api/auth/csrf answered ${csrfResponse.status}`);
  keep(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };

  const callback = await fetch(new URL('/api/auth/callback/credentials', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: new URL('/', baseUrl).href, json: 'true' }),
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  keep(callback);
  // next-auth.session-token, __Secure-… behind https, split into .0, .1 … when large.
  const sessionCookie = [...jar.keys()].find((name) => /next-auth\.session-token(\.\d+)?$/.test(name));
  if (!sessionCookie) {
    const location = callback.headers.get('location') ?? (await callback.text().catch(() => '')).slice(0, 200);
    throw new Error(`Signing in as ${email} failed (status ${callback.status}, ${location})`);
  }
  return cookieHeader();
}

/**
 * The benchmark's people have no password (generate.ts writes none, they call the API with
 * tokens): this gives one to a person, so that measureDeclarePage can sign in as them, and
 * returns what to sign in with. Nothing the benchmark measures reads the hash.
 */
export async function setSignInPassword(options: {
  databaseUrl: string;
  personId: string;
  password?: string;
}): Promise<{ email: string; password: string }> {
  const password = options.password ?? 'bench-lighthouse-password';
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const updated = await client.query<{ email: string }>(
      'UPDATE people SET password_hash = $1 WHERE id = $2 AND active RETURNING email',
      [await hashPassword(password), options.personId],
    );
    if (!updated.rows[0]) throw new Error(`No active person ${options.personId} to give a password to`);
    return { email: updated.rows[0].email, password };
  } finally {
    await client.end();
  }
}

function defaultChromePath(): string | undefined {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

function runOf(lhr: Result): DeclarePageRun {
  const numeric = (id: string) => Math.round((lhr.audits[id]?.numericValue ?? NaN) * 1000) / 1000;
  const failedAudits: string[] = [];
  const erroredAudits: string[] = [];
  for (const category of ['performance', 'accessibility']) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (audit?.scoreDisplayMode === 'error')
        erroredAudits.push(`${audit.id}: ${(audit.errorMessage ?? '').split('\n')[0]}`);
      if (!audit || audit.score === null || audit.score >= 0.9) continue;
      if (
        audit.scoreDisplayMode === 'informative' ||
        audit.scoreDisplayMode === 'manual' ||
        audit.scoreDisplayMode === 'notApplicable'
      )
        continue;
      failedAudits.push(
        `${audit.id} (${audit.score}): ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''}`,
      );
    }
  }
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    metrics: {
      fcpMs: Math.round(numeric('first-contentful-paint')),
      lcpMs: Math.round(numeric('largest-contentful-paint')),
      tbtMs: Math.round(numeric('total-blocking-time')),
      cls: numeric('cumulative-layout-shift'),
      speedIndexMs: Math.round(numeric('speed-index')),
    },
    failedAudits,
    erroredAudits,
  };
}

/** The scripts of one run, from Lighthouse's own record of the network (lazily loaded chunks too). */
function scriptUrls(lhr: Result): string[] {
  const details = lhr.audits['network-requests']?.details as
    { items?: { url: string; resourceType?: string; mimeType?: string }[] } | undefined;
  return (details?.items ?? [])
    .filter((item) => item.resourceType === 'Script' || /javascript/.test(item.mimeType ?? ''))
    .map((item) => item.url);
}

/** The browser's own version (its user agent is reduced to 156.0.0.0). */
async function browserVersion(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/json/version`, { signal: AbortSignal.timeout(10_000) });
  return ((await response.json()) as { Browser: string }).Browser;
}

async function gzippedBody(url: string, cookie: string): Promise<{ raw: number; gzip: number }> {
  const response = await fetch(url, {
    headers: { cookie, 'accept-encoding': 'identity' },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  return { raw: body.length, gzip: gzipSync(body).length };
}

/** The HTML itself, and its inline scripts (React's flight payload, next-intl's messages, …). */
async function documentSizes(
  url: string,
  cookie: string,
): Promise<{ htmlGzipBytes: number; inlineScriptGzipBytes: number }> {
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  const html = await response.text();
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1])
    .join('\n');
  return { htmlGzipBytes: gzipSync(html).length, inlineScriptGzipBytes: inline ? gzipSync(inline).length : 0 };
}

export async function measureDeclarePage(options: MeasureDeclarePageOptions): Promise<DeclarePageResult> {
  const log = options.log ?? (() => undefined);
  const url = new URL(DECLARE_PATH, options.baseUrl).href;
  const cookie = await signInCookie(options.baseUrl, options.email, options.password);

  // The page must answer as a signed-in one (not the sign-in redirect), and the server be warm.
  for (let warm = 0; warm < 2; warm++) {
    const response = await fetch(url, { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
    await response.arrayBuffer();
    if (response.status !== 200)
      throw new Error(
        `GET ${DECLARE_PATH} signed in as ${options.email} answered ${response.status} ${response.headers.get('location') ?? ''}`,
      );
  }

  const flags: Flags = {
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    extraHeaders: { Cookie: cookie },
  };
  const runs: DeclarePageRun[] = [];
  const scripts = new Set<string>();
  let lighthouseVersion = '';
  let chromeVersion = '';
  const benchmarkIndexes: number[] = [];
  let attempts = 0;
  for (let index = 0; index < RUNS; index++) {
    attempts += 1;
    // A fresh browser each run, so no run inherits another's caches or compiled code.
    const chrome = await chromeLauncher.launch({
      chromePath: options.chromePath ?? defaultChromePath(),
      chromeFlags: CHROME_FLAGS,
      logLevel: 'silent',
    });
    try {
      const result = await lighthouse(url, { ...flags, port: chrome.port });
      if (!result) throw new Error('Lighthouse returned no result');
      const lhr = result.lhr;
      if (lhr.runtimeError) {
        // Lighthouse sometimes fails to record a trace on a loaded machine (NO_NAVSTART, "Please
        // run Lighthouse again"): that run is taken again, a few times at most.
        if (attempts < RUNS + MAX_RETRIES) {
          log(`lighthouse run ${index + 1}/${RUNS}: ${lhr.runtimeError.code}, taken again`);
          index -= 1;
          continue;
        }
        throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      }
      if (lhr.finalDisplayedUrl !== url)
        throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${url} (signed out?)`);
      lighthouseVersion = lhr.lighthouseVersion;
      chromeVersion ||= await browserVersion(chrome.port);
      benchmarkIndexes.push(Math.round(lhr.environment.benchmarkIndex));
      const run = runOf(lhr);
      runs.push(run);
      for (const script of scriptUrls(lhr)) scripts.add(script);
      log(
        `lighthouse run ${index + 1}/${RUNS}: performance ${run.performance}, accessibility ${run.accessibility}, LCP ${run.metrics.lcpMs} ms, TBT ${run.metrics.tbtMs} ms`,
      );
      if (options.reportDir) {
        fs.mkdirSync(options.reportDir, { recursive: true });
        fs.writeFileSync(
          path.join(options.reportDir, `declare-page-run${index + 1}.json`),
          JSON.stringify(lhr, null, 1),
        );
      }
    } finally {
      await chrome.kill();
    }
  }

  const jsFiles: DeclarePageResult['jsFiles'] = [];
  for (const script of [...scripts].sort()) {
    const size = await gzippedBody(script, cookie);
    jsFiles.push({ url: script, gzipBytes: size.gzip, rawBytes: size.raw });
  }
  jsFiles.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const failedAudits = [
    ...new Set(
      runs.flatMap((run) => run.failedAudits.map((line) => line.replace(/ \([\d.]+\)/, '').replace(/ — .*$/, ''))),
    ),
  ];
  const erroredAudits = [...new Set(runs.flatMap((run) => run.erroredAudits))];

  return {
    url,
    jsGzipBytes: jsFiles.reduce((sum, file) => sum + file.gzipBytes, 0),
    jsFiles,
    ...(await documentSizes(url, cookie)),
    performance: median(runs.map((run) => run.performance)),
    accessibility: median(runs.map((run) => run.accessibility)),
    metrics: {
      fcpMs: median(runs.map((run) => run.metrics.fcpMs)),
      lcpMs: median(runs.map((run) => run.metrics.lcpMs)),
      tbtMs: median(runs.map((run) => run.metrics.tbtMs)),
      cls: median(runs.map((run) => run.metrics.cls)),
      speedIndexMs: median(runs.map((run) => run.metrics.speedIndexMs)),
    },
    runs,
    lighthouseVersion,
    chromeVersion,
    benchmarkIndex: median(benchmarkIndexes),
    ...(failedAudits.length ? { failedAudits } : {}),
    ...(erroredAudits.length ? { erroredAudits } : {}),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [baseUrl, email = 'alice@monscobar.test', password = 'butin-demo'] = process.argv.slice(2);
  if (!baseUrl) {
    console.error('usage: tsx bench/lighthouse.ts <baseUrl> [email] [password]');
    process.exit(2);
  }
  measureDeclarePage({
    baseUrl,
    email,
    password,
    reportDir: process.env.LIGHTHOUSE_REPORT_DIR,
    log: (line) => console.error(line),
  })
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
