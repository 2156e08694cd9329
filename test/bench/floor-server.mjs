// The reference for the sandbox's throughput: a bare node:http server, in its own process like the sandbox, that
// answers each route with fixed bytes (the sandbox's own answer to the same call, captured beforehand) and
// reads every request body. Whatever the sandbox does beyond this (auth, validation, the database) is its cost.
// Usage: node floor-server.mjs <routes.json>, where routes.json is {"GET /path": "<body>", …}; prints its URL.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const routes = new Map(Object.entries(JSON.parse(readFileSync(process.argv[2], 'utf8'))).map(([key, body]) => [key, Buffer.from(body)]));

const server = createServer((request, response) => {
  const body = routes.get(`${request.method} ${request.url}`);
  request.resume();
  request.on('end', () => {
    if (!body) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not found"}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
  });
});

server.listen(0, '127.0.0.1', () => console.log(`floor listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => process.exit(0));
