import { zodResolver } from '@hookform/resolvers/zod';
import { applicationContactSchema, applicationFormSchema } from '@/lib/validation/application';

// The application and contact forms' checks, loaded on a form's first check rather than with the
// page (components/forms/lazy-resolver.ts).
export const applicationFormResolver = zodResolver(applicationFormSchema);
export const applicationContactResolver = zodResolver(applicationContactSchema);
