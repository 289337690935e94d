import { declaresOversizedBody, hasDecodablePath, MAX_BODY_BYTES } from '@/scripts/lib/app-server.mjs';

describe('the launcher refuses what Next.js would answer with a 500', () => {
  it.each(['/interviews/%C0%AF', '/api/calendar/%E0%A4%A', '/lessons/%ZZ/edit', '/%'])('%s does not decode', (url) => {
    expect(hasDecodablePath(url)).toBe(false);
  });

  it.each(['/', '/interviews/abc', '/interviews?q=%00', '/search/caf%C3%A9', '/interviews?q=%ZZ'])('%s does (the query is the page’s to read)', (url) => {
    expect(hasDecodablePath(url)).toBe(true);
  });

  it('reads the declared body length against the limit', () => {
    expect(declaresOversizedBody({ 'content-length': String(MAX_BODY_BYTES + 1) })).toBe(true);
    expect(declaresOversizedBody({ 'content-length': String(MAX_BODY_BYTES) })).toBe(false);
    expect(declaresOversizedBody({})).toBe(false);
  });
});
