// The no-show forms' checks, loaded on a form's first check rather than with the page.
export { recordNoShowOutcomeSchema } from '@/lib/validation/no-show';
