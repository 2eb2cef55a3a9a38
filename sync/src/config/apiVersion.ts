import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Used when the runner is deployed without sfdx-project.json next to it. Keep equal to sourceApiVersion. */
export const FALLBACK_API_VERSION = '65.0';

/**
 * The REST API version the runner speaks: sfdx-project.json's sourceApiVersion, so the runner and the package
 * move together (jsforce would otherwise default to 50.0).
 */
export function readProjectApiVersion(projectRoot: string = join(__dirname, '..', '..', '..')): string {
  const file = join(projectRoot, 'sfdx-project.json');
  if (!existsSync(file)) return FALLBACK_API_VERSION;
  const project = JSON.parse(readFileSync(file, 'utf8')) as { sourceApiVersion?: unknown };
  const version = project.sourceApiVersion;
  if (typeof version !== 'string' || !/^\d{2,3}\.0$/.test(version)) {
    throw new Error(`sfdx-project.json sourceApiVersion is not a version like "65.0": ${String(version)}`);
  }
  return version;
}
