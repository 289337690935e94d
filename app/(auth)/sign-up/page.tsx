import { getEnv } from '@/lib/env';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getCurrentUser } from '@/lib/session';
import { toSafeReturnPath } from '@/lib/validation/return-path';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = toSafeReturnPath(
    typeof params.callbackUrl === 'string' ? params.callbackUrl : null,
    getEnv().configuredOrigin,
  );
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <AuthCard title="Create your Rebound account" intro="Track your interviews and be ready when one goes wrong.">
      <SignUpForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
