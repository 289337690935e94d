import Link from 'next/link';

export default function CsvImportNotFound() {
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-semibold text-slate-900">That import does not exist</h1>
      <p className="text-sm text-slate-600">The link may be wrong, or the import is not yours.</p>
      <Link href="/imports" className="text-sm font-medium text-brand-700 hover:underline">
        Back to imports
      </Link>
    </div>
  );
}
