'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const POLL_MS = 1000;

/**
 * Where a running import stands, read again every second from the server (the import runs in
 * the worker; the page may be left and come back to at any time).
 */
export function CsvImportProgress({
  isQueued,
  processedRows,
  totalRows,
}: {
  isQueued: boolean;
  processedRows: number;
  totalRows: number;
}) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [router]);
  const percent = totalRows > 0 ? Math.min(100, Math.round((processedRows / totalRows) * 100)) : 0;
  return (
    <div className="space-y-2">
      <p role="status" className="text-sm text-slate-700">
        {isQueued
          ? 'Queued: the import starts as soon as the worker takes it.'
          : `Importing: ${processedRows} of ${totalRows} rows read.`}{' '}
        You can leave this page; the import goes on.
      </p>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={totalRows}
        aria-valuenow={processedRows}
        className="h-2 w-full overflow-hidden rounded bg-slate-200"
      >
        <div className="h-full bg-brand-600" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
