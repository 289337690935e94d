'use client';

import { useRouter } from 'next/navigation';
import { useOptimistic, useState, useTransition } from 'react';
import { setPrepItemAction } from '@/lib/actions/interviews';
import { Alert } from '@/components/ui/alert';
import type { PrepItem } from '@/lib/domain/prep-checklist';

type Props = { interviewId: string; items: PrepItem[]; ticks: Record<string, string> };

export function PrepChecklist({ interviewId, items, ticks }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const [optimistic, setOptimistic] = useOptimistic(ticks, (state, change: { id: string; checked: boolean }) => {
    const next = { ...state };
    if (change.checked) next[change.id] = new Date().toISOString();
    else delete next[change.id];
    return next;
  });
  const toggle = (id: string, checked: boolean) =>
    startTransition(async () => {
      setError(null);
      setOptimistic({ id, checked });
      const result = await setPrepItemAction({ id: interviewId, itemId: id, checked });
      if (!result.ok) setError(result.message);
      router.refresh();
    });
  return (
    <div className="space-y-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item.id} className="flex items-start gap-3">
            <input
              id={`prep-${item.id}`}
              type="checkbox"
              className="mt-1 h-4 w-4"
              checked={typeof optimistic[item.id] === 'string'}
              onChange={(event) => toggle(item.id, event.target.checked)}
            />
            <label htmlFor={`prep-${item.id}`} className="text-sm">
              <span className="font-medium">{item.label}</span>
              {item.hint ? <span className="block text-slate-500">{item.hint}</span> : null}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
