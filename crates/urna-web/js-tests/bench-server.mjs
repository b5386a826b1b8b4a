// Serves the benchmark page and the two static files on 127.0.0.1, starts the browser command
// given as arguments with the page's URL appended, prints the results it posts and exits
// (stopping the browser it started). Used by scripts/bench-browser.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { format } from './bench-core.mjs';

const here = new URL('./', import.meta.url);
const FILES = {
  '/static/urna-e2e.js': new URL('../static/urna-e2e.js', here),
  '/static/noble.js': new URL('../static/vendor/noble.js', here),
  '/js-tests/bench.html': new URL('bench.html', here),
  '/js-tests/bench-page.mjs': new URL('bench-page.mjs', here),
  '/js-tests/bench-core.mjs': new URL('bench-core.mjs', here),
};
const [command, ...args] = process.argv.slice(2);
const runs = process.env.RUNS ?? '50';
let browser;

function finish(status, message) {
  console.log(message);
  if (browser && browser.exitCode === null) browser.kill('SIGTERM');
  server.close();
  process.exitCode = status;
  setTimeout(() => process.exit(status), 2000).unref();
}

const server = createServer(async (request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (request.method === 'POST' && path === '/result') {
    let body = '';
    for await (const chunk of request) body += chunk;
    response.end();
    const report = JSON.parse(body);
    if (report.error) finish(1, `the page failed: ${report.error}`);
    else finish(0, `${report.userAgent}\n${format('chromium', report.results)}`);
    return;
  }
  const file = FILES[path];
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  const type = path.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
  response.writeHead(200, { 'content-type': type }).end(await readFile(file));
});

server.listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/js-tests/bench.html?runs=${runs}`;
  // Headless Chromium logs harmless D-Bus errors without a desktop session: shown only on request.
  const stderr = process.env.BENCH_VERBOSE ? 'inherit' : 'ignore';
  browser = spawn(command, [...args, url], { stdio: ['ignore', 'ignore', stderr] });
  browser.on('exit', (code) => {
    if (server.listening) finish(1, `the browser exited (${code}) before posting a result (BENCH_VERBOSE=1 shows its log)`);
  });
  setTimeout(() => finish(1, 'no result after 600 s'), 600_000).unref();
});
