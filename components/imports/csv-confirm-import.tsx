'use client';

import { useRouter } from 'next/navigation';
import { useAction } from '@/components/forms/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { confirmCsvImportAction } from '@/lib/actions/imports';

/** "Import N rows": the one button that writes anything. */
export function CsvConfirmImport({ importId, rows }: { importId: string; rows: number }) {
  const router = useRouter();
  const confirm = useAction(confirmCsvImportAction, { onSuccess: () => router.refresh() });
  return (
    <div className="space-y-2">
      {confirm.error ? <Alert tone="error">{confirm.error}</Alert> : null}
      <Button
        type="button"
        pending={confirm.isPending}
        disabled={rows === 0}
        onClick={() => void confirm.execute({ id: importId })}
      >
        {confirm.isPending ? 'Starting…' : `Import ${rows} ${rows === 1 ? 'row' : 'rows'}`}
      </Button>
    </div>
  );
}
