'use client';

import { useRouter } from 'next/navigation';
import { useAction } from '@/components/forms/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { applyInvitationUpdateAction, cancelFromInvitationAction } from '@/lib/actions/imports-calendar';

type Props = { importId: string; uid: string; interviewId: string; kind: 'update' | 'cancel' };

/** "Update this interview" or "Mark it cancelled": one click, then the interview's page. */
export function InvitationConfirm({ importId, uid, interviewId, kind }: Props) {
  const router = useRouter();
  const confirm = useAction(
    (input: { importId: string; uid: string }) =>
      kind === 'update' ? applyInvitationUpdateAction(input) : cancelFromInvitationAction(input),
    {
      onSuccess: () => {
        router.push(`/interviews/${interviewId}`);
        router.refresh();
      },
    },
  );
  return (
    <div className="space-y-2">
      {confirm.error ? <Alert tone="error">{confirm.error}</Alert> : null}
      <Button
        type="button"
        variant={kind === 'cancel' ? 'danger' : 'primary'}
        pending={confirm.isPending}
        onClick={() => void confirm.execute({ importId, uid })}
      >
        {kind === 'update' ? 'Update this interview' : 'Mark it cancelled'}
      </Button>
    </div>
  );
}
