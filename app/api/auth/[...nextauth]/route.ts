import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth';

// next-auth's own endpoints (sign-in callback, CSRF token, session, sign-out); they carry
// next-auth's CSRF protection.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
