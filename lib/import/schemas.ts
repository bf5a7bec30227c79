// What the import takes and answers, shared by the server action, the API and its OpenAPI entry.
import { z } from 'zod';
import { ZFlag } from '@/lib/validation/boolean';
import { MAX_IMPORT_BYTES } from '@/lib/import/parse-rows';
import { REASON_CODES } from '@/lib/import/reasons';

// Characters, not bytes: the byte limit itself is checked when the file is read, with a clear
// reason; this only stops a body far too large to be worth reading.
const ZCsv = z.string().min(1, 'validation.required').max(MAX_IMPORT_BYTES, 'validation.tooLong');
const ZFileName = z.string().trim().max(200).optional();

export const ZImportRequest = z.object({
  csv: ZCsv.describe(
    'The CSV text: a header row (email, date, duration/durée, chantier, place/lieu, description, bénévole), then one contribution per row',
  ),
  dryRun: z.boolean().default(false).describe('true: only check, and list every row that would be refused'),
  approve: z.boolean().default(false).describe('Import as APPROVED (periods that are over only)'),
  fileName: ZFileName.describe('Named in each contribution’s history'),
});
export type TImportRequest = z.infer<typeof ZImportRequest>;

// Strict yes/no (lib/validation): true/false, or what a form's checkbox sends; never "anything else is false".
const checkbox = ZFlag();

/** The page's form: the same fields, and which of the two buttons was pressed. */
export const ZImportForm = z.object({
  csv: ZCsv,
  mode: z.enum(['dry-run', 'import']),
  approve: checkbox.default(false),
  fileName: ZFileName,
});

export const ZReasonOut = z.object({
  code: z.enum(REASON_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
});

export const ZRefusedRowOut = z.object({
  line: z
    .number()
    .int()
    .nullable()
    .describe('The line the row starts on (the header is line 1); null for the file as a whole'),
  reasons: z.array(ZReasonOut),
});

export const ZDryRunOut = z.object({
  ok: z.boolean().describe('true when every row can be imported'),
  rows: z.number().int(),
  wouldCreate: z.number().int(),
  totalMinutes: z.number().int(),
  refused: z.array(ZRefusedRowOut),
  duplicates: z
    .array(
      z.object({
        line: z.number().int(),
        firstLine: z
          .number()
          .int()
          .nullable()
          .describe('The earlier row of the file it repeats; null when it repeats a stored contribution'),
      }),
    )
    .describe(
      'Rows identical (person, date, chantier, minutes, description) to a stored contribution or an earlier row: they would be imported, but it is usually the same file twice',
    ),
  ignoredColumns: z.array(z.string()),
});

export const ZImportedOut = z.object({
  ok: z.literal(true),
  importId: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  status: z.enum(['SUBMITTED', 'APPROVED']),
  totalMinutes: z.number().int(),
});
