import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** Custom label values from force-app, for the messages the Apex throws (`System.Label.X`). */
export class Labels {
  constructor(private readonly values: Record<string, string>) {}

  static fromForceApp(root: string): Labels {
    const file = join(root, 'force-app/main/default/labels/CustomLabels.labels-meta.xml');
    if (!existsSync(file)) return new Labels({});
    const parser = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false });
    const values: Record<string, string> = {};
    for (const label of parser.parse(readFileSync(file, 'utf8'))?.CustomLabels?.labels ?? []) {
      values[String(label.fullName)] = String(label.value ?? '');
    }
    return new Labels(values);
  }

  /** The label's text; a missing label is a defect the caller should see, so its message says which. */
  get(name: string): string {
    const value = this.values[name];
    if (value === undefined) throw new Error(`Custom label ${name} is not in force-app/main/default/labels`);
    return value;
  }
}
