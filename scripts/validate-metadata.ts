// `npm run validate:metadata [-- --root <dir>] [-- --no-convert] [-- --json]`
// Offline checks of force-app/ and unpackaged/: well-formed XML, elements and enum values the Metadata API
// defines (from @salesforce/types), -meta.xml companions, deploy rules from the metadata recipes, and a
// package.xml from `sf project convert source` that lists every component. Exit 1 on any issue.
import { resolve } from 'node:path';
import { formatIssue } from './lib/metadata/issues';
import { validateMetadata } from './lib/metadata/validate';

function main(argv: string[]): number {
  const rootAt = argv.indexOf('--root');
  const root = resolve(rootAt >= 0 ? (argv[rootAt + 1] ?? '.') : '.');
  const started = process.hrtime.bigint();
  const result = validateMetadata({ root, convert: !argv.includes('--no-convert') });
  const seconds = (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ ok: result.issues.length === 0, ...result }, null, 2)}\n`);
    return result.issues.length === 0 ? 0 : 1;
  }
  for (const issue of result.issues) console.error(formatIssue(issue));
  const scope = `${result.xmlFiles} XML files, ${result.components} components in ${result.packageDirs.join(', ') || '(no package directories)'}`;
  const converted =
    result.convertedMembers === undefined
      ? 'convert skipped'
      : `package.xml lists ${result.convertedMembers} members`;
  if (result.issues.length > 0) {
    console.error(
      `validate:metadata: ${result.issues.length} problem(s) in ${scope}; ${converted} (${seconds}s)`
    );
    return 1;
  }
  console.log(`validate:metadata: ok, ${scope}; ${converted} (${seconds}s)`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
