// Finds the package directories of a project and the files inside them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Directories that never hold deployable metadata (LWC tests and mocks are .forceignored). */
const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  '__tests__',
  '__mocks__',
  '.sf',
  '.sfdx',
  '.localdevserver'
]);

export function packageDirectories(root: string): string[] {
  const projectFile = join(root, 'sfdx-project.json');
  if (!existsSync(projectFile))
    return ['force-app', 'unpackaged'].filter((dir) => existsSync(join(root, dir)));
  const project = JSON.parse(readFileSync(projectFile, 'utf8')) as {
    packageDirectories?: Array<{ path: string }>;
  };
  return (project.packageDirectories ?? [])
    .map((dir) => dir.path.replace(/[\\/]+$/, ''))
    .filter((dir) => existsSync(join(root, dir)));
}

/** Every file under `dir`, as paths relative to `root` with forward slashes. */
export function listFiles(root: string, dir: string): string[] {
  const found: string[] = [];
  const walk = (absolute: string) => {
    for (const entry of readdirSync(absolute)) {
      if (SKIPPED_DIRECTORIES.has(entry)) continue;
      const path = join(absolute, entry);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(join(root, dir));
  return found.sort();
}
