import Link from 'next/link';

export default function ApplicationNotFound() {
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-semibold text-slate-900">That application does not exist</h1>
      <p className="text-sm text-slate-600">It may have been deleted (perhaps in another tab), or the link is wrong.</p>
      <Link href="/applications" className="text-sm font-medium text-brand-700 hover:underline">
        Back to your applications
      </Link>
    </div>
  );
}
