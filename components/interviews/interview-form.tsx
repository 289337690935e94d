'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useAction } from '@/components/forms/use-action';
import { createInterviewAction, updateInterviewAction } from '@/lib/actions/interviews';
import { createInterviewFromInvitationAction } from '@/lib/actions/imports-calendar';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input, Select, Textarea } from '@/components/ui/form';
import { TimeZoneOptions } from '@/components/ui/time-zone-options';
import { applicationMatchKey } from '@/lib/domain/application-stages';
import { FORMAT_LABELS, INTERVIEW_FORMATS } from '@/lib/domain/interview-format';
import { RESCHEDULE_REASON_LABELS, RESCHEDULE_REASONS } from '@/lib/domain/interview-time-changes';
import { ApplicationWarningsNotice } from '@/components/applications/application-warnings';
import type { ApplicationWarnings } from '@/lib/domain/application-details';
import type { ActionResult } from '@/lib/errors';
import type { InterviewFormInput } from '@/lib/validation/interview';
import { lazyResolver } from '@/components/forms/lazy-resolver';

const resolver = lazyResolver(() => import('./interview-checks').then((module) => module.interviewFormResolver));

/** An open application a new interview can be a round of. */
export type ApplicationChoice = { id: string; company: string; roleTitle: string; stageName: string };
/** A contact saved to the application, to pick instead of retyping. */
export type ContactChoice = { id: string; name: string; email: string | null; phone: string | null };

type SaveAnswer =
  { saved: true; id: string; notice: string | null | undefined } | { saved: false; warnings: ApplicationWarnings };

type Props = {
  defaults: InterviewFormInput;
  interviewId?: string;
  version?: string;
  userTimeZone: string;
  /** New interviews only: the applications to choose from, and the chosen one's contacts. */
  applications?: readonly ApplicationChoice[];
  contacts?: readonly ContactChoice[];
  /** New interviews from an imported invitation: saved with its UID, so its later versions find it. */
  invitation?: { importId: string; uid: string };
};

export function InterviewForm({
  defaults,
  interviewId,
  version,
  userTimeZone,
  applications = [],
  contacts = [],
  invitation,
}: Props) {
  const router = useRouter();
  const [saved, setSaved] = useState<{ id: string; notice: string } | null>(null);
  const form = useForm<InterviewFormInput>({
    resolver,
    defaultValues: defaults,
  });
  const { register, handleSubmit, formState, control } = form;
  const { errors, isSubmitting } = formState;
  const format = useWatch({ control, name: 'format' });
  const timeZone = useWatch({ control, name: 'timeZone' });
  const contactPhone = useWatch({ control, name: 'contactPhone' });
  const applicationId = useWatch({ control, name: 'applicationId' });
  const company = useWatch({ control, name: 'company' });
  const roleTitle = useWatch({ control, name: 'roleTitle' });
  const chosenApplication = applications.find((application) => application.id === applicationId);
  const matchingApplication = chosenApplication ? undefined : findMatching(applications, company, roleTitle);
  // Not required: the form saves without it. But running late means calling them first.
  const phoneHint =
    format === 'IN_PERSON' && !contactPhone?.trim()
      ? 'Add their phone number: if you are running late, calling them comes first.'
      : undefined;

  // The new application's company turned the user down lately: said once, then saved anyway.
  const [warned, setWarned] = useState<{ key: string; warnings: ApplicationWarnings } | null>(null);
  // Only for the company and role they were about: another company is checked afresh.
  const warnings =
    warned && warned.key === applicationMatchKey(company ?? '', roleTitle ?? '') ? warned.warnings : null;
  const save = useAction(
    (values: InterviewFormInput): Promise<ActionResult<SaveAnswer>> =>
      interviewId
        ? updateInterviewAction({ id: interviewId, values, expectedUpdatedAt: version }).then((r) =>
            r.ok ? { ok: true as const, data: { saved: true as const, id: interviewId, notice: r.data.notice } } : r,
          )
        : invitation
          ? createInterviewFromInvitationAction({ ...invitation, values })
          : createInterviewAction(values),
    {
      form,
      onSuccess: (answer) => {
        if (!answer.saved) {
          setWarned({
            key: applicationMatchKey(form.getValues('company'), form.getValues('roleTitle')),
            warnings: answer.warnings,
          });
          return;
        }
        const { id, notice } = answer;
        if (notice) {
          // A time the clocks skip or repeat: show what was saved before moving on.
          setSaved({ id, notice });
          return;
        }
        router.push(`/interviews/${id}`);
        router.refresh();
      },
    },
  );
  const isSaving = isSubmitting || save.isPending;
  const onSubmit = handleSubmit((values) => save.execute({ ...values, acknowledgeWarnings: warnings !== null }));

  // defaultValue puts the saved value into the server's HTML; register alone fills the control
  // in only once scripts run (a select would read its first option, UTC for the zone, until then).
  const field = (name: Exclude<keyof InterviewFormInput, 'acknowledgeWarnings'>) => ({
    id: name,
    defaultValue: defaults[name],
    ...describedBy(name, errors[name]?.message),
    ...register(name),
  });

  if (saved) {
    return (
      <div className="space-y-4">
        <Alert tone="info">{saved.notice}</Alert>
        <Link
          href={`/interviews/${saved.id}`}
          className="inline-flex rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white"
        >
          Continue to the interview
        </Link>
      </div>
    );
  }

  const chooseApplication = (id: string) => {
    const chosen = applications.find((application) => application.id === id);
    if (!chosen) return;
    form.setValue('company', chosen.company, { shouldValidate: formState.isSubmitted });
    form.setValue('roleTitle', chosen.roleTitle, { shouldValidate: formState.isSubmitted });
  };
  const chooseContact = (id: string) => {
    const chosen = contacts.find((contact) => contact.id === id);
    if (!chosen) return;
    form.setValue('contactName', chosen.name);
    form.setValue('contactEmail', chosen.email ?? '');
    form.setValue('contactPhone', chosen.phone ?? '');
  };
  const applicationField = register('applicationId', { onChange: (event) => chooseApplication(event.target.value) });
  const contactField = register('contactId', { onChange: (event) => chooseContact(event.target.value) });
  const companies = [...new Set(applications.map((application) => application.company))];

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {save.error ? <Alert tone="error">{save.error}</Alert> : null}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-700">The job</legend>
        {!interviewId && applications.length > 0 ? (
          <div className="sm:col-span-2">
            <Field
              id="applicationId"
              label="Application"
              error={errors.applicationId?.message}
              hint={
                chosenApplication
                  ? 'This interview is a round of that application; its company and role come from it.'
                  : 'Leave this to join the open application with the same company and role, or open a new one.'
              }
            >
              <Select
                id="applicationId"
                defaultValue={defaults.applicationId}
                {...describedBy('applicationId', errors.applicationId?.message)}
                {...applicationField}
              >
                <option value="">Match by company and role</option>
                {applications.map((application) => (
                  <option key={application.id} value={application.id}>
                    {application.company} · {application.roleTitle} ({application.stageName})
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        ) : null}
        <Field id="company" label="Company" error={errors.company?.message}>
          <Input
            autoComplete="organization"
            list={companies.length > 0 && !interviewId ? 'company-suggestions' : undefined}
            readOnly={Boolean(chosenApplication)}
            {...field('company')}
          />
        </Field>
        {companies.length > 0 && !interviewId ? (
          <datalist id="company-suggestions">
            {companies.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        ) : null}
        <Field
          id="roleTitle"
          label="Role"
          error={errors.roleTitle?.message}
          hint={
            matchingApplication && !interviewId
              ? `Joins your application ${matchingApplication.company} · ${matchingApplication.roleTitle} (${matchingApplication.stageName}).`
              : undefined
          }
        >
          <Input readOnly={Boolean(chosenApplication)} {...field('roleTitle')} />
        </Field>
        <Field
          id="roundLabel"
          label="Round (optional)"
          error={errors.roundLabel?.message}
          hint="e.g. First round, Technical, Final"
        >
          <Input {...field('roundLabel')} />
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-700">When</legend>
        <Field id="date" label="Date" error={errors.date?.message}>
          <Input type="date" {...field('date')} />
        </Field>
        <Field
          id="timeZone"
          label="Time zone"
          error={errors.timeZone?.message}
          hint={timeZone !== userTimeZone ? `Your own zone is ${userTimeZone}; both times will be shown.` : undefined}
        >
          <Select {...field('timeZone')}>
            <TimeZoneOptions current={timeZone} />
          </Select>
        </Field>
        <Field id="startTime" label="Starts" error={errors.startTime?.message}>
          <Input type="time" {...field('startTime')} />
        </Field>
        <Field id="endTime" label="Ends" error={errors.endTime?.message}>
          <Input type="time" {...field('endTime')} />
        </Field>
        {interviewId ? (
          <>
            <Field
              id="rescheduleReason"
              label="If the time moved, why (optional)"
              error={errors.rescheduleReason?.message}
            >
              <Select {...field('rescheduleReason')}>
                <option value="">Not saying</option>
                {RESCHEDULE_REASONS.map((value) => (
                  <option key={value} value={value}>
                    {RESCHEDULE_REASON_LABELS[value]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="rescheduleNote" label="In your words (optional)" error={errors.rescheduleNote?.message}>
              <Input {...field('rescheduleNote')} />
            </Field>
          </>
        ) : null}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-700">Where</legend>
        <Field id="format" label="Format" error={errors.format?.message}>
          <Select {...field('format')}>
            {INTERVIEW_FORMATS.map((value) => (
              <option key={value} value={value}>
                {FORMAT_LABELS[value]}
              </option>
            ))}
          </Select>
        </Field>
        {format === 'VIDEO' ? (
          <Field id="meetingUrl" label="Meeting link" error={errors.meetingUrl?.message}>
            <Input type="url" inputMode="url" placeholder="https://" {...field('meetingUrl')} />
          </Field>
        ) : (
          <Field
            id="location"
            label={format === 'IN_PERSON' ? 'Address' : 'Address (optional)'}
            error={errors.location?.message}
          >
            <Input autoComplete="street-address" {...field('location')} />
          </Field>
        )}
        {format === 'IN_PERSON' ? (
          <>
            <Field
              id="travelMinutes"
              label="Travel time (minutes)"
              error={errors.travelMinutes?.message}
              hint="Door to door, at that time of day."
            >
              <Input type="number" min={0} max={600} inputMode="numeric" {...field('travelMinutes')} />
            </Field>
            <Field
              id="bufferMinutes"
              label="Extra buffer (minutes)"
              error={errors.bufferMinutes?.message}
              hint="For delays. You are also planned to arrive 15 minutes early."
            >
              <Input type="number" min={0} max={600} inputMode="numeric" {...field('bufferMinutes')} />
            </Field>
          </>
        ) : null}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-700">Contact</legend>
        {contacts.length > 0 ? (
          <div className="sm:col-span-3">
            <Field
              id="contactId"
              label="Saved contact"
              hint="Picks one of the application's contacts; a name typed below is saved to the application."
            >
              <Select
                id="contactId"
                defaultValue={defaults.contactId}
                {...describedBy('contactId', errors.contactId?.message)}
                {...contactField}
              >
                <option value="">Someone else</option>
                {contacts.map((contact) => (
                  <option key={contact.id} value={contact.id}>
                    {contact.name}
                    {contact.email ? ` (${contact.email})` : ''}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        ) : null}
        <Field id="contactName" label="Name" error={errors.contactName?.message}>
          <Input autoComplete="off" {...field('contactName')} />
        </Field>
        <Field id="contactEmail" label="Email" error={errors.contactEmail?.message}>
          <Input type="email" autoComplete="off" {...field('contactEmail')} />
        </Field>
        <Field
          id="contactPhone"
          label={format === 'PHONE' ? 'Phone' : 'Phone (optional)'}
          error={errors.contactPhone?.message}
          hint={phoneHint}
        >
          <Input type="tel" autoComplete="off" {...field('contactPhone')} />
        </Field>
      </fieldset>

      <Field id="notes" label="Notes" error={errors.notes?.message}>
        <Textarea rows={4} {...field('notes')} />
      </Field>

      {warnings ? <ApplicationWarningsNotice warnings={warnings} /> : null}
      <div className="flex gap-3">
        <Button type="submit" pending={isSaving}>
          {isSaving ? 'Saving…' : interviewId ? 'Save changes' : warnings ? 'Add interview anyway' : 'Add interview'}
        </Button>
        <Link
          href={interviewId ? `/interviews/${interviewId}` : '/interviews'}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm"
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}

/** The open application a new interview with this company and role would join, if any. */
function findMatching(
  applications: readonly ApplicationChoice[],
  company: string | undefined,
  roleTitle: string | undefined,
): ApplicationChoice | undefined {
  if (!company?.trim() || !roleTitle?.trim()) return undefined;
  const key = applicationMatchKey(company, roleTitle);
  return applications.find((application) => applicationMatchKey(application.company, application.roleTitle) === key);
}
