import { CONTACT_ROLE_LABELS } from '@/lib/domain/application-details';
import {
  describeHowApplied,
  describeResult,
  formatProofDate,
  isWebAddress,
  type ProofRow,
} from '@/lib/domain/proof-of-search';
import { textLinkClassName } from '@/components/ui/text-link';

const HEAD_CELL = 'border-b border-slate-300 px-2 py-2 text-left align-bottom font-semibold';
const CELL = 'border-b border-slate-200 px-2 py-2 align-top';

function ContactCell({ contacts }: { contacts: ProofRow['contacts'] }) {
  if (contacts.length === 0) return <span className="text-slate-500">None recorded</span>;
  return (
    <ul className="space-y-1">
      {contacts.map((contact, index) => (
        <li key={index}>
          {contact.name} ({CONTACT_ROLE_LABELS[contact.role].toLowerCase()})
          {contact.email ? <span className="block break-all">{contact.email}</span> : null}
          {contact.phone ? <span className="block">{contact.phone}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function HistoryCell({ history }: { history: ProofRow['history'] }) {
  if (history.length === 0) return <span className="text-slate-500">No moves recorded</span>;
  return (
    <ol className="space-y-0.5">
      {history.map((step, index) => (
        <li key={index}>
          <span className="tabular-nums">{formatProofDate(step.on)}</span>: {step.toStageName}
        </li>
      ))}
    </ol>
  );
}

/**
 * The report's table. On screen it scrolls sideways inside its own box on a narrow phone; on
 * paper the header row repeats on every page and no row is split across two (./print.css).
 */
export function ProofTable({ rows }: { rows: readonly ProofRow[] }) {
  return (
    <div
      role="region"
      aria-label="Applications in the period"
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600 print:overflow-visible print:border-0"
    >
      <table data-proof-table className="w-full min-w-[56rem] border-collapse text-sm print:min-w-0 print:text-[9pt]">
        <caption className="sr-only">Applications in the period, oldest first</caption>
        <thead>
          <tr className="bg-slate-50">
            <th scope="col" className={HEAD_CELL}>
              Date
            </th>
            <th scope="col" className={HEAD_CELL}>
              Employer
            </th>
            <th scope="col" className={HEAD_CELL}>
              Position
            </th>
            <th scope="col" className={HEAD_CELL}>
              How applied
            </th>
            <th scope="col" className={HEAD_CELL}>
              Contact
            </th>
            <th scope="col" className={HEAD_CELL}>
              Result
            </th>
            <th scope="col" className={HEAD_CELL}>
              Stage history
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className={`${CELL} whitespace-nowrap tabular-nums`}>
                {formatProofDate(row.date)}
                {row.isAppliedDate ? null : <span className="block text-xs text-slate-600">first activity</span>}
              </td>
              <th scope="row" className={`${CELL} font-medium`}>
                {row.company}
              </th>
              <td className={CELL}>{row.roleTitle}</td>
              <td className={CELL}>
                {describeHowApplied(row)}
                {row.postingUrl && isWebAddress(row.postingUrl) ? (
                  <a
                    href={row.postingUrl}
                    rel="noopener noreferrer nofollow"
                    className={textLinkClassName('block break-all text-xs')}
                  >
                    {row.postingUrl}
                  </a>
                ) : row.postingUrl ? (
                  <span className="block break-all text-xs">{row.postingUrl}</span>
                ) : null}
              </td>
              <td className={CELL}>
                <ContactCell contacts={row.contacts} />
              </td>
              <td className={CELL}>{describeResult(row)}</td>
              <td className={CELL}>
                <HistoryCell history={row.history} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
