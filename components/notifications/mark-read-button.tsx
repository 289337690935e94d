'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { markNotificationsReadAction } from '@/lib/actions/notifications';
import { Button } from '@/components/ui/button';

export function MarkReadButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      pending={pending}
      onClick={() =>
        startTransition(async () => {
          await markNotificationsReadAction(undefined);
          router.refresh();
        })
      }
    >
      Mark all read
    </Button>
  );
}
