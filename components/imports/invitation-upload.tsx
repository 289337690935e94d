'use client';

import Link from 'next/link';
import { useId, useRef, useState, type DragEvent } from 'react';

type FileRow =
  | { key: string; name: string; state: 'sending' }
  | { key: string; name: string; state: 'refused'; message: string }
  | { key: string; name: string; state: 'ready'; url: string; events: number };

type UploadAnswer = { id?: string; url?: string; events?: number; error?: string };

/** One file to the upload route; the route's refusal, or the page to review it on. */
async function send(file: File): Promise<{ url: string; events: number } | { message: string }> {
  try {
    const response = await fetch(`/api/imports/calendar?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
    const answer = (await response.json().catch(() => ({}))) as UploadAnswer;
    if (response.ok && answer.url) return { url: answer.url, events: answer.events ?? 1 };
    return { message: answer.error ?? `The upload failed (HTTP ${response.status}). Try again.` };
  } catch {
    return { message: 'The upload did not reach Rebound. Check the connection and try again.' };
  }
}

/**
 * Choose or drop invitation files, several at once: each is sent on its own, and its row says
 * whether it was refused (and why) or is ready to review.
 */
export function InvitationUpload() {
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<FileRow[]>([]);
  const [isOver, setIsOver] = useState(false);

  const upload = (files: readonly File[]) => {
    const batch = files.map((file, index) => ({ file, key: `${Date.now()}-${index}-${file.name}` }));
    setRows((current) => [
      ...batch.map(({ file, key }): FileRow => ({ key, name: file.name, state: 'sending' })),
      ...current,
    ]);
    for (const { file, key } of batch) {
      void send(file).then((result) =>
        setRows((current) =>
          current.map((row) =>
            row.key !== key
              ? row
              : 'url' in result
                ? { key, name: row.name, state: 'ready', url: result.url, events: result.events }
                : { key, name: row.name, state: 'refused', message: result.message },
          ),
        ),
      );
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setIsOver(false);
    upload([...event.dataTransfer.files]);
  };

  return (
    <div className="space-y-4">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={onDrop}
        className={`rounded-lg border-2 border-dashed p-6 text-center ${isOver ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-white'}`}
      >
        <p id={hintId} className="text-sm text-slate-700">
          Drop the invitation files (.ics) here, or choose them. Each file up to 1 MB.
        </p>
        <label
          htmlFor={inputId}
          className="mt-3 inline-flex cursor-pointer rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-within:outline focus-within:outline-2 focus-within:outline-brand-600"
        >
          Choose invitation files
          <input
            ref={input}
            id={inputId}
            type="file"
            multiple
            accept=".ics,.ical,text/calendar,application/ics"
            aria-describedby={hintId}
            className="sr-only"
            onChange={(event) => {
              upload([...(event.target.files ?? [])]);
              // The same file chosen again (after fixing it) is sent again.
              if (input.current) input.current.value = '';
            }}
          />
        </label>
      </div>
      {rows.length > 0 ? (
        <ul aria-live="polite" className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {rows.map((row) => (
            <li key={row.key} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
              <span className="font-medium text-slate-900">{row.name}</span>
              {row.state === 'sending' ? <span className="text-slate-600">Reading…</span> : null}
              {row.state === 'refused' ? (
                <span role="alert" className="text-red-800">
                  {row.message}
                </span>
              ) : null}
              {row.state === 'ready' ? (
                <Link href={row.url} className="font-medium text-brand-700 underline">
                  Review {row.events === 1 ? 'the interview' : `${row.events} events`}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
