import 'server-only';
import { getDb } from '@/lib/db';
import { createDefaultStages } from '@/lib/server/applications/create-default-stages';

/**
 * The user behind an OAuth sign-in: the linked one, else the account with the same
 * (provider-verified) email, else a new account without a password.
 */
export async function findOrCreateOAuthUser(input: {
  provider: string;
  providerAccountId: string;
  email: string | null;
  name: string | null;
}): Promise<{ id: string; sessionVersion: number }> {
  const db = getDb();
  const linked = await db.oAuthAccount.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { user: { select: { id: true, sessionVersion: true } } },
  });
  if (linked) return linked.user;
  if (!input.email) throw new Error(`Your ${input.provider} account has no email address we can use.`);
  const email = input.email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, sessionVersion: true } });
    const user =
      existing ??
      (await tx.user.create({
        data: { email, name: input.name?.slice(0, 100) || email.split('@')[0] || email },
        select: { id: true, sessionVersion: true },
      }));
    if (!existing) await createDefaultStages(tx, user.id);
    await tx.oAuthAccount.create({
      data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId },
    });
    return user;
  });
}
