import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy, Field, Input } from '@/components/ui/form';

/** The email field of the signed-out forms; its rules come with `registration` (register('email', emailRules)). */
export function EmailField({
  error,
  registration,
}: {
  error: string | undefined;
  registration: UseFormRegisterReturn<'email'>;
}) {
  return (
    <Field id="email" label="Email" error={error}>
      <Input id="email" type="email" autoComplete="email" required {...describedBy('email', error)} {...registration} />
    </Field>
  );
}
