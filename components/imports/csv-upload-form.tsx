'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type DragEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

const ACCEPT = '.csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values';

/**
 * Picks or drops one CSV file and sends it to the upload route (a route, not an action: it may
 * be 5 MB and is refused by size and type as it arrives). The route's message is shown as it
 * says it; a file that reads opens its mapping step.
 */
export function CsvUploadForm() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [dragging, setDragging] = useState(false);

  const send = async (file: File) => {
    setPending(true);
    setError(null);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const response = await fetch('/api/imports/csv', { method: 'POST', body });
      const answer = (await response.json().catch(() => ({}))) as { url?: string; error?: string };
      if (response.ok && answer.url) {
        router.push(answer.url);
        return;
      }
      setError(answer.error ?? 'The file could not be uploaded. Try again in a moment.');
    } catch {
      setError('The file could not be uploaded: the connection dropped. Try again.');
    } finally {
      setPending(false);
      if (input.current) input.current.value = '';
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length !== 1 || !files[0]) {
      setError('Drop one CSV file at a time.');
      return;
    }
    void send(files[0]);
  };

  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-lg border-2 border-dashed p-4 text-center text-sm sm:p-6 ${
          dragging ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-slate-50'
        }`}
      >
        <p className="text-slate-700">Drop a CSV file here, or choose one.</p>
        <p className="mt-1 text-xs text-slate-500">
          Up to 5 MB and 20,000 rows; comma, semicolon or tab separated; exports of Rebound, Huntr and other trackers
          are recognised.
        </p>
        <div className="mt-3 flex justify-center">
          <label htmlFor="csv-file" className="sr-only">
            CSV file
          </label>
          <input
            ref={input}
            id="csv-file"
            name="file"
            type="file"
            accept={ACCEPT}
            // A file input is as wide as its button and file name; on a phone it must shrink to the card.
            className="block w-full min-w-0 max-w-full text-sm"
            disabled={pending}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void send(file);
            }}
          />
        </div>
        {pending ? (
          <p role="status" className="mt-2 text-slate-600">
            Reading the file…
          </p>
        ) : null}
      </div>
      <Button type="button" variant="secondary" pending={pending} onClick={() => input.current?.click()}>
        Choose a CSV file
      </Button>
    </div>
  );
}
