import type { Metadata } from 'next';
import { LessonForm } from '@/components/lessons/lesson-form';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Add a lesson' };

export default async function NewLessonPage() {
  await requireUser('/lessons/new');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-brand-900">Add a lesson</h1>
      <Card description="For a near miss, or anything you learnt without a missed interview. Lessons from a recovery are saved at its last step.">
        <LessonForm returnTo="/lessons" />
      </Card>
    </div>
  );
}
