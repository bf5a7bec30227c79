// Writes the payout workbook of the worked example once and prints every process warning as a
// JSON line: run by lib/exports/payout-xlsx.test.ts with --pending-deprecation, which makes Node
// report deprecated calls from node_modules too (as it does for bundled code in the server).
import { Writable } from 'node:stream';
import { buildPayoutReport } from '@/lib/exports/payout-report';
import { writePayoutWorkbook } from '@/lib/exports/payout-xlsx';
import { WORKED_CHANTIERS, WORKED_PEOPLE, workedResult } from '@/lib/exports/test-fixtures';

process.on('warning', (warning) => console.log(JSON.stringify({ name: warning.name, message: warning.message })));

const report = buildPayoutReport({ lines: workedResult().lines, people: WORKED_PEOPLE, chantiers: WORKED_CHANTIERS });
let bytes = 0;
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    bytes += chunk.length;
    done();
  },
});
await writePayoutWorkbook(report, 'fr', sink);
// Warnings are emitted on the next tick: let them out before saying how much was written.
await new Promise((resolve) => setImmediate(resolve));
console.log(JSON.stringify({ written: bytes }));
