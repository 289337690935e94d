import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LessonForm } from '@/components/lessons/lesson-form';
import { Card } from '@/components/ui/card';
import { NotFoundError } from '@/lib/errors';
import { getLesson } from '@/lib/server/lessons/get-lesson';
import type { LessonDetail } from '@/lib/domain/lesson-view';
import { requireUser } from '@/lib/session';
import { idSchema } from '@/lib/validation/common';

export const metadata: Metadata = { title: 'Edit lesson' };

type EditLessonPageProps = {
  params: Promise<{ lessonId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditLessonPage({ params, searchParams }: EditLessonPageProps) {
  const { lessonId } = await params;
  const user = await requireUser(`/lessons/${encodeURIComponent(lessonId)}/edit`);
  const parsedId = idSchema('lesson').safeParse(lessonId);
  if (!parsedId.success) notFound();
  const lesson = await loadLesson(user.id, parsedId.data);
  // Only known places to go back to: a free-form return URL would be an open redirect.
  const returnTo = (await searchParams).from === 'review' ? `/lessons/review?lesson=${lesson.id}` : '/lessons';
  const retired = lesson.actions.filter((action) => action.retiredAt !== null);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-brand-900">Edit lesson</h1>
      <Card
        description={
          retired.length > 0
            ? `Actions that are now habits (${retired.map((action) => `“${action.text}”`).join(', ')}) stay on the lesson and are not shown here.`
            : undefined
        }
      >
        <LessonForm
          lessonId={lesson.id}
          returnTo={returnTo}
          defaults={{
            rootCause: lesson.rootCause,
            whatHappened: lesson.whatHappened,
            actions: lesson.actions.filter((action) => action.retiredAt === null).map((action) => ({ actionId: action.id, text: action.text })),
          }}
        />
      </Card>
    </div>
  );
}

async function loadLesson(userId: string, lessonId: string): Promise<LessonDetail> {
  try {
    return await getLesson(userId, lessonId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
