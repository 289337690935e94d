import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isSameCompany, toCompanyKey } from '@/lib/domain/lesson-company';
import { ROOT_CAUSES, ROOT_CAUSE_LABELS } from '@/lib/domain/lesson-rules';
import {
  describeAllowedRootCauses,
  EMPLOYER_ROOT_CAUSES,
  isLessonSide,
  isRootCauseAllowed,
  LESSON_SIDES,
  ROOT_CAUSES_BY_SIDE,
} from '@/lib/domain/lesson-sides';

describe('lesson sides', () => {
  it('match the LessonSide enum in the Prisma schema', () => {
    const schema = readFileSync(path.join(__dirname, '../../prisma/schema.prisma'), 'utf8');
    const block = /enum LessonSide \{([^}]*)\}/.exec(schema)?.[1] ?? '';
    const values = block
      .split('\n')
      .map((line) => line.replace(/\/\/.*$/, '').trim())
      .filter(Boolean);
    expect([...LESSON_SIDES]).toEqual(values);
  });

  it('recognises only known sides', () => {
    expect(isLessonSide('EMPLOYER')).toBe(true);
    expect(isLessonSide('employer')).toBe(false);
    expect(isLessonSide(null)).toBe(false);
  });
});

describe('which root causes each side allows', () => {
  it('keeps every cause on the candidate’s side', () => {
    for (const cause of ROOT_CAUSES) expect(isRootCauseAllowed('CANDIDATE', cause)).toBe(true);
    expect(ROOT_CAUSES_BY_SIDE.CANDIDATE).toEqual(ROOT_CAUSES);
  });

  it('offers the employer’s side a schedule mix-up, a time-zone error, a technical problem or other', () => {
    expect([...EMPLOYER_ROOT_CAUSES]).toEqual(['SCHEDULE_MIXUP', 'TIMEZONE_ERROR', 'TECHNICAL_PROBLEM', 'OTHER']);
    for (const cause of EMPLOYER_ROOT_CAUSES) expect(isRootCauseAllowed('EMPLOYER', cause)).toBe(true);
  });

  it.each(['TRAFFIC_TRANSPORT', 'EMERGENCY', 'ILLNESS', 'FORGOT'] as const)(
    'refuses %s on the employer’s side: it is the candidate’s own',
    (cause) => {
      expect(isRootCauseAllowed('EMPLOYER', cause)).toBe(false);
    },
  );

  it('names the allowed causes in the refusal', () => {
    const message = describeAllowedRootCauses('EMPLOYER');
    expect(message).toBe(
      'On the employer’s side, choose one of: schedule mix-up, time-zone mistake, technical problem, other.',
    );
    for (const cause of EMPLOYER_ROOT_CAUSES) expect(message).toContain(ROOT_CAUSE_LABELS[cause].toLowerCase());
    expect(message).not.toContain('traffic');
  });
});

describe('one company however it is typed', () => {
  it('ignores case and surrounding spaces, and nothing else', () => {
    expect(toCompanyKey('  Fabrikam Ltd ')).toBe('fabrikam ltd');
    expect(isSameCompany('Fabrikam', ' fabrikam ')).toBe(true);
    expect(isSameCompany('FABRIKAM', 'Fabrikam')).toBe(true);
    expect(isSameCompany('Fabrikam', 'Fabrikam Ltd')).toBe(false);
  });

  it('never matches a missing or blank company', () => {
    expect(isSameCompany(null, 'Fabrikam')).toBe(false);
    expect(isSameCompany('Fabrikam', undefined)).toBe(false);
    expect(isSameCompany('  ', '  ')).toBe(false);
  });
});
