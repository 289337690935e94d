'use server';

import { z } from 'zod';
import { authedAction } from './client';
import { revalidateLessonPages } from './revalidate';
import { createLesson } from '@/lib/server/lessons/create-lesson';
import { markLessonReviewed } from '@/lib/server/lessons/mark-lesson-reviewed';
import { retirePreventionAction } from '@/lib/server/lessons/retire-prevention-action';
import { updateLesson } from '@/lib/server/lessons/update-lesson';
import { idSchema } from '@/lib/validation/common';
import { lessonFormSchema } from '@/lib/validation/lessons';

const revalidate = () => revalidateLessonPages();

export const createLessonAction = authedAction(lessonFormSchema, (values, { user }) => createLesson(user.id, values), {
  returnTo: '/lessons/new',
  revalidate,
});

export const updateLessonAction = authedAction(
  z.object({ id: idSchema('lesson'), values: lessonFormSchema }),
  async ({ id, values }, { user }) => {
    await updateLesson(user.id, id, values);
  },
  { returnTo: '/lessons', revalidate },
);

export const markLessonReviewedAction = authedAction(
  z.object({ id: idSchema('lesson') }),
  async ({ id }, { user }) => {
    await markLessonReviewed(user.id, id);
  },
  { returnTo: '/lessons/review', revalidate },
);

export const retirePreventionActionAction = authedAction(
  z.object({ id: idSchema('prevention action') }),
  async ({ id }, { user }) => {
    await retirePreventionAction(user.id, id);
  },
  { returnTo: '/lessons/review', revalidate },
);
