import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-semibold text-slate-900">This page does not exist</h1>
      <p className="text-sm text-slate-600">The link may be wrong, or what it pointed to was deleted.</p>
      <Link href="/" className="text-sm font-medium text-brand-700 hover:underline">
        Go to the start page
      </Link>
    </div>
  );
}
