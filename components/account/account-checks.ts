import { zodResolver } from '@hookform/resolvers/zod';
import { changePasswordSchema, profileSchema } from '@/lib/validation/auth';

// The account forms' checks, loaded on a form's first check rather than with the page
// (components/forms/lazy-resolver.ts).
export const profileResolver = zodResolver(profileSchema);
export const changePasswordResolver = zodResolver(changePasswordSchema);
