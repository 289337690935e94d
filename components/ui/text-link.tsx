import Link from 'next/link';
import type { ComponentProps } from 'react';

const TEXT_LINK_CLASS = 'text-brand-700 underline';

/** The app's link look, for an `<a>` that is not a page of the app (a download, mailto:, tel:, another site). */
export function textLinkClassName(className?: string): string {
  return className ? `${className} ${TEXT_LINK_CLASS}` : TEXT_LINK_CLASS;
}

/** A link to a page of the app, in the app's link look; `className` adds to it (size, weight, hover). */
export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link {...props} className={textLinkClassName(className)} />;
}
