import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';

export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <PageHeader title={title} />
      {intro ? <p className="mt-2 text-sm text-slate-600">{intro}</p> : null}
      <div className="mt-6">{children}</div>
    </div>
  );
}
