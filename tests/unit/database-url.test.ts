import { describeDatabaseUrl } from '@/scripts/lib/database-url.mjs';

describe('describeDatabaseUrl', () => {
  it('reads host, port and database from a PostgreSQL URL', () => {
    expect(describeDatabaseUrl('postgresql://app:secret@db.internal:6543/rebound')).toEqual({
      host: 'db.internal',
      port: 6543,
      database: 'rebound',
    });
  });

  it('defaults the port to 5432 and accepts the postgres:// scheme', () => {
    expect(describeDatabaseUrl('postgres://app@localhost/rebound')).toMatchObject({ port: 5432 });
  });

  it('refuses a URL that does not parse, naming the variable', () => {
    expect(() => describeDatabaseUrl('not a url', 'TEST_DATABASE_URL')).toThrow(/TEST_DATABASE_URL is not a valid URL/);
  });

  it('refuses another database engine with a clear message', () => {
    expect(() => describeDatabaseUrl('mysql://root@localhost/test')).toThrow(
      /must start with postgresql:\/\/ \(got mysql:\/\/\)/,
    );
  });
});
