// Checks a Postgres connection string before anything tries to use it, so a typo gets one
// clear sentence instead of a driver stack trace.
export function describeDatabaseUrl(raw, variable = 'DATABASE_URL') {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${variable} is not a valid URL. Expected postgresql://user:password@host:5432/database`);
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new Error(`${variable} must start with postgresql:// (got ${url.protocol}//). Only PostgreSQL is supported.`);
  }
  if (!url.hostname) throw new Error(`${variable} has no host. Expected postgresql://user:password@host:5432/database`);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  return { host: url.hostname, port: Number(url.port || 5432), database: database || url.username || 'postgres' };
}
