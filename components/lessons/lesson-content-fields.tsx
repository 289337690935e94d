import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy, Field, Select, Textarea } from '@/components/ui/form';
import { ROOT_CAUSES, ROOT_CAUSE_LABELS, type RootCause } from '@/lib/domain/lesson-rules';
import { WHAT_HAPPENED_MAX } from '@/lib/validation/limits';

type Props = {
  registerRootCause: UseFormRegisterReturn;
  registerWhatHappened: UseFormRegisterReturn;
  errors: { rootCause?: string; whatHappened?: string };
  /** Saved values, rendered into the server HTML so nothing flashes empty before hydration. */
  defaults?: { rootCause?: RootCause; whatHappened?: string };
  /** Why the root cause is already chosen, when it is (the recovery flow prefills it). */
  rootCauseHint?: string;
  /** The causes to offer: every one unless the side narrows them (lib/domain/lesson-sides.ts). */
  rootCauses?: readonly RootCause[];
};

/** The root cause and what happened: the part of a lesson both lesson forms share. */
export function LessonContentFields({
  registerRootCause,
  registerWhatHappened,
  errors,
  defaults,
  rootCauseHint,
  rootCauses = ROOT_CAUSES,
}: Props) {
  return (
    <>
      <Field id="lesson-rootCause" label="Root cause" error={errors.rootCause} hint={rootCauseHint}>
        <Select
          id="lesson-rootCause"
          defaultValue={defaults?.rootCause}
          {...describedBy('lesson-rootCause', errors.rootCause)}
          {...registerRootCause}
        >
          {rootCauses.map((cause) => (
            <option key={cause} value={cause}>
              {ROOT_CAUSE_LABELS[cause]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id="lesson-whatHappened"
        label="What happened"
        error={errors.whatHappened}
        hint={`A few honest sentences, for you to read before the next interview (up to ${WHAT_HAPPENED_MAX.toLocaleString('en-GB')} characters).`}
      >
        <Textarea
          id="lesson-whatHappened"
          rows={4}
          defaultValue={defaults?.whatHappened}
          {...describedBy('lesson-whatHappened', errors.whatHappened)}
          {...registerWhatHappened}
        />
      </Field>
    </>
  );
}
