import { zodResolver } from '@hookform/resolvers/zod';
import { addStageSchema, stageSettingsSchema } from '@/lib/validation/stages';

// The stage forms' checks, loaded on a form's first check rather than with the page
// (components/forms/lazy-resolver.ts).
export const stageSettingsResolver = zodResolver(stageSettingsSchema);
export const addStageResolver = zodResolver(addStageSchema);
