import type { Metadata } from 'next';
import { LessonForm } from '@/components/lessons/lesson-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { loadEditLessonPage } from '@/lib/server/pages/lesson-edit';
import { requireUser } from '@/lib/session';
import { orNotFound } from '@/app/(app)/or-not-found';

export const metadata: Metadata = { title: 'Edit lesson' };

type EditLessonPageProps = {
  params: Promise<{ lessonId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditLessonPage({ params, searchParams }: EditLessonPageProps) {
  const { lessonId } = await params;
  const user = await requireUser(`/lessons/${encodeURIComponent(lessonId)}/edit`);
  const { lesson, activeActions, retiredActions } = await orNotFound(loadEditLessonPage(user.id, lessonId));
  // Only known places to go back to: a free-form return URL would be an open redirect.
  const returnTo = (await searchParams).from === 'review' ? `/lessons/review?lesson=${lesson.id}` : '/lessons';
  return (
    <div className="space-y-6">
      <PageHeader title="Edit lesson" />
      <Card
        description={
          retiredActions.length > 0
            ? `Actions that are now habits (${retiredActions.map((action) => `“${action.text}”`).join(', ')}) stay on the lesson and are not shown here.`
            : undefined
        }
      >
        <LessonForm
          lessonId={lesson.id}
          returnTo={returnTo}
          isCompanyFromInterview={Boolean(lesson.incident && (lesson.company ?? lesson.incident.interview.company))}
          defaults={{
            side: lesson.side,
            company: lesson.company ?? lesson.incident?.interview.company ?? '',
            rootCause: lesson.rootCause,
            whatHappened: lesson.whatHappened,
            actions: activeActions.map((action) => ({ actionId: action.id, text: action.text })),
          }}
        />
      </Card>
    </div>
  );
}
