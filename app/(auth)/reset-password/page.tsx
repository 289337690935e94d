import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { TextLink } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  if (typeof token !== 'string' || token.length < 20) {
    return (
      <AuthCard title="This link is incomplete">
        <p className="text-sm text-slate-700">
          Open the link from the email exactly as it was sent, or{' '}
          <TextLink href="/forgot-password">ask for a new one</TextLink>.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" intro="After this, every device signed in to your account is signed out.">
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
