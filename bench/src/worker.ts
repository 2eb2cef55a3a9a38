/**
 * One bench job in its own process (so CPU time and peak RSS belong to that job): `node … worker.ts <job JSON>`
 * prints `BENCH_SCENARIOS <json array>` as its last stdout line. bench/src/main.ts starts these.
 */
import { linkedScenarios } from './scenarios/linked';
import { provisioningScenario, type ProvisioningOptions } from './scenarios/provisioning';
import { scaleScenarios } from './scenarios/scale';
import type { BenchScenario } from './result';
import type { Latency } from './scenario';

export type Job =
  | ({ kind: 'provisioning' } & ProvisioningOptions)
  | { kind: 'linked'; people: number; latency: Latency; quick: boolean }
  | { kind: 'scale'; people: number };

export const RESULT_PREFIX = 'BENCH_SCENARIOS ';

export async function runJob(job: Job): Promise<BenchScenario[]> {
  switch (job.kind) {
    case 'provisioning':
      return [await provisioningScenario(job)];
    case 'linked':
      return linkedScenarios(job);
    case 'scale':
      return scaleScenarios(job);
  }
}

if (require.main === module) {
  const job = JSON.parse(process.argv[2] ?? '{}') as Job;
  runJob(job).then(
    (scenarios) => {
      process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(scenarios)}\n`);
      // Emulator sockets and timers must not keep a finished job alive.
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`bench worker: ${String((error as Error)?.stack ?? error)}\n`);
      process.exit(1);
    }
  );
}
