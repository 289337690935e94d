import {
  CSV_HEADERS,
  escapeMarkdown,
  renderLessonsCsv,
  renderLessonsMarkdown,
  type ExportLesson,
} from '@/lib/domain/lesson-export';

const fromIncident: ExportLesson = {
  id: 'lesson-1',
  rootCause: 'TRAFFIC_TRANSPORT',
  side: 'CANDIDATE',
  company: '+Acme, "Ltd"',
  whatHappened: '=HYPERLINK("http://evil.example","click")\nSecond line',
  reviewedAt: null,
  createdAt: new Date('2026-03-02T10:00:00Z'),
  incident: {
    kind: 'MISSED',
    recordedAt: new Date('2026-03-01T09:30:00Z'),
    interview: {
      company: '+Acme, "Ltd"',
      roleTitle: '@Backend',
      scheduledStart: new Date('2026-03-01T09:00:00Z'),
      timeZone: 'Europe/London',
    },
  },
  actions: [
    { text: '-Leave 30 minutes earlier', retiredAt: null },
    { text: 'Check trains', retiredAt: new Date('2026-04-01T00:00:00Z') },
  ],
};

const nearMiss: ExportLesson = {
  id: 'lesson-2',
  rootCause: 'FORGOT',
  side: 'CANDIDATE',
  company: null,
  whatHappened: '# Nearly forgot <script>alert(1)</script> [link](http://x)',
  reviewedAt: new Date('2026-04-02T08:00:00Z'),
  createdAt: new Date('2026-04-01T23:30:00Z'),
  incident: null,
  actions: [],
};

const employerByHand: ExportLesson = {
  id: 'lesson-3',
  rootCause: 'TECHNICAL_PROBLEM',
  side: 'EMPLOYER',
  company: 'Fabrikam',
  whatHappened: 'The link they sent did not work.',
  reviewedAt: null,
  createdAt: new Date('2026-04-03T10:00:00Z'),
  incident: null,
  actions: [{ text: 'Ask for a phone number', retiredAt: null }],
};

function parseCsvRecords(csv: string): string[] {
  // Records end in CRLF; quoted cells may contain bare LF.
  return csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
}

describe('renderLessonsCsv', () => {
  const csv = renderLessonsCsv([fromIncident, nearMiss], 'Europe/London');

  it('starts with a BOM and the headers', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseCsvRecords(csv)[0]).toBe(CSV_HEADERS.join(','));
  });

  it('neutralises every cell a spreadsheet would read as a formula', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")\nSecond line"`);
    expect(csv).toContain(`"'+Acme, ""Ltd"""`);
    expect(csv).toContain(`'@Backend`);
    expect(csv).toContain(`'-Leave 30 minutes earlier`);
    expect(csv).not.toMatch(/,=|,\+|,@|,-L/);
  });

  it('writes times in the user’s zone, and one record per lesson', () => {
    expect(csv).toContain('lesson-1,2026-03-01 09:30,Missed interview');
    expect(csv).toContain('lesson-2,2026-04-02 00:30,Near miss (added by hand)');
    expect(csv).toContain('2026-03-01 09:00 (Europe/London)');
    expect(csv).toContain('Check trains');
  });
});

describe('renderLessonsMarkdown', () => {
  const markdown = renderLessonsMarkdown([fromIncident, nearMiss], 'Europe/London', new Date('2026-05-01T12:00:00Z'));

  it('has a heading per lesson with its cause and interview', () => {
    expect(markdown).toMatch(/^# My interview lessons\n/);
    expect(markdown).toContain('2 lessons');
    expect(markdown).toContain('## Traffic or transport: +Acme, "Ltd", @Backend');
    expect(markdown).toContain('## Forgot: Near miss');
  });

  it('quotes what happened line by line and lists actions as a checklist', () => {
    expect(markdown).toContain('> \\=HYPERLINK("http://evil.example","click")\n> Second line');
    expect(markdown).toContain('- [ ] \\-Leave 30 minutes earlier');
    expect(markdown).toContain('- [x] Check trains (now a habit)');
    expect(markdown).toContain('No prevention actions written down.');
  });

  it('keeps typed markup as text', () => {
    expect(markdown).toContain('> \\# Nearly forgot \\<script\\>alert(1)\\</script\\> \\[link\\](http://x)');
    expect(markdown).not.toContain('<script>');
  });

  it('says when there is nothing to export', () => {
    expect(renderLessonsMarkdown([], 'UTC', new Date('2026-05-01T12:00:00Z'))).toContain('No lessons yet.');
  });
});

describe('escapeMarkdown', () => {
  it('escapes markup and line-start markers, and leaves plain text alone', () => {
    expect(escapeMarkdown('Plan the route.')).toBe('Plan the route.');
    expect(escapeMarkdown('*bold* _it_ `code` a|b ~x~')).toBe('\\*bold\\* \\_it\\_ \\`code\\` a\\|b \\~x\\~');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('back\\slash')).toBe('back\\\\slash');
  });
});

describe('the side in the exports', () => {
  it('has a Side column after the source, and the company an employer-side lesson names', () => {
    expect(CSV_HEADERS.slice(2, 5)).toEqual(['Source', 'Side', 'Company']);
    const csv = renderLessonsCsv([fromIncident, employerByHand], 'Europe/London');
    expect(csv).toContain('Missed interview,My side,');
    expect(csv).toContain('lesson-3,2026-04-03 11:00,The employer’s side (added by hand),Employer’s side,Fabrikam,');
  });

  it('says the side and heads the actions in its words in Markdown', () => {
    const markdown = renderLessonsMarkdown(
      [employerByHand, nearMiss],
      'Europe/London',
      new Date('2026-05-01T12:00:00Z'),
    );
    expect(markdown).toContain('## Technical problem: Fabrikam');
    expect(markdown).toContain('- Side: Employer’s side');
    expect(markdown).toContain('### What I will do about the employer’s side');
    expect(markdown).toContain('- Side: My side');
    expect(markdown).toContain('### What I will do differently');
  });
});
