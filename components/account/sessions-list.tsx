'use client';

import { useState } from 'react';
import { revokeAllSessionsAction, revokeSessionAction } from '@/lib/actions/account';
import { signOutAction } from '@/lib/actions/auth';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export type SessionRow = { id: string; device: string; lastSeen: string; isCurrent: boolean };

export function SessionsList({ sessions }: { sessions: SessionRow[] }) {
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function revoke(id: string) {
    setError(null);
    setPendingId(id);
    const result = await revokeSessionAction({ id });
    setPendingId(null);
    // Already signed out elsewhere reads as not found; the refreshed list drops it either way.
    if (!result.ok && result.code !== 'NOT_FOUND') setError(result.message);
  }

  async function revokeAll() {
    setError(null);
    setPendingId('all');
    const result = await revokeAllSessionsAction(undefined);
    if (!result.ok) {
      setPendingId(null);
      setError(result.message);
      return;
    }
    // Redirects to sign-in on success; only a failure comes back.
    const signedOut = await signOutAction({ to: 'sign-in' });
    setPendingId(null);
    if (!signedOut.ok) setError(signedOut.message);
  }

  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ul className="divide-y divide-slate-200" aria-label="Signed-in devices">
        {sessions.map((session) => (
          <li key={session.id} className="flex items-center justify-between gap-4 py-3">
            <div>
              <p className="font-medium text-slate-900">
                {session.device}
                {session.isCurrent ? <span className="ml-2 text-sm font-normal text-brand-700">(this device)</span> : null}
              </p>
              <p className="text-sm text-slate-600">Last seen {session.lastSeen}</p>
            </div>
            {session.isCurrent ? null : (
              <Button
                type="button"
                variant="secondary"
                pending={pendingId === session.id}
                disabled={pendingId !== null}
                onClick={() => revoke(session.id)}
                aria-label={`Sign out ${session.device}, last seen ${session.lastSeen}`}
              >
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Button type="button" variant="danger" pending={pendingId === 'all'} disabled={pendingId !== null} onClick={revokeAll}>
        {pendingId === 'all' ? 'Signing out…' : 'Sign out everywhere'}
      </Button>
    </div>
  );
}
