'use client';

import { useFormStatus } from 'react-dom';
import { useAction } from '@/components/forms/use-action';
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
  const signOut = useAction(signOutAction);
  return (
    <form action={() => signOut.execute({ to })} className="inline-flex items-center gap-2">
      <SubmitButton label={label} className={className} />
      {signOut.error ? (
        <span role="alert" className="text-sm text-red-700">
          {signOut.error}
        </span>
      ) : null}
    </form>
  );
}
