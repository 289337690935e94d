import { Prisma } from '@/lib/generated/prisma/client';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '@/lib/errors';

const known = (code: string) =>
  new Prisma.PrismaClientKnownRequestError('message not read', { code, clientVersion: 'test' });

describe('isDatabaseUnavailable', () => {
  it.each(['P1001', 'P1017', 'P2024'])('knows Prisma %s', (code) => {
    expect(isDatabaseUnavailable(known(code))).toBe(true);
  });

  it('knows the adapter’s error for a server it cannot reach or that hung up, wrapped or not', () => {
    const adapterError = { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable' } };
    expect(isDatabaseUnavailable(adapterError)).toBe(true);
    expect(
      isDatabaseUnavailable({ name: 'DriverAdapterError', cause: { kind: 'postgres', originalCode: '57P01' } }),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(known('P2010'), { meta: { driverAdapterError: adapterError } }))).toBe(
      true,
    );
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', '57P01', '08006', '53300'])('knows socket and PostgreSQL code %s', (code) => {
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error('x'), { code }) }))).toBe(true);
  });

  it('knows node-postgres’s one uncoded failure: a pooled connection cut while idle', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: new Error('Connection terminated') }))).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('Connection terminated unexpectedly'), { code: 'P2002' })),
    ).toBe(false);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly, said the user'))).toBe(false);
  });

  it('knows its own error', () => {
    expect(isDatabaseUnavailable(new DatabaseUnavailableError())).toBe(true);
  });

  it('goes by codes, not by what a message says', () => {
    expect(isDatabaseUnavailable(known('P2002'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(false);
    expect(isDatabaseUnavailable({ name: 'DriverAdapterError', cause: { kind: 'UniqueConstraintViolation' } })).toBe(
      false,
    );
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('knows node-postgres’s code-less connection errors by their whole fixed message, and nothing near them', () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error('Connection terminated unexpectedly'), { clientVersion: '7' })),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('wrapped', { cause: new Error('timeout exceeded when trying to connect') })),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly while parsing a value'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('Connection terminated'), { code: 'P2002' }))).toBe(false);
  });
});
