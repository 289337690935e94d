import 'server-only';
import { hkdfSync } from 'node:crypto';
import { jwtDecrypt } from 'jose';
import type { JWT, JWTDecodeParams } from 'next-auth/jwt';

// next-auth's own decode derives the cookie's encryption key from the secret (an HKDF) on every
// call, a few per cent of a page's server time; the key depends only on the secret, so it is derived
// once per secret here. Same derivation and the same checks as next-auth/jwt's decode.
const encryptionKeys = new Map<string, Uint8Array>();

function encryptionKey(secret: string): Uint8Array {
  let key = encryptionKeys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync('sha256', secret, '', 'NextAuth.js Generated Encryption Key', 32));
    encryptionKeys.set(secret, key);
  }
  return key;
}

/** next-auth/jwt's decode with the derived key kept: the session cookie's claims, or a rejection. */
export async function decodeSessionToken({ token, secret }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(typeof secret === 'string' ? secret : secret.toString()), {
    clockTolerance: 15,
  });
  return payload as JWT;
}
