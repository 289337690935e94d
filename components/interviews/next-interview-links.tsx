import { AddressWithMap } from './address-with-map';
import { telHref } from '@/lib/domain/contact-links';
import { textLinkClassName } from '@/components/ui/text-link';

type Props = {
  interview: { id: string; location: string | null; contactName: string | null; contactPhone: string | null };
};

/** What the user needs on the way: where it is, who to call when running late, the calendar file. */
export function NextInterviewLinks({ interview }: Props) {
  return (
    <ul className="space-y-1 text-sm text-slate-700">
      {interview.location ? (
        <li>
          <AddressWithMap address={interview.location} />
        </li>
      ) : null}
      {interview.contactPhone ? (
        <li>
          {interview.contactName ? `${interview.contactName}: ` : 'Contact: '}
          <a href={telHref(interview.contactPhone)} className={textLinkClassName()}>
            {interview.contactPhone}
          </a>
        </li>
      ) : null}
      <li>
        <a href={`/api/interviews/${interview.id}/ics`} className={textLinkClassName()} download>
          Add to calendar (.ics)
        </a>
      </li>
    </ul>
  );
}
