'use client';

import { useOptimistic } from 'react';
import { useAction } from '@/components/forms/use-action';
import { completePrepAction, tickPrepItemAction } from '@/lib/actions/incidents';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { SecondChancePrepItemId } from '@/lib/validation/recovery';

type PrepItem = { id: SecondChancePrepItemId; label: string; checked: boolean; tickedLabel: string | null };

type Props = { incidentId: string; items: PrepItem[] };

/** The second-chance checklist: each tick is saved at once; finishing needs every item ticked. */
export function PrepStep({ incidentId, items }: Props) {
  const [shown, setShown] = useOptimistic(items, (current, change: { id: string; checked: boolean }) =>
    current.map((item) => (item.id === change.id ? { ...item, checked: change.checked } : item)),
  );
  const tick = useAction(tickPrepItemAction, { onStart: ({ itemId, checked }) => setShown({ id: itemId, checked }) });
  const finish = useAction(completePrepAction);

  const toggle = (id: SecondChancePrepItemId, checked: boolean) =>
    void tick.execute({ incidentId, itemId: id, checked });

  return (
    <div className="space-y-4">
      {tick.error ? <Alert tone="error">{tick.error}</Alert> : null}
      <ul className="space-y-2">
        {shown.map((item) => (
          <li key={item.id} className="flex items-start gap-3">
            <input
              id={`second-chance-${item.id}`}
              type="checkbox"
              className="mt-1 h-4 w-4"
              checked={item.checked}
              onChange={(event) => toggle(item.id, event.target.checked)}
            />
            <label htmlFor={`second-chance-${item.id}`} className="text-sm">
              <span className="font-medium">{item.label}</span>
              {item.checked && item.tickedLabel ? (
                <span className="block text-xs text-slate-500">Ticked {item.tickedLabel}</span>
              ) : null}
            </label>
          </li>
        ))}
      </ul>
      {finish.error ? <Alert tone="error">{finish.error}</Alert> : null}
      {/* Waits for the ticks in flight: finishing checks the ticks stored, not the ones on screen. */}
      <Button pending={finish.isPending} disabled={tick.isPending} onClick={() => void finish.execute({ incidentId })}>
        {finish.isPending ? 'Saving…' : 'I am ready for the second chance'}
      </Button>
    </div>
  );
}
