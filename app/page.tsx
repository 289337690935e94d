import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/session';

const steps = [
  {
    title: 'Track every interview',
    body: 'Company, role, round, time in its own time zone, format, contact and travel plan, all in one place, with a calendar file and a leave-by time.',
  },
  {
    title: 'Recover when one goes wrong',
    body: 'Missed it or running late? Rebound walks you through the call, the apology and the request to reschedule, with a script and drafts built from your interview.',
  },
  {
    title: 'Prepare for the second chance',
    body: 'Record the outcome, plan to arrive early for the new slot, and go in without dwelling on the miss.',
  },
  {
    title: 'Learn from it',
    body: 'Capture what went wrong and what will change. Your next interviews are checked against those lessons.',
  },
];

export default async function LandingPage() {
  if (await getCurrentUser()) redirect('/dashboard');
  return (
    <div className="space-y-12">
      <section className="space-y-5 pt-6 text-center">
        <h1 className="text-4xl font-bold tracking-tight text-brand-900 sm:text-5xl">Missed an interview? Rebound.</h1>
        <p className="mx-auto max-w-2xl text-lg text-slate-600">
          Rebound keeps track of your job interviews and, when one goes wrong, guides you through a calm, professional
          recovery: call the employer, apologise sincerely, ask to reschedule, and make the second chance count.
        </p>
        <div className="flex justify-center gap-3">
          <Link
            href="/sign-up"
            className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700"
          >
            Create an account
          </Link>
          <Link
            href="/sign-in"
            className="rounded-md border border-slate-300 bg-white px-5 py-2.5 font-medium hover:bg-slate-100"
          >
            Sign in
          </Link>
        </div>
      </section>
      <section aria-labelledby="how-it-works">
        <h2 id="how-it-works" className="sr-only">
          How it works
        </h2>
        <ol className="grid gap-4 sm:grid-cols-2">
          {steps.map((step, index) => (
            <li key={step.title} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <p className="text-sm font-medium text-brand-600">Step {index + 1}</p>
              <h3 className="mt-1 font-semibold">{step.title}</h3>
              <p className="mt-2 text-sm text-slate-600">{step.body}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
