import { getEnv } from '@/lib/env';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getOAuthProviders } from '@/lib/auth';
import { getCurrentUser } from '@/lib/session';
import { toSafeReturnPath } from '@/lib/validation/return-path';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const notices: Record<string, string> = {
  'password-reset': 'Your password was changed. Sign in with the new one.',
  'account-deleted': 'Your account and all of its data were deleted.',
};

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = toSafeReturnPath(
    typeof params.callbackUrl === 'string' ? params.callbackUrl : null,
    getEnv().configuredOrigin,
  );
  if (await getCurrentUser()) redirect(callbackUrl);
  const providers = getOAuthProviders().map((provider) => ({ id: provider.id, name: provider.name }));
  const notice = typeof params.notice === 'string' ? notices[params.notice] : undefined;
  return (
    <AuthCard title="Sign in to Rebound">
      <SignInForm callbackUrl={callbackUrl} providers={providers} notice={notice} />
    </AuthCard>
  );
}
