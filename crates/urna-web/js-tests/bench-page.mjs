// The browser side of scripts/bench-browser: imports the module exactly as a ballot page
// would (/static/urna-e2e.js, which imports /static/noble.js?v=…), times it and posts the
// results (or the error) back to bench-server.mjs.
import { runBench } from './bench-core.mjs';

const runs = Number(new URLSearchParams(location.search).get('runs') ?? 50);
let report;
try {
  const e2e = await import('/static/urna-e2e.js');
  report = { userAgent: navigator.userAgent, results: runBench(e2e, { runs }) };
} catch (error) {
  report = { error: String(error && error.stack ? error.stack : error) };
}
document.getElementById('status').textContent = JSON.stringify(report);
await fetch('/result', { method: 'POST', body: JSON.stringify(report) });
