// The exports as a client sees them: the whole body streamed and counted, the server's memory
// sampled every 100 ms during each download and compared with just before. Two CSV exports of a
// period: the contributions (one row per contribution: where rows per second mean something) and
// the payout report (one row per person × chantier, priced first: its time is the pricing's); and
// the receipts of its approved claims in one ZIP (its files counted from x-butin-receipts).
import { sequentialTimes } from './load';
import { readRssKb, sampleRss } from './server';
import { percentile } from './stats';
import type { DownloadResult } from './report';
import { TARGETS, type PeriodFacts } from './targets';

export type DownloadKind = 'contributions.csv' | 'payouts.csv' | 'receipts.zip';

/** One export: the whole body streamed and counted, the server's memory sampled every 100 ms. */
export async function measureDownload(
  base: string,
  token: string,
  period: PeriodFacts,
  exported: DownloadKind,
  serverPid: number,
  seconds: number,
): Promise<DownloadResult | string> {
  const url = `${base}/api/v1/periods/${period.id}/exports/${exported}`;
  const fetchCsv = async () => {
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(300_000),
    });
    if (response.status !== 200 || !response.body)
      return {
        status: response.status,
        bytes: 0,
        lines: 0,
        files: undefined,
        text: (await response.text()).slice(0, 300),
      };
    const files = response.headers.has('x-butin-receipts')
      ? Number(response.headers.get('x-butin-receipts'))
      : undefined;
    let bytes = 0;
    let lines = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (let i = 0; i < value.length; i++) if (value[i] === 10) lines += 1;
    }
    return { status: 200, bytes, lines, files, text: '' };
  };
  const first = await fetchCsv(); // also the warm-up
  if (first.status !== 200) return `GET …/exports/${exported} answered ${first.status}: ${first.text}`;
  let rssBeforeKb = 0;
  let peakGrowthKb = 0;
  let peakKb = 0;
  const { times, last } = await sequentialTimes(
    async () => {
      const before = readRssKb(serverPid);
      const sampler = sampleRss(serverPid, 100);
      const result = await fetchCsv();
      const { peakKb: peak } = sampler.stop();
      if (peak - before >= peakGrowthKb) {
        peakGrowthKb = peak - before;
        rssBeforeKb = before;
        peakKb = peak;
      }
      return result;
    },
    { count: 5, seconds: Math.max(seconds, 5) * 3 },
  );
  const sorted = [...times].sort((a, b) => a - b);
  const secondsP50 = Math.round(percentile(sorted, 50)) / 1000;
  // Rows: the lines of the file but its header (a ZIP's: its files).
  const rows = exported === 'receipts.zip' ? (last?.files ?? 0) : Math.max(0, (last?.lines ?? 0) - 1);
  const rowsPerSecond = Math.round(rows / secondsP50);
  const growthMb = Math.round(peakGrowthKb / 102.4) / 10;
  return {
    export: exported,
    periodId: period.id,
    periodName: period.name,
    periodStatus: period.status,
    runs: times.length,
    secondsP50,
    bytes: last?.bytes ?? 0,
    csvLines: exported === 'receipts.zip' ? 0 : (last?.lines ?? 0),
    ...(last?.files === undefined ? {} : { files: last.files }),
    rowsPerSecond,
    rssBeforeMb: Math.round(rssBeforeKb / 102.4) / 10,
    rssPeakMb: Math.round(peakKb / 102.4) / 10,
    growthMb,
    // The rows-per-second target is for the CSV exports; the ZIP has none.
    meets: {
      rowsPerSecond: exported === 'receipts.zip' ? null : rowsPerSecond >= TARGETS.csvRowsPerSecond,
      memory: growthMb < TARGETS.csvGrowthMb,
    },
  };
}
