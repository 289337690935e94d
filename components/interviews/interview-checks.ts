import { zodResolver } from '@hookform/resolvers/zod';
import { interviewFormSchema } from '@/lib/validation/interview';

// The interview form's check, loaded on the form's first check rather than with the page
// (components/forms/lazy-resolver.ts).
export const interviewFormResolver = zodResolver(interviewFormSchema);
