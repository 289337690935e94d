import { decodeKeysetCursor, encodeKeysetCursor } from '@/lib/domain/keyset-cursor';

const base64url = (text: string) => Buffer.from(text).toString('base64url');

describe('the keyset cursor', () => {
  it('a cursor round-trips through encode and decode', () => {
    const cursor = { at: new Date('2027-01-02T03:04:05.678Z'), id: 'cm1abcdefghijklmnopqrstu' };
    expect(decodeKeysetCursor(encodeKeysetCursor(cursor))).toEqual(cursor);
  });

  it('is URL-safe as it stands', () => {
    expect(encodeKeysetCursor({ at: new Date('2027-01-02T03:04:05.678Z'), id: 'cm1abcdefghijklmnopqrstu' })).toMatch(
      /^[A-Za-z0-9_-]+$/,
    );
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['a word', 'garbage'],
    ['punctuation', '!!!'],
    ['an unparseable date', base64url('not-a-date|cabc')],
    ['no id', base64url('2027-06-16T12:00:00.000Z|')],
    ['no separator', base64url('2027-06-16T12:00:00.000Z')],
    ['an over-long id', base64url(`2027-06-16T12:00:00.000Z|${'c'.repeat(41)}`)],
  ])('a cursor that is %s decodes to nothing (the first page)', (_label, raw) => {
    expect(decodeKeysetCursor(raw)).toBeNull();
  });

  it('accepts an id of up to 40 characters', () => {
    expect(decodeKeysetCursor(base64url(`2027-06-16T12:00:00.000Z|${'c'.repeat(40)}`))).toEqual({
      at: new Date('2027-06-16T12:00:00.000Z'),
      id: 'c'.repeat(40),
    });
  });
});
