import type { ReactNode } from 'react';

export function Card({ title, description, children }: { title?: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {title ? <h2 className="text-lg font-semibold">{title}</h2> : null}
      {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
      <div className={title || description ? 'mt-4' : ''}>{children}</div>
    </section>
  );
}
