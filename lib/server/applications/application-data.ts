import 'server-only';
import { applicationMatchKey } from '@/lib/domain/application-stages';
import type { ApplicationFormValues } from '@/lib/validation/application';

/**
 * The columns the application form writes, from its parsed values: what the form left empty is
 * written as null (an edit that clears a field clears it), and the match key follows the
 * company and role.
 */
export function toApplicationData(values: ApplicationFormValues) {
  return {
    company: values.company,
    roleTitle: values.roleTitle,
    matchKey: applicationMatchKey(values.company, values.roleTitle),
    source: values.source ?? null,
    sourceDetail: values.sourceDetail ?? null,
    postingUrl: values.postingUrl ?? null,
    location: values.location ?? null,
    isRemote: values.isRemote ?? false,
    salaryMin: values.salaryMin ?? null,
    salaryMax: values.salaryMax ?? null,
    salaryCurrency: values.salaryCurrency ?? null,
    salaryPeriod: values.salaryPeriod ?? null,
    // A calendar date: stored as that day at UTC midnight in a DATE column.
    appliedOn: values.appliedOn ? new Date(`${values.appliedOn}T00:00:00.000Z`) : null,
    notes: values.notes ?? null,
  };
}
