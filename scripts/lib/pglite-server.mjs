// Serves a PGlite database over the Postgres wire protocol on 127.0.0.1, so the app and
// the schema engine reach it through `pg` exactly as they reach a Postgres server.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * @param {{ dataDir?: string, port?: number, maxConnections?: number }} options
 *   dataDir undefined keeps the database in memory; port 0 picks a free port.
 */
export async function startPgliteServer({ dataDir, port = 0, maxConnections = 20 } = {}) {
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  const address = server.getServerConn();
  const actualPort = Number(address.split(':').pop());
  return {
    db,
    port: actualPort,
    url: `postgresql://postgres:postgres@127.0.0.1:${actualPort}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
