import 'server-only';
import { countEmployerRecord } from './count-employer-record';

/**
 * How many times the employer moved this application's rounds, by hand or by an updated
 * invitation: one statement over all its rounds (see countEmployerRecord, which also counts their
 * no-shows). Another user's application counts none.
 */
export async function countEmployerReschedules(userId: string, applicationId: string): Promise<number> {
  return (await countEmployerRecord(userId, applicationId)).reschedules;
}
