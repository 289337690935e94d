import type { ApplicationTableQuery } from '@/lib/validation/application';

/** The table's address for a set of filters, sort and page; empty values are left out. */
export function applicationsTableHref(query: Partial<ApplicationTableQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, String(value));
  const search = params.toString();
  return search ? `/applications/table?${search}` : '/applications/table';
}
