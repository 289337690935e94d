import 'server-only';
import { getDb } from '@/lib/db';
import { applicationMatchKey } from '@/lib/domain/application-stages';
import type { ApplicationWarnings } from '@/lib/domain/application-details';

// How far back a rejection or a silence is worth a warning before applying again.
const CLOSURE_LOOKBACK_MONTHS = 6;
const WARNING_LIMIT = 10;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * What the user may want to know before saving an application (they can save anyway): their
 * applications for the same company and role, compared as applicationMatchKey does, and the
 * same company's rejections or silences (closed as REJECTED or GHOSTED) in the last six months.
 */
export async function findApplicationWarnings(
  userId: string,
  input: { company: string; roleTitle: string; excludeApplicationId?: string; now?: Date },
): Promise<ApplicationWarnings> {
  const now = input.now ?? new Date();
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - CLOSURE_LOOKBACK_MONTHS);
  const matchKey = applicationMatchKey(input.company, input.roleTitle);
  // The key's company half, separator included, so "Acme" does not match "Acme Labs".
  const companyPrefix = applicationMatchKey(input.company, '');
  const exclude = input.excludeApplicationId ? { id: { not: input.excludeApplicationId } } : {};
  const db = getDb();
  const [sameRole, recentClosures] = await Promise.all([
    db.application.findMany({
      where: { userId, matchKey, ...exclude },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: WARNING_LIMIT,
      select: { id: true, company: true, roleTitle: true, stage: { select: { name: true } } },
    }),
    db.application.findMany({
      where: {
        userId,
        ...exclude,
        matchKey: { startsWith: escapeLike(companyPrefix) },
        closeReason: { in: ['REJECTED', 'GHOSTED'] },
        closedAt: { gte: since },
      },
      orderBy: [{ closedAt: 'desc' }, { id: 'desc' }],
      take: WARNING_LIMIT,
      select: { id: true, company: true, roleTitle: true, closeReason: true, closedAt: true },
    }),
  ]);
  return {
    sameRole: sameRole.map(({ stage, ...application }) => ({ ...application, stageName: stage.name })),
    recentClosures: recentClosures.flatMap(({ closeReason, closedAt, ...application }) =>
      closeReason && closedAt ? [{ ...application, closeReason, closedAt }] : [],
    ),
  };
}
