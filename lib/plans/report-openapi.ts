// The compte rendu financier's endpoints (docs/plans.md): the explanation of a chantier's gap and
// the three files; each operation is the route's own definition and its entry in the OpenAPI
// document.
import { defineOperation, type Operation } from '@/lib/api/openapi-types';
import { ZIdParams } from '@/lib/api/schemas';
import { CONTENT_TYPES } from '@/lib/exports/response';
import { ZPlanParams } from './schemas';
import { ZPlanExplanationInput, ZPlanExplanationOut } from './report-schemas';

const REPORT =
  'per chantier the money planned (the plan at the rates that apply) and realised (what the payouts pay: the live preview while the period is open, the current frozen run once closed), the gap in euros and in percent of the plan, volunteer hours and their value, in-kind value, and the explanation of the gap; then a total';

export const REPORT_API = {
  setPlanExplanation: defineOperation({
    operationId: 'setPlanExplanation',
    method: 'put',
    path: '/periods/{id}/plan/{chantierId}/explanation',
    summary:
      "Write the explanation of a chantier's gap between plan and realised money for the compte rendu financier (an empty text removes it); allowed whatever the period's state",
    who: 'treasurer, or a referent of the chantier',
    params: ZPlanParams,
    body: ZPlanExplanationInput,
    responses: { 200: ZPlanExplanationOut },
  }),
  exportCompteRenduCsv: defineOperation({
    operationId: 'exportCompteRenduCsv',
    method: 'get',
    path: '/periods/{id}/exports/compte-rendu.csv',
    summary: `The compte rendu financier (shape of Cerfa 15059) as CSV (";", UTF-8 with BOM, CRLF; euros with a decimal comma and integer cents): ${REPORT}`,
    who: 'treasurer',
    params: ZIdParams,
    responses: { 200: { contentType: CONTENT_TYPES.csv } },
  }),
  exportCompteRenduXlsx: defineOperation({
    operationId: 'exportCompteRenduXlsx',
    method: 'get',
    path: '/periods/{id}/exports/compte-rendu.xlsx',
    summary: `The compte rendu financier as a workbook with number cells (euros, hours) and integer cents: ${REPORT}`,
    who: 'treasurer',
    params: ZIdParams,
    responses: { 200: { contentType: CONTENT_TYPES.xlsx } },
  }),
  exportCompteRenduPdf: defineOperation({
    operationId: 'exportCompteRenduPdf',
    method: 'get',
    path: '/periods/{id}/exports/compte-rendu.pdf',
    summary: `The compte rendu financier as an A4 landscape PDF to attach to the funder's form: ${REPORT}`,
    who: 'treasurer',
    params: ZIdParams,
    responses: { 200: { contentType: CONTENT_TYPES.pdf } },
  }),
};

export const REPORT_OPERATIONS: Operation[] = Object.values(REPORT_API);
