import type { ReactNode } from 'react';

const toId = (title: string) =>
  `card-${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;

/** A titled section; the title names the region for assistive technology. */
export function Card({
  title,
  description,
  children,
}: {
  title?: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const headingId = title ? toId(title) : undefined;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {title ? (
        <h2 id={headingId} className="text-lg font-semibold">
          {title}
        </h2>
      ) : null}
      {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
      <div className={title || description ? 'mt-4' : ''}>{children}</div>
    </section>
  );
}
