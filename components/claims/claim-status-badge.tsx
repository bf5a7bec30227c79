// A claim's status as a coloured label; COMMITTED (a fee agreed before the work) in violet.
import { getTranslations } from 'next-intl/server';
import type { ClaimStatus } from '@/lib/claims/lifecycle';

const STYLES: Record<ClaimStatus, string> = {
  COMMITTED: 'bg-violet-100 text-violet-900',
  DRAFT: 'bg-slate-100 text-slate-800',
  SUBMITTED: 'bg-sky-100 text-sky-900',
  APPROVED: 'bg-emerald-100 text-emerald-900',
  REJECTED: 'bg-red-100 text-red-900',
  CHANGES_REQUESTED: 'bg-amber-100 text-amber-900',
};

export async function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const t = await getTranslations('claimsUi.status');
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status]}`}>{t(status)}</span>
  );
}
