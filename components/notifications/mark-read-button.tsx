'use client';

import { useRouter } from 'next/navigation';
import { useAction } from '@/components/forms/use-action';
import { markNotificationsReadAction } from '@/lib/actions/notifications';
import { Button } from '@/components/ui/button';

export function MarkReadButton() {
  const router = useRouter();
  const markRead = useAction(markNotificationsReadAction, { onSuccess: () => router.refresh() });
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button variant="secondary" pending={markRead.isPending} onClick={() => void markRead.execute(undefined)}>
        Mark all read
      </Button>
      {markRead.error ? (
        <span role="alert" className="text-sm text-red-700">
          {markRead.error}
        </span>
      ) : null}
    </span>
  );
}
