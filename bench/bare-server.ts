import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

/** The baseline: a bare Fastify route answering the same JSON bytes the catalog endpoint answers. */
const payload = readFileSync(process.argv[2]!, 'utf8');
const app = Fastify({ logger: false });
app.get('/bare', async (_request, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(payload));
await app.listen({ port: Number(process.argv[3]), host: '127.0.0.1' });
process.stdout.write('ready\n');
