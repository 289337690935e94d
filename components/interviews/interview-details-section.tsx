import { AddressWithMap } from './address-with-map';
import { Card } from '@/components/ui/card';
import { textLinkClassName } from '@/components/ui/text-link';
import { telHref } from '@/lib/domain/contact-links';

type Props = {
  interview: {
    location: string | null;
    meetingUrl: string | null;
    contactName: string | null;
    contactEmail: string | null;
    contactPhone: string | null;
    notes: string | null;
  };
};

/** Where the interview is, who to contact and the user's notes. */
export function InterviewDetailsSection({ interview }: Props) {
  return (
    <Card title="Details">
      <dl className="space-y-2 text-sm">
        {interview.location ? (
          <div>
            <dt className="font-medium">Address</dt>
            <dd>
              <AddressWithMap address={interview.location} />
            </dd>
          </div>
        ) : null}
        {interview.meetingUrl ? (
          <div>
            <dt className="font-medium">Meeting link</dt>
            <dd>
              <a
                href={interview.meetingUrl}
                className={textLinkClassName('break-all')}
                rel="noopener noreferrer"
                target="_blank"
              >
                {interview.meetingUrl}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="font-medium">Contact</dt>
          <dd>
            {interview.contactName ?? 'No contact name'}
            {interview.contactEmail ? (
              <>
                {' · '}
                <a href={`mailto:${interview.contactEmail}`} className={textLinkClassName()}>
                  {interview.contactEmail}
                </a>
              </>
            ) : null}
            {interview.contactPhone ? (
              <>
                {' · '}
                <a href={telHref(interview.contactPhone)} className={textLinkClassName()}>
                  {interview.contactPhone}
                </a>
              </>
            ) : null}
          </dd>
        </div>
        {interview.notes ? (
          <div>
            <dt className="font-medium">Notes</dt>
            <dd className="whitespace-pre-wrap">{interview.notes}</dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
