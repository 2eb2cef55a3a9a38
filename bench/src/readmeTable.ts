/**
 * Writes the "Latest figures" table of bench/README.md from a bench result (everything after the
 * `<!-- latest -->` marker). `npm run bench` calls it after a full run; by hand:
 * `node --require ts-node/register/transpile-only bench/src/readmeTable.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchResultSchema, type BenchResult, type BenchScenario } from './result';

const ROOT = resolve(__dirname, '..', '..');
const README = join(ROOT, 'bench', 'README.md');
const MARKER = '<!-- latest -->';

const thousands = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) =>
  ms >= 3_600_000 ? `${(ms / 3_600_000).toFixed(2)} h` : `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const ratio = (r: number | null) => (r === null ? '—' : `${r}×`);

function row(s: BenchScenario): string {
  const targets = s.targets
    .map((t) => `${t.pass ? '✅' : '❌'} ${t.name}: ${t.actual ?? 'n/a'} / ${t.limit}`)
    .join('<br>');
  return `| \`${s.id}\` | ${s.status} | ${thousands(s.calls.salesforce)} | ${thousands(s.calls.talentlms)} | ${s.minimum.salesforce} / ${s.minimum.talentlms} | ${ratio(s.ratio.salesforce)} / ${ratio(s.ratio.talentlms)} | ${seconds(s.simulatedMs)} | ${seconds(s.cpuMs)} | ${mib(s.peakRssBytes)} | ${s.windows} | ${targets || '—'} |`;
}

export function latestTable(result: BenchResult): string {
  const head = [
    `Run ${result.date} on commit \`${(result.gitCommit ?? 'unknown').slice(0, 10)}\`, ${result.machine.cpus} × ${result.machine.cpuModel}, Node ${result.machine.node}; ${Math.round(result.realMs / 1000)} s real time.`,
    '',
    '| scenario | status | SF calls | TL calls | minimum SF / TL | ratio SF / TL | simulated | CPU | peak RSS | windows | targets |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'
  ];
  const failures = result.scenarios
    .filter((s) => s.status !== 'ok')
    .map((s) => `- \`${s.id}\` ${s.status}: ${(s.error ?? '').split('\n')[0].slice(0, 300)}`);
  return [
    ...head,
    ...result.scenarios.map(row),
    '',
    ...(failures.length ? ['Not measured:', '', ...failures, ''] : [])
  ].join('\n');
}

export async function writeReadmeTable(result: BenchResult): Promise<void> {
  const readme = readFileSync(README, 'utf8');
  const at = readme.indexOf(MARKER);
  if (at < 0) throw new Error(`${README} has no ${MARKER} marker`);
  const text = `${readme.slice(0, at + MARKER.length)}\n\n${latestTable(result)}`;
  // `npm test` checks every Markdown file with prettier: write the table as prettier would.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(README)) ?? {};
  writeFileSync(README, await prettier.format(text, { ...options, filepath: README }));
}

if (require.main === module) {
  const file = process.argv[2] ?? join(ROOT, 'bench', 'results', 'latest.json');
  void writeReadmeTable(benchResultSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
}
