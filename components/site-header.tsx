import Link from 'next/link';

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-brand-900">
          <span aria-hidden className="inline-block h-6 w-6 rounded-full border-4 border-brand-600 border-r-transparent" />
          Rebound
        </Link>
        <nav aria-label="Main" className="flex items-center gap-4 text-sm" />
      </div>
    </header>
  );
}
