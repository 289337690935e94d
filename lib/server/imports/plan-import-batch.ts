import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { closeReasonForStage } from '@/lib/domain/application-details';
import { applicationMatchKey, stageForNewApplication } from '@/lib/domain/application-stages';
import type { CsvImportOptions, ImportRecord } from '@/lib/domain/csv-import';
import { emptyTally, type ImportTally } from '@/lib/domain/import-report';
import { isValidTimeZone, zonedLocalToUtc } from '@/lib/domain/time';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { StageKind } from '@/lib/generated/prisma/enums';

export type ImportStage = { id: string; name: string; position: number; kind: StageKind; systemKey: string | null };

/** What the database already holds for a set of rows: read by readExistingRows, in three statements. */
export type ExistingRows = {
  applicationKeys: Set<string>;
  interviewKeys: Set<string>;
  /** The user's applications by match key (the oldest first wins), with their contacts by lower-cased name. */
  applications: Map<string, { id: string; contacts: Map<string, string> }>;
};

export type ImportPlan = {
  applications: Prisma.ApplicationCreateManyInput[];
  stageChanges: Prisma.StageChangeCreateManyInput[];
  contacts: Prisma.ApplicationContactCreateManyInput[];
  interviews: Prisma.InterviewCreateManyInput[];
  /** Interviews still to come, whose reminders are planned once they are written. */
  futureInterviewIds: string[];
  tally: ImportTally;
};

/** The key a row is stored under (Application.importKey, Interview.importKey): its keySource hashed, so it has one length. */
export function importKeyOf(keySource: string): string {
  return createHash('sha256').update(keySource, 'utf8').digest('hex');
}

const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * A day of the file (a stage change's date, the applied date) as an instant: noon in the
 * import's zone, so the day reads back the same in that zone, and the steps of one day keep
 * their order a second apart.
 */
function dayInstant(day: string, timeZone: string, step = 0): Date {
  const { instant } = zonedLocalToUtc(`${day}T12:00`, timeZone);
  return new Date(instant.getTime() + step * 1000);
}

function stageFor(record: ImportRecord, options: CsvImportOptions, stages: readonly ImportStage[]) {
  const mapped = record.application.stageValue ? options.stageMap[record.application.stageValue] : null;
  // A stage removed since the mapping was saved: the row starts where a new application would.
  return stages.find((stage) => stage.id === mapped) ?? stageForNewApplication(stages);
}

/**
 * What a batch of rows will write, decided once, for the dry run and the import alike (the dry
 * run plans every row and writes nothing). Per row, in order:
 * - its key is already there (an application's or an interview's): unchanged, nothing written;
 * - an application of the same company and role exists (before the import, or from an earlier
 *   row): the row joins it, adding the contacts it lacks (by name, case-insensitively) and its
 *   round; the application's own fields are left as the user has them;
 * - otherwise a new application, with its key, its stage (the file's value through the user's
 *   stage map, else Applied), closed when that stage is, its stage history as the file tells it
 *   (else one change into its stage), its contacts and its round.
 * `existing` is updated as rows are planned, so the next batch's plan sees this one's rows.
 */
export function planImportBatch(input: {
  userId: string;
  records: readonly ImportRecord[];
  existing: ExistingRows;
  stages: readonly ImportStage[];
  options: CsvImportOptions;
  now: Date;
}): ImportPlan {
  const { userId, existing, stages, options, now } = input;
  const zone = isValidTimeZone(options.timeZone) ? options.timeZone : 'UTC';
  const plan: ImportPlan = {
    applications: [],
    stageChanges: [],
    contacts: [],
    interviews: [],
    futureInterviewIds: [],
    tally: emptyTally(),
  };
  const stageByName = new Map(stages.map((stage) => [nameKey(stage.name), stage]));
  let sequence = 0;
  // Rows written in one statement share now(); a millisecond apart they keep the file's order.
  const nextCreatedAt = () => new Date(now.getTime() + sequence++);

  for (const record of input.records) {
    const importKey = importKeyOf(record.keySource);
    if (existing.applicationKeys.has(importKey) || existing.interviewKeys.has(importKey)) {
      plan.tally.unchanged += 1;
      continue;
    }
    const { application } = record;
    const matchKey = applicationMatchKey(application.company, application.roleTitle);
    let target = existing.applications.get(matchKey);
    const isNew = !target;
    if (!target) {
      const stage = stageFor(record, options, stages);
      if (!stage) throw new Error('The user has no stage to put an imported application in.');
      const id = randomUUID();
      const history = record.stageHistory;
      const lastStep = history.at(-1);
      const closedAt = lastStep
        ? dayInstant(lastStep.on, zone, history.length - 1)
        : application.appliedOn
          ? dayInstant(application.appliedOn, zone)
          : now;
      plan.applications.push({
        id,
        userId,
        company: application.company,
        roleTitle: application.roleTitle,
        matchKey,
        source: application.source,
        sourceDetail: application.sourceDetail,
        postingUrl: application.postingUrl,
        location: application.location,
        isRemote: application.isRemote,
        salaryMin: application.salaryMin,
        salaryMax: application.salaryMax,
        salaryCurrency: application.salaryCurrency,
        salaryPeriod: application.salaryPeriod,
        appliedOn: application.appliedOn ? new Date(`${application.appliedOn}T00:00:00.000Z`) : null,
        notes: application.notes,
        stageId: stage.id,
        closedAt: stage.kind === 'CLOSED' ? closedAt : null,
        closeReason: stage.kind === 'CLOSED' ? (application.closeReason ?? closeReasonForStage(stage)) : null,
        importKey,
        createdAt: application.addedAt ? new Date(application.addedAt) : nextCreatedAt(),
      });
      const steps = history.length
        ? history.map((step, index) => ({
            fromStage: step.fromStageName ? (stageByName.get(nameKey(step.fromStageName)) ?? null) : null,
            fromStageName: step.fromStageName,
            toStage: stageByName.get(nameKey(step.toStageName)) ?? null,
            toStageName: step.toStageName,
            changedAt: dayInstant(step.on, zone, index),
          }))
        : [
            {
              fromStage: null,
              fromStageName: null,
              toStage: stage,
              toStageName: stage.name,
              changedAt: application.appliedOn ? dayInstant(application.appliedOn, zone) : now,
            },
          ];
      for (const step of steps) {
        plan.stageChanges.push({
          userId,
          applicationId: id,
          fromStageId: step.fromStage?.id ?? null,
          fromStageName: step.fromStageName,
          toStageId: step.toStage?.id ?? null,
          toStageName: step.toStageName,
          changedAt: step.changedAt,
          cause: 'IMPORT',
        });
      }
      target = { id, contacts: new Map() };
      existing.applications.set(matchKey, target);
      existing.applicationKeys.add(importKey);
      plan.tally.created.applications += 1;
      plan.tally.created.stageChanges += steps.length;
    }

    let addedToExisting = 0;
    for (const contact of record.contacts) {
      const key = nameKey(contact.name);
      if (!key || target.contacts.has(key)) continue;
      const id = randomUUID();
      plan.contacts.push({
        id,
        userId,
        applicationId: target.id,
        name: contact.name,
        email: contact.email,
        phone: contact.phone,
        role: contact.role,
        createdAt: nextCreatedAt(),
      });
      target.contacts.set(key, id);
      plan.tally.created.contacts += 1;
      addedToExisting += 1;
    }

    if (record.interview) {
      const round = record.interview;
      const scheduledStart = zonedLocalToUtc(round.startLocal, round.timeZone).instant;
      const contact = record.contacts[0] ?? null;
      const id = randomUUID();
      const isPast = scheduledStart.getTime() < now.getTime();
      plan.interviews.push({
        id,
        userId,
        applicationId: target.id,
        company: application.company,
        roleTitle: application.roleTitle,
        roundLabel: round.roundLabel,
        scheduledStart,
        durationMinutes: round.durationMinutes,
        timeZone: round.timeZone,
        format: round.format,
        location: round.location,
        meetingUrl: round.meetingUrl,
        notes: round.notes,
        contactId: contact ? (target.contacts.get(nameKey(contact.name)) ?? null) : null,
        contactName: contact?.name ?? null,
        contactEmail: contact?.email ?? null,
        contactPhone: contact?.phone ?? null,
        // What the file says became of the round (Rebound's own export does); else a round it
        // dates in the past took place as far as the user's records go: left Scheduled it would
        // ask "did it happen?" for every one of them.
        status: round.status ?? (isPast ? 'COMPLETED' : 'SCHEDULED'),
        importKey,
        createdAt: nextCreatedAt(),
      });
      existing.interviewKeys.add(importKey);
      if (!isPast) plan.futureInterviewIds.push(id);
      plan.tally.created.interviews += 1;
      addedToExisting += 1;
    }

    if (!isNew) {
      if (addedToExisting > 0) plan.tally.updatedApplications += 1;
      else plan.tally.unchanged += 1;
    }
  }
  return plan;
}
