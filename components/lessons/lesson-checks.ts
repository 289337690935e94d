import { zodResolver } from '@hookform/resolvers/zod';
import { lessonFormSchema } from '@/lib/validation/lessons';

// The lesson form's check, loaded on the form's first check rather than with the page
// (components/forms/lazy-resolver.ts).
export const lessonFormResolver = zodResolver(lessonFormSchema);
