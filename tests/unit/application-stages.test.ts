import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  applicationMatchKey,
  DEFAULT_STAGES,
  type PipelineStage,
  stageAfterInterviewScheduled,
  stageForNewApplication,
  STAGE_SYSTEM_KEYS,
} from '@/lib/domain/application-stages';

const stages: PipelineStage[] = DEFAULT_STAGES.map((stage) => ({ ...stage, id: stage.systemKey.toLowerCase() }));
const byKey = (key: string) => {
  const stage = stages.find((candidate) => candidate.systemKey === key);
  if (!stage) throw new Error(`no ${key}`);
  return stage;
};

describe('the default pipeline', () => {
  it('is the nine stages in order, open before closed, with the no-reply thresholds', () => {
    expect(DEFAULT_STAGES.map((stage) => [stage.name, stage.kind, stage.noReplyDays])).toEqual([
      ['Saved', 'OPEN', null],
      ['Applied', 'OPEN', 14],
      ['Screening', 'OPEN', 7],
      ['Interviewing', 'OPEN', 7],
      ['Offer', 'OPEN', null],
      ['Accepted', 'CLOSED', null],
      ['Rejected', 'CLOSED', null],
      ['Withdrawn', 'CLOSED', null],
      ['Ghosted', 'CLOSED', null],
    ]);
    expect(DEFAULT_STAGES.map((stage) => stage.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(DEFAULT_STAGES.map((stage) => stage.systemKey)).toEqual([...STAGE_SYSTEM_KEYS]);
  });

  it('is the list the migration gives existing users', () => {
    const migrations = path.join(__dirname, '..', '..', 'prisma', 'migrations');
    const folder = readdirSync(migrations).find((name) => name.endsWith('_applications'));
    if (!folder) throw new Error('no applications migration');
    const sql = readFileSync(path.join(migrations, folder, 'migration.sql'), 'utf8');
    for (const stage of DEFAULT_STAGES) {
      const days = stage.noReplyDays === null ? 'NULL(::integer)?' : String(stage.noReplyDays);
      expect(sql).toMatch(
        new RegExp(`\\('${stage.systemKey}', '${stage.name}', ${stage.position}, '${stage.kind}', ${days}\\)`),
      );
    }
  });
});

describe('applicationMatchKey', () => {
  it('ignores case and extra white space, and keeps company and role apart', () => {
    expect(applicationMatchKey(' Acme ', 'ENGINEER  ')).toBe(applicationMatchKey('acme', 'Engineer'));
    expect(applicationMatchKey('Acme\t Ltd', 'Backend  Engineer')).toBe('acme ltd\u001fbackend engineer');
    expect(applicationMatchKey('Acme', 'Designer')).not.toBe(applicationMatchKey('Acme', 'Engineer'));
    expect(applicationMatchKey('Acme Eng', 'ineer')).not.toBe(applicationMatchKey('Acme', 'Eng ineer'));
    expect(applicationMatchKey('\u00a0Acme\u202fLtd\ufeff', 'QA')).toBe('acme ltd\u001fqa');
    // Every character JavaScript counts as white space, and only those.
    for (let code = 0; code <= 0xffff; code += 1) {
      const char = String.fromCharCode(code);
      if (/[\ud800-\udfff]/.test(char)) continue;
      const isSpace = applicationMatchKey(`a${char}b`, '') === 'a b\u001f';
      expect([code, isSpace]).toEqual([code, /\s/.test(char)]);
    }
  });
});

describe('stageAfterInterviewScheduled', () => {
  it('moves an application before Interviewing to Interviewing', () => {
    for (const key of ['SAVED', 'APPLIED', 'SCREENING']) {
      expect(stageAfterInterviewScheduled(byKey(key), stages)).toBe(byKey('INTERVIEWING'));
    }
  });

  it('never moves backwards, nor out of a closed stage', () => {
    for (const key of ['INTERVIEWING', 'OFFER', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'GHOSTED']) {
      expect(stageAfterInterviewScheduled(byKey(key), stages)).toBe(byKey(key));
    }
  });

  it('follows the user’s order and names: a renamed Interviewing is still the target', () => {
    const renamed = stages.map((stage) =>
      stage.systemKey === 'INTERVIEWING' ? { ...stage, name: 'Talking', position: 10 } : stage,
    );
    const offer = renamed.find((stage) => stage.systemKey === 'OFFER');
    const target = renamed.find((stage) => stage.systemKey === 'INTERVIEWING');
    if (!offer || !target) throw new Error('missing stage');
    // Offer is now before Interviewing in this user's order, so it moves on.
    expect(stageAfterInterviewScheduled(offer, renamed)).toBe(target);
  });

  it('leaves the stage alone when the user deleted Interviewing', () => {
    const without = stages.filter((stage) => stage.systemKey !== 'INTERVIEWING');
    expect(stageAfterInterviewScheduled(byKey('APPLIED'), without)).toBe(byKey('APPLIED'));
  });
});

describe('stageForNewApplication', () => {
  it('is Applied, or the first open stage when Applied is gone', () => {
    expect(stageForNewApplication(stages)).toBe(byKey('APPLIED'));
    expect(stageForNewApplication(stages.filter((stage) => stage.systemKey !== 'APPLIED'))).toBe(byKey('SAVED'));
  });
});
