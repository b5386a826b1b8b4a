// Node timing of ballot encryption: `node crates/urna-web/js-tests/bench.mjs [runs]`.
import os from 'node:os';
import { e2e } from './load.mjs';
import { runBench, format } from './bench-core.mjs';

const runs = Number(process.argv[2] ?? 50);
console.log(`node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
console.log(format('node', runBench(e2e, { runs })));
