import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy, Field, Input } from '@/components/ui/form';
import { LESSON_SIDE_LABELS, LESSON_SIDES, type LessonSide } from '@/lib/domain/lesson-sides';

type Props = {
  side: LessonSide;
  registerSide: UseFormRegisterReturn;
  registerCompany: UseFormRegisterReturn;
  errors: { side?: string; company?: string };
  defaults?: { side?: LessonSide; company?: string };
  /** The lesson came out of a recovery: its company is the interview's and cannot be changed here. */
  isCompanyFromInterview?: boolean;
};

const SIDE_HINTS: Readonly<Record<LessonSide, string>> = {
  CANDIDATE: 'Something on your side: the journey, the time, the technology, forgetting.',
  EMPLOYER: 'The employer didn’t show up or got something wrong: it comes back before your next interview with them.',
};

/** Whose side the lesson is about and, on the employer's side, which employer. */
export function LessonSideFields({
  side,
  registerSide,
  registerCompany,
  errors,
  defaults,
  isCompanyFromInterview = false,
}: Props) {
  return (
    <>
      <fieldset className="space-y-2" aria-describedby={errors.side ? 'lesson-side-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">Whose side</legend>
        {LESSON_SIDES.map((value) => (
          <label key={value} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              value={value}
              defaultChecked={(defaults?.side ?? 'CANDIDATE') === value}
              className="mt-0.5 h-4 w-4"
              {...registerSide}
            />
            <span>
              <span className="font-medium">{LESSON_SIDE_LABELS[value]}</span>
              <span className="block text-slate-500">{SIDE_HINTS[value]}</span>
            </span>
          </label>
        ))}
        {errors.side ? (
          <p id="lesson-side-error" role="alert" className="text-sm text-red-700">
            {errors.side}
          </p>
        ) : null}
      </fieldset>
      {side === 'EMPLOYER' ? (
        <Field
          id="lesson-company"
          label="Company"
          error={errors.company}
          hint={
            isCompanyFromInterview
              ? 'From the interview this lesson came out of.'
              : 'The lesson comes back before your next interview with this company (however its name is capitalised).'
          }
        >
          <Input
            id="lesson-company"
            autoComplete="organization"
            readOnly={isCompanyFromInterview}
            defaultValue={defaults?.company}
            {...describedBy('lesson-company', errors.company)}
            {...registerCompany}
          />
        </Field>
      ) : null}
    </>
  );
}
