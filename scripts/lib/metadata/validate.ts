// Orchestrates every offline metadata check over one project root (the repository, or a fixture project).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCompanions } from './companions';
import { checkConvert, expectedComponents } from './convertCheck';
import { checkDeployRules, type ParsedFile } from './deployRules';
import { listFiles, packageDirectories } from './files';
import { listSome, sortIssues, type MetadataIssue } from './issues';
import { classifyMetaFile, isMetaXml } from './registry';
import { checkAgainstType } from './schemaCheck';
import { metadataModel } from './typeModel';
import { parseXml } from './xmlTree';

/** Files inside a static resource are its payload (any XML), not metadata; its `.resource-meta.xml` is. */
function isStaticResourceContent(file: string): boolean {
  return file.includes('/staticresources/') && !/\/staticresources\/[^/]+\.resource-meta\.xml$/.test(file);
}

export type ValidateOptions = {
  root: string;
  /** Run `sf project convert source` and compare its package.xml (about 2 s); on by default. */
  convert?: boolean;
};

export type ValidateResult = {
  issues: MetadataIssue[];
  packageDirs: string[];
  xmlFiles: number;
  components: number;
  convertedMembers?: number;
};

export function validateMetadata(options: ValidateOptions): ValidateResult {
  const { root } = options;
  const model = metadataModel();
  const packageDirs = packageDirectories(root);
  const files = packageDirs.flatMap((dir) => listFiles(root, dir));
  const issues: MetadataIssue[] = [];
  const report = (file: string, line: number, message: string, expected?: string) =>
    issues.push({ file, line, message, expected });

  const parsedFiles: ParsedFile[] = [];
  const metaFiles: Array<{ file: string; root?: ParsedFile['root'] }> = [];
  const xmlFiles = files.filter((file) => file.endsWith('.xml'));
  for (const file of xmlFiles) {
    const parsed = parseXml(readFileSync(join(root, file), 'utf8'));
    if (!parsed.ok) {
      report(file, parsed.line, `malformed XML: ${parsed.message}`, 'well-formed XML');
      if (isMetaXml(file)) metaFiles.push({ file });
      continue;
    }
    if (!isMetaXml(file) || isStaticResourceContent(file)) continue;
    metaFiles.push({ file, root: parsed.root });
    const kind = classifyMetaFile(file);
    if (!kind) {
      report(
        file,
        1,
        'unknown metadata file suffix; sf project convert source would skip this file',
        'Name.<suffix>-meta.xml with a suffix the Metadata API registry knows'
      );
      continue;
    }
    if (!kind.allowedRoots.includes(parsed.root.name)) {
      report(
        file,
        parsed.root.line,
        `root element <${parsed.root.name}> does not match the .${kind.suffix}-meta.xml suffix`,
        listSome(kind.allowedRoots.map((r) => `<${r}>`))
      );
      continue;
    }
    checkAgainstType(parsed.root, parsed.root.name, model, (line, message, expected) =>
      report(file, line, message, expected)
    );
    parsedFiles.push({
      file,
      rootType: parsed.root.name,
      componentName: kind.componentName,
      root: parsed.root
    });
  }

  issues.push(...checkCompanions(files));
  checkDeployRules(parsedFiles, report);

  const components = expectedComponents(metaFiles);
  let convertedMembers: number | undefined;
  if (options.convert !== false && components.length > 0) {
    const dirsWithMetadata = packageDirs.filter((dir) =>
      metaFiles.some((meta) => meta.file.startsWith(`${dir}/`))
    );
    const outcome = checkConvert(root, dirsWithMetadata, components);
    issues.push(...outcome.issues);
    convertedMembers = outcome.listed;
  }
  return {
    issues: sortIssues(issues),
    packageDirs,
    xmlFiles: xmlFiles.length,
    components: components.length,
    convertedMembers
  };
}
