import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AddToCalendar } from '@/components/interviews/add-to-calendar';
import { buildGoogleCalendarUrl, buildOutlookCalendarUrl } from '@/lib/domain/calendar-links';
import { SECOND_CHANCE_TIP } from '@/lib/domain/calendar';

const interview = {
  id: 'int_123',
  company: 'Acme',
  roleTitle: 'Platform Engineer',
  roundLabel: null,
  scheduledStart: new Date('2027-01-15T14:30:00Z'),
  durationMinutes: 45,
  timeZone: 'America/New_York',
  format: 'IN_PERSON' as const,
  location: '1 Main St, New York',
  meetingUrl: null,
  contactName: null,
  contactEmail: null,
  notes: null,
  status: 'SCHEDULED' as const,
  travelMinutes: 30,
  bufferMinutes: 10,
  rescheduledFrom: null,
};

const render = (props: Parameters<typeof AddToCalendar>[0]) =>
  renderToStaticMarkup(createElement(AddToCalendar, props));
const escapeHtml = (text: string) => text.replaceAll('&', '&amp;');
const links = (html: string) =>
  [...html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map(([, href = '', text = '']) => ({ href, text }));

describe('AddToCalendar', () => {
  const savedUrl = process.env.NEXTAUTH_URL;
  beforeAll(() => {
    process.env.NEXTAUTH_URL = 'https://rebound.example.com';
  });
  afterAll(() => {
    if (savedUrl === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = savedUrl;
  });

  it('offers Google, Outlook and the .ics file as underlined links named by their text', () => {
    const html = render({ interview });
    // 09:30 New York − 15 min early − 10 min buffer − 30 min travel = leave by 08:35.
    const withLeaveBy = { ...interview, sequence: 0, leaveBy: new Date('2027-01-15T13:35:00Z') };
    expect(links(html)).toEqual([
      {
        href: escapeHtml(buildGoogleCalendarUrl(withLeaveBy, 'https://rebound.example.com')),
        text: 'Add to Google Calendar',
      },
      { href: escapeHtml(buildOutlookCalendarUrl(withLeaveBy, 'https://rebound.example.com')), text: 'Add to Outlook' },
      { href: '/api/interviews/int_123/ics', text: 'Download .ics file' },
    ]);
    expect(html.match(/<a [^>]*class="[^"]*\bunderline\b/g)).toHaveLength(3);
    expect(html).toContain('Leave%20by%3A');
  });

  it('gives a second chance the forward-looking description', () => {
    const html = render({ interview: { ...interview, rescheduledFrom: { _count: { incidents: 1 } } } });
    expect(html).toContain(encodeURIComponent(SECOND_CHANCE_TIP));
  });

  it.each(['CANCELLED', 'COMPLETED', 'MISSED'] as const)('shows nothing for a %s interview', (status) => {
    expect(render({ interview: { ...interview, status } })).toBe('');
  });
});
