'use client';

import { useState } from 'react';
import { useFormStatus } from 'react-dom';
import { signOutAction } from '@/lib/actions/auth';
import type { SignOutInput } from '@/lib/validation/auth';

function SubmitButton({ label, className }: { label: string; className: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-busy={pending || undefined} className={className}>
      {label}
    </button>
  );
}

/**
 * A form posting to the sign-out action, with no session library on the client. On success the
 * action redirects; a failure (the database out of reach) keeps the user signed in and says so.
 */
export function SignOutButton({
  to = 'home',
  label = 'Sign out',
  className = 'text-slate-600 hover:text-slate-900',
}: {
  to?: SignOutInput['to'];
  label?: string;
  className?: string;
}) {
  const [error, setError] = useState<string | null>(null);
  async function signOut() {
    setError(null);
    const result = await signOutAction({ to });
    if (!result.ok) setError(result.message);
  }
  return (
    <form action={signOut} className="inline-flex items-center gap-2">
      <SubmitButton label={label} className={className} />
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </form>
  );
}
