'use client';

import { useState } from 'react';
import { useAction } from '@/components/forms/use-action';
import { revokeAllSessionsAction, revokeSessionAction } from '@/lib/actions/account';
import { signOutAction } from '@/lib/actions/auth';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export type SessionRow = { id: string; device: string; lastSeen: string; isCurrent: boolean };

export function SessionsList({ sessions }: { sessions: SessionRow[] }) {
  const [revokingId, setRevokingId] = useState<string | null>(null);
  const revokeOne = useAction(revokeSessionAction, {
    onStart: () => clearErrors(),
    // Already signed out elsewhere reads as not found; the refreshed list drops it either way.
    onError: (failure) => {
      if (failure.code === 'NOT_FOUND') revokeOne.setError(null);
    },
  });
  // Redirects to sign-in on success; only a failure comes back.
  const signOut = useAction(signOutAction);
  const revokeEverywhere = useAction(revokeAllSessionsAction, {
    onStart: () => clearErrors(),
    onSuccess: () => signOut.execute({ to: 'sign-in' }),
  });
  const clearErrors = () => {
    revokeOne.setError(null);
    revokeEverywhere.setError(null);
    signOut.setError(null);
  };
  const error = revokeOne.error ?? revokeEverywhere.error ?? signOut.error;
  const isRevokingAll = revokeEverywhere.isPending;
  const isBusy = revokeOne.isPending || isRevokingAll;

  const revoke = (id: string) => {
    setRevokingId(id);
    void revokeOne.execute({ id });
  };

  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ul className="divide-y divide-slate-200" aria-label="Signed-in devices">
        {sessions.map((session) => (
          <li key={session.id} className="flex items-center justify-between gap-4 py-3">
            <div>
              <p className="font-medium text-slate-900">
                {session.device}
                {session.isCurrent ? (
                  <span className="ml-2 text-sm font-normal text-brand-700">(this device)</span>
                ) : null}
              </p>
              <p className="text-sm text-slate-600">Last seen {session.lastSeen}</p>
            </div>
            {session.isCurrent ? null : (
              <Button
                type="button"
                variant="secondary"
                pending={revokeOne.isPending && revokingId === session.id}
                disabled={isBusy}
                onClick={() => revoke(session.id)}
                aria-label={`Sign out ${session.device}, last seen ${session.lastSeen}`}
              >
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Button
        type="button"
        variant="danger"
        pending={isRevokingAll}
        disabled={isBusy}
        onClick={() => void revokeEverywhere.execute(undefined)}
      >
        {isRevokingAll ? 'Signing out…' : 'Sign out everywhere'}
      </Button>
    </div>
  );
}
