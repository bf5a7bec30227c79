// A claim's receipts, one tap away for whoever reviews it: a photo opens in place (the image is
// fetched only when opened), a PDF in a new tab (the browser's own viewer); each can also be
// downloaded, and removed by their owner while the claim can change. The files are served by the API, which checks who may see them (docs/claims.md).
import { getLocale, getTranslations } from 'next-intl/server';
import { formatBytes } from '@/lib/claim-form/format-bytes';
import { asLocale } from '@/lib/i18n/locales';
import { deleteFileAction } from '@/lib/claims/actions';
import { ActionForm } from '@/components/ui/action-form';
import { ConfirmSubmit } from '@/components/ui/confirm-dialog';

export type ReceiptFile = { id: string; fileName: string; contentType: string; sizeBytes: number };

export const receiptUrl = (claimId: string, fileId: string) => `/api/v1/claims/${claimId}/receipts/${fileId}`;

export async function ReceiptList({
  claimId,
  files,
  removable = false,
}: {
  claimId: string;
  files: ReceiptFile[];
  /** The owner, while the claim can change: each file can be removed (after a question). */
  removable?: boolean;
}) {
  const t = await getTranslations('claimsUi');
  const locale = asLocale(await getLocale());
  if (files.length === 0) return <p className="text-sm text-slate-700">{t('detail.noReceipts')}</p>;
  return (
    <ul className="flex flex-col gap-2" data-testid="receipts">
      {files.map((file) => {
        const url = receiptUrl(claimId, file.id);
        const size = formatBytes(file.sizeBytes, locale);
        return (
          <li key={file.id} className="min-w-0 rounded-md border border-slate-200 p-2" data-testid="receipt">
            {file.contentType.startsWith('image/') ? (
              <details>
                <summary className="flex min-h-11 cursor-pointer items-center gap-2 text-sm font-medium text-brand-700 underline">
                  <span className="truncate">{t('receipt.show', { name: file.fileName })}</span>
                  <span className="shrink-0 font-normal text-slate-700 no-underline">({size})</span>
                </summary>
                {/* eslint-disable-next-line @next/next/no-img-element -- a private file served by the API, not a static asset */}
                <img
                  src={url}
                  alt={file.fileName}
                  loading="lazy"
                  className="mt-2 max-h-[70vh] w-auto max-w-full rounded border border-slate-200"
                  data-testid="receipt-image"
                />
              </details>
            ) : (
              <a
                href={url}
                target="_blank"
                rel="noopener noreferrer"
                className="flex min-h-11 items-center gap-2 text-sm font-medium text-brand-700 underline"
              >
                <span className="truncate">{t('receipt.open', { name: file.fileName })}</span>
                <span className="shrink-0 font-normal text-slate-700">({size})</span>
              </a>
            )}
            <a
              href={`${url}?download=1`}
              className="inline-flex min-h-11 items-center text-sm text-slate-800 underline"
              download
            >
              {t('receipt.download', { name: file.fileName })}
            </a>
            {removable ? (
              <ActionForm action={deleteFileAction} className="mt-1 flex flex-col gap-1">
                <input type="hidden" name="fileId" value={file.id} />
                <input type="hidden" name="claimId" value={claimId} />
                <ConfirmSubmit
                  variant="danger"
                  aria-label={t('receipt.removeNamed', { name: file.fileName })}
                  confirm={{
                    title: t('receipt.removeTitle', { name: file.fileName }),
                    body: t('receipt.removeBody'),
                    confirmLabel: t('receipt.remove'),
                    cancelLabel: t('mine.cancel'),
                  }}
                >
                  {t('receipt.remove')}
                </ConfirmSubmit>
              </ActionForm>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
