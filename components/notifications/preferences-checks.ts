import { zodResolver } from '@hookform/resolvers/zod';
import { notificationPreferencesSchema } from '@/lib/validation/notifications';

// The preferences form's check, loaded on the form's first check rather than with the page
// (components/forms/lazy-resolver.ts).
export const notificationPreferencesResolver = zodResolver(notificationPreferencesSchema);
