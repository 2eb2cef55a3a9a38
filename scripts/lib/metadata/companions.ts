// Every source file has its `-meta.xml` companion and every companion its source: a `.cls` without
// `.cls-meta.xml` is silently skipped by the CLI, and a bundle without its `.js-meta.xml` is not a component.
import { basename, dirname } from 'node:path/posix';
import type { MetadataIssue } from './issues';

const CODE_SUFFIXES = ['cls', 'trigger', 'page', 'component'];
const BUNDLES: Record<string, { meta: string; sources: string[] }> = {
  lwc: { meta: 'js-meta.xml', sources: ['js'] },
  aura: { meta: '-meta.xml', sources: ['cmp', 'app', 'evt', 'intf', 'tokens', 'design'] }
};
/** Standard objects get custom fields without an `.object-meta.xml`; custom ones cannot. */
const CUSTOM_OBJECT = /__(c|mdt|e|b|x)$/;

export function checkCompanions(files: string[]): MetadataIssue[] {
  const present = new Set(files);
  const issues: MetadataIssue[] = [];
  const missing = (file: string, message: string, expected: string) =>
    issues.push({ file, line: 1, message, expected });

  for (const file of files) {
    const suffix = CODE_SUFFIXES.find((s) => file.endsWith(`.${s}`));
    if (suffix && !present.has(`${file}-meta.xml`))
      missing(file, `${basename(file)} has no ${basename(file)}-meta.xml`, `${file}-meta.xml beside it`);
    const metaOf = CODE_SUFFIXES.find((s) => file.endsWith(`.${s}-meta.xml`));
    if (metaOf) {
      const source = file.slice(0, -'-meta.xml'.length);
      if (!present.has(source))
        missing(file, `${basename(file)} has no source file ${basename(source)}`, `${source} beside it`);
    }
    if (file.endsWith('.resource-meta.xml')) {
      const stem = file.slice(0, -'.resource-meta.xml'.length);
      if (
        !files.some(
          (other) => other !== file && (other.startsWith(`${stem}.`) || other.startsWith(`${stem}/`))
        )
      ) {
        missing(
          file,
          `static resource ${basename(stem)} has no content`,
          `${stem}.<ext> or the folder ${stem}/`
        );
      }
    }
  }
  checkStaticResourceContent(files, present, missing);
  checkBundles(files, present, missing);
  checkCustomObjectFolders(files, present, missing);
  return issues;
}

function checkStaticResourceContent(
  files: string[],
  present: Set<string>,
  missing: (f: string, m: string, e: string) => void
): void {
  const reported = new Set<string>();
  for (const file of files) {
    const match = /^(.*\/staticresources)\/([^/.]+)[./]/.exec(file);
    if (!match || file.endsWith('.resource-meta.xml')) continue;
    const meta = `${match[1]}/${match[2]}.resource-meta.xml`;
    if (!present.has(meta) && !reported.has(meta)) {
      reported.add(meta);
      missing(file, `static resource content ${match[2]} has no ${match[2]}.resource-meta.xml`, meta);
    }
  }
}

function checkBundles(
  files: string[],
  present: Set<string>,
  missing: (f: string, m: string, e: string) => void
): void {
  const bundles = new Map<string, { kind: string; name: string; files: string[] }>();
  for (const file of files) {
    const match = /^(.*\/(lwc|aura))\/([^/]+)\/(.+)$/.exec(file);
    if (!match) continue;
    const key = `${match[1]}/${match[3]}`;
    const bundle = bundles.get(key) ?? { kind: match[2], name: match[3], files: [] };
    bundle.files.push(file);
    bundles.set(key, bundle);
  }
  for (const [dir, bundle] of bundles) {
    const rule = BUNDLES[bundle.kind];
    if (bundle.kind === 'lwc') {
      const meta = `${dir}/${bundle.name}.js-meta.xml`;
      const main = present.has(`${dir}/${bundle.name}.js`) ? `${dir}/${bundle.name}.js` : bundle.files[0];
      if (!present.has(meta))
        missing(main, `LWC bundle ${bundle.name} has no ${bundle.name}.js-meta.xml`, meta);
      if (!present.has(`${dir}/${bundle.name}.js`))
        missing(
          bundle.files[0],
          `LWC bundle ${bundle.name} has no ${bundle.name}.js`,
          `${dir}/${bundle.name}.js`
        );
      for (const file of bundle.files.filter(
        (f) => f.endsWith('.js-meta.xml') && dirname(f) === dir && f !== meta
      )) {
        missing(
          file,
          `${basename(file)} does not match its bundle folder ${bundle.name}`,
          `${bundle.name}.js-meta.xml`
        );
      }
    } else {
      const hasSource = rule.sources.some((ext) => present.has(`${dir}/${bundle.name}.${ext}`));
      const hasMeta = rule.sources.some((ext) => present.has(`${dir}/${bundle.name}.${ext}-meta.xml`));
      if (!hasSource || !hasMeta)
        missing(
          bundle.files[0],
          `Aura bundle ${bundle.name} lacks its definition or -meta.xml`,
          `${bundle.name}.cmp and ${bundle.name}.cmp-meta.xml (or .app/.evt/.intf)`
        );
    }
  }
}

function checkCustomObjectFolders(
  files: string[],
  present: Set<string>,
  missing: (f: string, m: string, e: string) => void
): void {
  const reported = new Set<string>();
  for (const file of files) {
    const match = /^(.*\/objects)\/([^/]+)\//.exec(file);
    if (!match || !CUSTOM_OBJECT.test(match[2]) || reported.has(match[2])) continue;
    const meta = `${match[1]}/${match[2]}/${match[2]}.object-meta.xml`;
    if (!present.has(meta)) {
      reported.add(match[2]);
      missing(file, `custom object ${match[2]} has no ${match[2]}.object-meta.xml`, meta);
    }
  }
}
