import { getEnv } from '@/lib/env';
import { notFound } from 'next/navigation';

// The bench's floor: a page that reads no data but goes through the same proxy and root layout
// as every page, so `npm run bench` can set each page against what Next.js itself costs on the
// machine. It exists only while the bench runs the app.
export default function BenchFloorPage() {
  if (!getEnv().isBenchFloorOn) notFound();
  return <p>Floor.</p>;
}
