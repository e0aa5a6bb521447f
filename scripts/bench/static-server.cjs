// The physical ceiling when nginx is not installed: the bench's saved HTML files served from
// memory by a bare Node HTTP server, as a separate process so it does not share the load
// generator's event loop. Usage: node static-server.cjs <dir> <port>
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const [dir, port] = process.argv.slice(2);
const files = new Map(fs.readdirSync(dir).map((name) => [`/${name}`, fs.readFileSync(path.join(dir, name))]));

http
  .createServer((request, response) => {
    const body = files.get(request.url);
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': body.length });
    response.end(body);
  })
  .listen(Number(port), '127.0.0.1');
