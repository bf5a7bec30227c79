'use client';
// Adding receipts to a saved claim (its page): choose from the camera or the files, then send;
// each file goes to the API on its own with its progress bar, and the page shows it once stored.
import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { useAnnounce } from '@/components/ui/live-region';
import { ReceiptPicker, type ChosenFile } from '@/components/claims/receipt-picker';
import { UPLOAD_ERROR_CODES, uploadFile, type UploadErrorCode } from '@/components/claims/upload';
import { fileProblems } from '@/lib/claim-form/missing';
import type { ActionState } from '@/lib/actions/form-action';

export function ReceiptAdder({ claimId, storedCount }: { claimId: string; storedCount: number }) {
  const t = useTranslations('claimsUi');
  const router = useRouter();
  const announce = useAnnounce();
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const filesRef = useRef(files);
  useEffect(() => {
    filesRef.current = files;
  });
  const setProgress = (key: string, progress: number | null, uploaded = false) =>
    setFiles((current) => current.map((entry) => (entry.key === key ? { ...entry, progress, uploaded } : entry)));

  const send = async (): Promise<ActionState> => {
    const pending = filesRef.current.filter((entry) => !entry.uploaded);
    const problems = fileProblems(
      pending.map((entry) => entry.file),
      storedCount,
    );
    if (pending.length === 0 || problems.length > 0) {
      const message =
        pending.length === 0 ? t('missing.RECEIPT') : problems.map((code) => t(`missing.${code}`)).join(' ; ');
      return { ok: false, code: 'VALIDATION', message: t('form.refused'), fields: { receipts: message } };
    }
    for (const entry of pending) {
      setProgress(entry.key, 0);
      announce(t('form.uploading', { name: entry.file.name }));
      const result = await uploadFile(`/api/v1/claims/${claimId}/receipts`, entry.file, (fraction) =>
        setProgress(entry.key, fraction),
      );
      if (!result.ok) {
        setProgress(entry.key, null);
        const reason = (UPLOAD_ERROR_CODES as readonly string[]).includes(result.code)
          ? t(`upload.${result.code as UploadErrorCode}`)
          : t('upload.other', { code: result.code });
        router.refresh();
        return { ok: false, code: 'VALIDATION', message: `${entry.file.name} : ${reason}` };
      }
      setProgress(entry.key, 1, true);
    }
    setFiles([]);
    router.refresh();
    return { ok: true, message: t('form.uploaded', { name: pending.map((entry) => entry.file.name).join(', ') }) };
  };

  return (
    <ActionForm action={send} aria-label={t('detail.addReceipts')}>
      <ReceiptPicker files={files} onChange={setFiles} storedCount={0} />
      <div>
        <SubmitButton>{t('detail.send')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
