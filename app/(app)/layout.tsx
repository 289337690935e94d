import type { ReactNode } from 'react';
import { TimeZoneBanner } from '@/components/account/time-zone-banner';
import { requireUser } from '@/lib/session';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <TimeZoneBanner accountTimeZone={user.timeZone} />
      {children}
    </>
  );
}
