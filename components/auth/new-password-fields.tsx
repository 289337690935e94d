import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy, Field, Input } from '@/components/ui/form';
import { PASSWORD_MIN_LENGTH } from '@/lib/validation/limits';

type Props = {
  password: { id: string; register: UseFormRegisterReturn; error?: string };
  confirm: { register: UseFormRegisterReturn; error?: string };
};

/** A new password and its repetition, as the reset and change-password forms ask for them. */
export function NewPasswordFields({ password, confirm }: Props) {
  return (
    <>
      <Field
        id={password.id}
        label="New password"
        error={password.error}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      >
        <Input
          id={password.id}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          {...describedBy(password.id, password.error)}
          {...password.register}
        />
      </Field>
      <Field id="confirmPassword" label="Repeat the new password" error={confirm.error}>
        <Input
          id="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          {...describedBy('confirmPassword', confirm.error)}
          {...confirm.register}
        />
      </Field>
    </>
  );
}
