import 'server-only';
import { revalidatePath } from 'next/cache';

// Route patterns rather than paths built from the request's ids: nothing the browser sent ends
// up in a cache key, and every page that shows the changed records is fresh.

/** After a change to an interview: the list, every interview page and the dashboard. */
export function revalidateInterviewPages(): void {
  revalidatePath('/(app)/interviews/[id]', 'page');
  revalidatePath('/interviews');
  revalidatePath('/dashboard');
}

/** After a step of a recovery: its incident page and everything an interview change touches. */
export function revalidateRecoveryPages(): void {
  revalidatePath('/(app)/incidents/[id]', 'page');
  revalidateInterviewPages();
}

/** After a lesson changed: the lesson pages, the dashboard's due count, interview prevention hints. */
export function revalidateLessonPages(): void {
  revalidatePath('/lessons', 'layout');
  revalidatePath('/dashboard');
  revalidatePath('/interviews', 'layout');
}

/** After a change to what every page shows (the user's name, their time zone): the root layout down. */
export function revalidateEveryPage(): void {
  revalidatePath('/', 'layout');
}

/** After a change on the account page alone (a session revoked). */
export function revalidateAccountPage(): void {
  revalidatePath('/account');
}

/** After the notification preferences changed: the notification pages. */
export function revalidateNotificationPages(): void {
  revalidatePath('/notifications', 'layout');
}

/** After notifications were read or answered: the notification list. */
export function revalidateNotificationList(): void {
  revalidatePath('/notifications');
}

/** After a change to an application, its stages or contacts: every applications page, the dashboard's pipeline, interview pages. */
export function revalidateApplicationPages(): void {
  revalidatePath('/applications', 'layout');
  revalidatePath('/dashboard');
  revalidatePath('/interviews', 'layout');
}

/** After an invitation was taken in (an interview added, moved or cancelled): its import page and everything an interview or application change touches. */
export function revalidateCalendarImportPages(): void {
  revalidatePath('/(app)/imports/calendar/[id]', 'page');
  revalidateApplicationPages();
  revalidateInterviewPages();
}
