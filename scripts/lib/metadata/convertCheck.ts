// Runs `sf project convert source` and checks that its package.xml lists every component the source tree
// holds. The CLI skips what it cannot place (a misnamed folder, a .forceignore pattern that is too wide)
// without an error, and such a component would silently be missing from the package.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetadataIssue } from './issues';
import { childTypeForSuffix, classifyMetaFile, folderContentType, registryType } from './registry';
import { parseXml, type XmlElement } from './xmlTree';

export type Component = { type: string; name: string; file: string; line: number };

const REPO_ROOT = join(__dirname, '..', '..', '..');
const SF_RUN = join(REPO_ROOT, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');

/** Components the source tree holds, derived from the `-meta.xml` files (independent of the CLI's resolver). */
export function expectedComponents(metaFiles: Array<{ file: string; root?: XmlElement }>): Component[] {
  const components = new Map<string, Component>();
  const add = (component: Component) => components.set(`${component.type}:${component.name}`, component);
  for (const { file, root } of metaFiles) {
    const kind = classifyMetaFile(file);
    if (!kind) continue;
    const segments = file.split('/');
    if (kind.bundle) {
      add({ type: kind.bundle, name: kind.componentName, file, line: 1 });
      continue;
    }
    const child = childTypeForSuffix(kind.suffix);
    const objectsAt = segments.lastIndexOf('objects');
    if (child && child.parent === 'CustomObject' && objectsAt >= 0 && segments.length === objectsAt + 4) {
      add({ type: child.name, name: `${segments[objectsAt + 1]}.${kind.componentName}`, file, line: 1 });
      continue;
    }
    const rootType = root?.name ?? kind.allowedRoots[0];
    if (rootType === 'CustomLabels') {
      add({ type: 'CustomLabels', name: 'CustomLabels', file, line: 1 });
      for (const label of root?.children.filter((c) => c.name === 'labels') ?? []) {
        const name = label.children.find((c) => c.name === 'fullName')?.text.trim();
        if (name) add({ type: 'CustomLabel', name, file, line: label.line });
      }
      continue;
    }
    const folderContent = folderContentType(rootType);
    if (folderContent) {
      add({ type: folderContent, name: `${kind.componentName}/`, file, line: 1 });
      continue;
    }
    const type = registryType(rootType);
    const typeDirAt = type?.directoryName ? segments.lastIndexOf(type.directoryName) : -1;
    if (type?.inFolder && typeDirAt >= 0) {
      const folderPath = segments.slice(typeDirAt + 1, -1).join('/');
      add({ type: rootType, name: `${folderPath}/${kind.componentName}`, file, line: 1 });
      continue;
    }
    add({ type: rootType, name: kind.componentName, file, line: 1 });
  }
  return [...components.values()];
}

function readPackageXml(path: string): Set<string> {
  const parsed = parseXml(readFileSync(path, 'utf8'));
  const listed = new Set<string>();
  if (!parsed.ok) return listed;
  for (const types of parsed.root.children.filter((c) => c.name === 'types')) {
    const name = types.children.find((c) => c.name === 'name')?.text.trim();
    for (const member of types.children.filter((c) => c.name === 'members'))
      listed.add(`${name}:${member.text.trim()}`);
  }
  return listed;
}

export type ConvertOutcome = { issues: MetadataIssue[]; listed: number; seconds: number };

export function checkConvert(root: string, sourceDirs: string[], expected: Component[]): ConvertOutcome {
  const started = process.hrtime.bigint();
  const outputDir = join(mkdtempSync(join(tmpdir(), 'tlms-convert-')), 'mdapi');
  const args = [SF_RUN, 'project', 'convert', 'source', '--output-dir', outputDir, '--json'];
  for (const dir of sourceDirs) args.push('--source-dir', dir);
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      SF_DISABLE_TELEMETRY: 'true',
      SF_AUTOUPDATE_DISABLE: 'true',
      SF_SKIP_NEW_VERSION_CHECK: 'true',
      SF_HIDE_RELEASE_NOTES: 'true'
    }
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const packageXml = join(outputDir, 'package.xml');
    if (run.status !== 0 || !existsSync(packageXml)) {
      let message = run.stderr.trim() || run.stdout.trim();
      try {
        message = (JSON.parse(run.stdout) as { message?: string }).message ?? message;
      } catch {
        // not JSON: keep the raw output
      }
      return {
        issues: [
          {
            file: 'sfdx-project.json',
            line: 1,
            message: `sf project convert source failed: ${message}`,
            expected: 'a successful conversion'
          }
        ],
        listed: 0,
        seconds
      };
    }
    const listed = readPackageXml(packageXml);
    const issues: MetadataIssue[] = expected
      .filter((component) => !listed.has(`${component.type}:${component.name}`))
      .map((component) => ({
        file: component.file,
        line: component.line,
        message: `${component.type} ${component.name} is missing from the package.xml that sf project convert source produced`,
        expected: 'every component listed; check the folder name and .forceignore'
      }));
    return { issues, listed: listed.size, seconds };
  } finally {
    rmSync(join(outputDir, '..'), { recursive: true, force: true });
  }
}
