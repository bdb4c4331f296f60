// bench:gateway's reference: a bare node:http server that answers what the gateway's 'hello'
// route answers, the same 200 JSON string, without verifying anything (benchServers.ts).
import { createServer } from 'node:http';
import { helloAnswer } from './benchServers';

const port = Number(process.argv[2]);
createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(helloAnswer(Buffer.concat(chunks).toString('utf8')));
  });
}).listen(port, '127.0.0.1');
