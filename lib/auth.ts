import 'server-only';
import { getEnv } from './env';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { NotFoundError, RateLimitError, ValidationError } from './errors';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/domain/session-lifetime';
import { getUserAgent, readClientIp } from './request';
import { authenticate, SIGN_IN_FAILED } from '@/lib/server/accounts/authenticate';
import { findOrCreateOAuthUser } from '@/lib/server/accounts/find-or-create-oauth-user';
import { createSession } from '@/lib/server/sessions/create-session';
import { findSessionUser } from '@/lib/server/sessions/find-session-user';
import { revokeSession } from '@/lib/server/sessions/revoke-session';
import { readSessionClaims } from './session';
import { signInSchema } from '@/lib/validation/auth';

/** OAuth providers switched on by their env vars; none set, none offered. */
export function getOAuthProviders() {
  const providers = [];
  const { github, google } = getEnv();
  if (github) providers.push(GitHubProvider(github));
  if (google) providers.push(GoogleProvider(google));
  return providers;
}

const credentials = CredentialsProvider({
  name: 'Email and password',
  credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
  async authorize(raw, req) {
    const parsed = signInSchema.safeParse(raw ?? {});
    if (!parsed.success) throw new Error(SIGN_IN_FAILED);
    try {
      const user = await authenticate(parsed.data.email, parsed.data.password, readClientIp(req?.headers));
      return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
    } catch (error) {
      // next-auth hands the message to the sign-in form as `error`.
      if (error instanceof RateLimitError || error instanceof ValidationError) throw new Error(error.message);
      throw error;
    }
  },
});

export const authOptions: NextAuthOptions = {
  secret: getEnv().authSecret,
  // Rolling expiry: a session unused for 30 days ends; any use refreshes it (at most daily).
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [credentials, ...getOAuthProviders()],
  callbacks: {
    async jwt({ token, user, account, profile }) {
      if (account && account.provider !== 'credentials') {
        const linked = await findOrCreateOAuthUser({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: token.email ?? profile?.email ?? null,
          name: token.name ?? profile?.name ?? null,
        });
        token.uid = linked.id;
        token.sv = linked.sessionVersion;
      } else if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      // A sign-in (credentials or OAuth) gets its own session row, which signing out revokes.
      if ((account || user) && typeof token.uid === 'string') {
        token.sid = (await createSession(token.uid, await getUserAgent())).id;
      }
      return token;
    },
    async session({ session, token }) {
      const claims = readSessionClaims(token);
      const current = claims ? await findSessionUser(claims) : null;
      if (current) session.user = { name: current.name, email: current.email };
      return session;
    },
  },
  events: {
    // The cookie is cleared by next-auth; revoking its row makes any copy of it useless too.
    async signOut({ token }) {
      const claims = readSessionClaims(token);
      if (claims?.sessionId) await endSession(claims.userId, claims.sessionId);
    },
  },
};

/** Revokes a signed-out session's row, so a copy of its cookie opens nothing any more. */
export async function endSession(userId: string, sessionId: string): Promise<void> {
  try {
    await revokeSession(userId, sessionId);
  } catch (error) {
    // Already revoked (sign out everywhere) or the account was deleted: nothing left to end.
    if (!(error instanceof NotFoundError)) throw error;
  }
}
