import type { Metadata } from 'next';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requireUser('/dashboard');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-brand-900">Welcome, {user.name}</h1>
        <p className="mt-1 text-sm text-slate-600">Times are shown in {user.timeZone.replaceAll('_', ' ')}.</p>
      </div>
      <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <h2 className="font-semibold">No interviews yet</h2>
        <p className="mt-2 text-sm text-slate-600">
          Your upcoming interviews, the ones that need an answer and any recovery in progress will appear here.
        </p>
      </section>
    </div>
  );
}
