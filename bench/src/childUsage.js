// Preloaded into the runner child process (`node --require bench/src/childUsage.js …`): on exit, writes the
// process's own CPU time and peak RSS to the file named by BENCH_USAGE_FILE, for scenario 5.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
        peakRssBytes: usage.maxRSS * 1024
      })
    );
  });
}
