'use client';

import { useRouter } from 'next/navigation';
import { useOptimistic } from 'react';
import { useAction } from '@/components/forms/use-action';
import { setPrepItemAction } from '@/lib/actions/interviews';
import { Alert } from '@/components/ui/alert';
import type { PrepItem } from '@/lib/domain/prep-checklist';

type Props = { interviewId: string; items: PrepItem[]; ticks: Record<string, string> };

export function PrepChecklist({ interviewId, items, ticks }: Props) {
  const router = useRouter();
  const [optimistic, setOptimistic] = useOptimistic(ticks, (state, change: { id: string; checked: boolean }) => {
    const next = { ...state };
    if (change.checked) next[change.id] = new Date().toISOString();
    else delete next[change.id];
    return next;
  });
  // Refreshed either way, so a refused tick goes back to what is stored.
  const setItem = useAction(setPrepItemAction, {
    onStart: ({ itemId, checked }) => setOptimistic({ id: itemId, checked }),
    onSuccess: () => router.refresh(),
    onError: () => router.refresh(),
  });
  const toggle = (id: string, checked: boolean) => void setItem.execute({ id: interviewId, itemId: id, checked });
  return (
    <div className="space-y-2">
      {setItem.error ? <Alert tone="error">{setItem.error}</Alert> : null}
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
