import { encode } from 'next-auth/jwt';
import { decodeSessionToken } from '@/lib/server/sessions/decode-session-token';

const secret = 'unit-secret-unit-secret-unit-secret';

describe('decodeSessionToken', () => {
  it('reads a cookie that next-auth encoded, every time with the key it derived once', async () => {
    const token = await encode({ token: { uid: 'user-1', sv: 3, sid: 'session-1' }, secret });
    for (let round = 0; round < 3; round += 1) {
      await expect(decodeSessionToken({ token, secret })).resolves.toMatchObject({
        uid: 'user-1',
        sv: 3,
        sid: 'session-1',
      });
    }
  });

  it('rejects a cookie encoded with another secret, an expired one, and a tampered one', async () => {
    const other = await encode({ token: { uid: 'user-1' }, secret: 'another-secret-another-secret-another' });
    await expect(decodeSessionToken({ token: other, secret })).rejects.toThrow();
    const expired = await encode({ token: { uid: 'user-1' }, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow(/exp/);
    const token = await encode({ token: { uid: 'user-1' }, secret });
    const [header, key, iv, ciphertext = '', tag] = token.split('.');
    const tampered = `${ciphertext.slice(0, -2)}${ciphertext.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(decodeSessionToken({ token: [header, key, iv, tampered, tag].join('.'), secret })).rejects.toThrow();
  });

  it('answers null for no cookie, as next-auth does', async () => {
    await expect(decodeSessionToken({ token: undefined, secret })).resolves.toBeNull();
  });
});
