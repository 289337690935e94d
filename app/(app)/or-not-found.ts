import { notFound } from 'next/navigation';
import { NotFoundError } from '@/lib/errors';

/**
 * A page's data, or the segment's not-found page when the loader says the record is missing or
 * someone else's (NotFoundError); any other failure goes on to error.tsx. It lives in app/
 * because lib/server may not import next/*.
 */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
