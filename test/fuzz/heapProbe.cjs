// Preloaded into the server by the stdio fuzz (NODE_OPTIONS=--require): on SIGUSR2 it runs a full
// garbage collection and writes the heap after it to stderr (never stdout, which is the protocol),
// so the fuzz can report the JS heap after GC without any debug hook in the server itself.
'use strict';
const v8 = require('node:v8');
const vm = require('node:vm');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
process.on('SIGUSR2', () => {
  gc();
  gc();
  const m = process.memoryUsage();
  const mb = (n) => Math.round((n / 1048576) * 10) / 10;
  process.stderr.write(
    `fuzz-heap ${JSON.stringify({ heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), rss: mb(m.rss) })}\n`,
  );
});
