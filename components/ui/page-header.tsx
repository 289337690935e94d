import type { ReactNode } from 'react';

type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links beside the heading, at the far end of the line. */
  actions?: ReactNode;
  /** How the heading and the actions line up when the description makes the heading taller. */
  align?: 'center' | 'start';
  /** Added to the heading itself, e.g. its spacing from a back link above it. */
  className?: string;
};

const HEADING_CLASS = 'text-2xl font-semibold text-brand-900';
const ALIGN_CLASSES = { center: 'items-center gap-3', start: 'items-start gap-4' } as const;

/** The page's one h1, with an optional line under it and actions beside it. */
export function PageHeader({ title, description, actions, align = 'center', className }: PageHeaderProps) {
  const heading = <h1 className={className ? `${className} ${HEADING_CLASS}` : HEADING_CLASS}>{title}</h1>;
  const block = description ? (
    <div>
      {heading}
      <p className="mt-1 text-sm text-slate-600">{description}</p>
    </div>
  ) : (
    heading
  );
  if (!actions) return block;
  return (
    <div className={`flex flex-wrap justify-between ${ALIGN_CLASSES[align]}`}>
      {block}
      {actions}
    </div>
  );
}
