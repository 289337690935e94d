import {
  buildGhostNudgeContent,
  draftGhostFollowUp,
  pickFollowUpContact,
  type GhostFollowUpInput,
} from '@/lib/domain/ghost-follow-up';

const base: GhostFollowUpInput = {
  company: 'Acme Ltd',
  roleTitle: 'Backend Engineer',
  contact: { name: 'Priya Shah', email: 'priya@acme.test' },
  lastHeard: { at: new Date('2026-12-04T22:00:00Z'), kind: 'round' },
  timeZone: 'America/New_York',
  userName: 'Sam Candidate',
};

// Words that put pressure on the reader or blame them, which the draft must never use.
const PRESSURE =
  /haven.?t heard|have not heard|no response|still waiting|chasing|ignored|urgent|asap|deadline|disappoint|unprofessional|ghost/i;

describe('pickFollowUpContact', () => {
  const round = { contactName: 'Jo Interviewer', contactEmail: 'jo@acme.test' };

  it('prefers the recruiter of the application', () => {
    const contacts = [
      { name: 'Hana Manager', email: 'hana@acme.test', role: 'HIRING_MANAGER' as const },
      { name: ' Rita Recruiter ', email: 'rita@acme.test', role: 'RECRUITER' as const },
    ];
    expect(pickFollowUpContact(contacts, round)).toEqual({ name: 'Rita Recruiter', email: 'rita@acme.test' });
  });

  it('falls back to the latest round’s contact, then to nobody named', () => {
    expect(pickFollowUpContact([{ name: 'Hana', email: null, role: 'HIRING_MANAGER' }], round)).toEqual({
      name: 'Jo Interviewer',
      email: 'jo@acme.test',
    });
    expect(pickFollowUpContact([], { contactName: '  ', contactEmail: null })).toBeNull();
    expect(pickFollowUpContact([], null)).toBeNull();
  });
});

describe('draftGhostFollowUp', () => {
  it('greets the contact, cites the role and the day of the round in the employer’s zone, and signs off', () => {
    const draft = draftGhostFollowUp(base);
    expect(draft.recipient).toBe('priya@acme.test');
    expect(draft.subject).toBe('Following up: Backend Engineer at Acme Ltd');
    expect(draft.body).toContain('Dear Priya Shah,');
    expect(draft.body).toContain(
      'the Backend Engineer position at Acme Ltd, following our interview on Friday 4 December',
    );
    expect(draft.body).toMatch(/Kind regards,\nSam Candidate$/);
    expect(draft.mailto).toMatch(/^mailto:priya@acme\.test\?/);
  });

  it('names the day as the zone reads it (the same instant is Saturday in Tokyo)', () => {
    expect(draftGhostFollowUp({ ...base, timeZone: 'Asia/Tokyo' }).body).toContain('on Saturday 5 December');
  });

  it.each([
    ['applied', 'which I applied for on'],
    ['reply', 'following your message on'],
    ['stage-change', 'since we were last in touch on'],
  ] as const)('words the last contact for %s', (kind, words) => {
    expect(draftGhostFollowUp({ ...base, lastHeard: { ...base.lastHeard, kind } }).body).toContain(words);
  });

  it('writes to the hiring team when nobody is named, with no address and no link', () => {
    const draft = draftGhostFollowUp({ ...base, contact: null, userName: null });
    expect(draft.body.startsWith('Dear Acme Ltd hiring team,')).toBe(true);
    expect(draft).toMatchObject({ recipient: null, mailto: null });
    expect(draft.body.endsWith('Kind regards,')).toBe(true);
  });

  it('stays polite: no pressure, no blame, in every variant', () => {
    for (const kind of ['applied', 'round', 'reply', 'stage-change'] as const) {
      const { subject, body } = draftGhostFollowUp({ ...base, lastHeard: { ...base.lastHeard, kind } });
      expect(`${subject}\n${body}`).not.toMatch(PRESSURE);
    }
  });

  it('keeps what the user typed as text, to be rendered inert', () => {
    const draft = draftGhostFollowUp({ ...base, company: '<img src=x onerror=alert(1)>', contact: null });
    expect(draft.body).toContain('Dear <img src=x onerror=alert(1)> hiring team,');
  });
});

describe('buildGhostNudgeContent', () => {
  const url = 'https://rebound.test/applications/app1';

  it('the nudge offers the draft, links to it and to the application', () => {
    const content = buildGhostNudgeContent({ ...base, kind: 'NO_REPLY_NUDGE', applicationUrl: url });
    expect(content.subject).toBe('Time for a friendly follow-up with Acme Ltd');
    expect(content.body).toContain('A follow-up to Priya Shah is drafted below');
    expect(content.body).toContain('Dear Priya Shah,');
    expect(content.links.map((link) => link.label)).toEqual(['Send the follow-up', 'Open the application']);
    expect(content.links[1]?.url).toBe(url);
    expect(content.confirmation?.recipient).toBe('priya@acme.test');
    expect(content.push.title).toBe(content.subject);
  });

  it('the suggestion says Ghosted is the user’s one click, never automatic', () => {
    const content = buildGhostNudgeContent({ ...base, contact: null, kind: 'GHOSTED_SUGGESTION', applicationUrl: url });
    expect(content.body).toContain('mark the application as Ghosted in one click');
    expect(content.body).toContain('nothing changes until you do');
    expect(content.links.map((link) => link.label)).toEqual(['Open the application']);
  });
});
