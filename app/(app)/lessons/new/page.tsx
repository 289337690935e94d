import type { Metadata } from 'next';
import { LessonForm } from '@/components/lessons/lesson-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Add a lesson' };

export default async function NewLessonPage() {
  await requireUser('/lessons/new');
  return (
    <div className="space-y-6">
      <PageHeader title="Add a lesson" />
      <Card description="For a near miss, something an employer got wrong, or anything you learnt without a missed interview. Lessons from a recovery are saved at its last step.">
        <LessonForm returnTo="/lessons" />
      </Card>
    </div>
  );
}
