import type { ReactNode } from 'react';
import { requireUser } from '@/lib/session';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return <>{children}</>;
}
