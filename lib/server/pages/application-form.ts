import 'server-only';
import { toDateInputValue } from '@/lib/domain/application-details';
import { stageForNewApplication } from '@/lib/domain/application-stages';
import { getApplication } from '@/lib/server/applications/get-application';
import { listStageChoices } from '@/lib/server/applications/list-stage-choices';
import type { ApplicationFormInput } from '@/lib/validation/application';

/** The new application form: the user's stages to start in, Applied chosen. */
export async function loadNewApplicationPage(userId: string) {
  const stages = await listStageChoices(userId);
  const positioned = stages.map((stage, position) => ({ ...stage, position }));
  return { stages, defaultStageId: stageForNewApplication(positioned)?.id ?? null };
}

/** The edit form's values, as the form holds them (strings, '' for empty); NotFoundError for a foreign id. */
export async function loadEditApplicationPage(userId: string, id: string) {
  const application = await getApplication(userId, id);
  const defaults: ApplicationFormInput = {
    company: application.company,
    roleTitle: application.roleTitle,
    source: application.source ?? '',
    sourceDetail: application.sourceDetail ?? '',
    postingUrl: application.postingUrl ?? '',
    location: application.location ?? '',
    isRemote: application.isRemote,
    salaryMin: application.salaryMin === null ? '' : String(application.salaryMin),
    salaryMax: application.salaryMax === null ? '' : String(application.salaryMax),
    salaryCurrency: application.salaryCurrency ?? '',
    salaryPeriod: application.salaryPeriod ?? '',
    appliedOn: application.appliedOn ? toDateInputValue(application.appliedOn) : '',
    notes: application.notes ?? '',
  };
  return { id: application.id, company: application.company, roleTitle: application.roleTitle, defaults };
}
