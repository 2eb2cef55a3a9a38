// Checks one parsed metadata file against the Metadata API types: every element is one the type defines,
// every enum, boolean and number value is valid, required elements are present, and nothing repeats that
// the API allows once.
import { expectedOneOf, listSome } from './issues';
import { TARGET_CONFIGS, type ElementShape } from './lwcTargetConfigs';
import type { FieldSpec, MetadataModel, TypeSpec } from './typeModel';
import type { XmlElement } from './xmlTree';

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

type Report = (line: number, message: string, expected?: string) => void;

/** Elements the generated types declare as plain strings although source files hold XML there. */
const OPAQUE_SHAPES: Record<string, ElementShape> = {
  'LightningComponentBundle.targetConfigs': TARGET_CONFIGS
};

function isXmlInfrastructure(attribute: string): boolean {
  return attribute === 'xmlns' || attribute.startsWith('xmlns:') || attribute.startsWith('xsi:');
}

function checkAttributes(element: XmlElement, allowed: readonly string[], report: Report): void {
  for (const attribute of Object.keys(element.attributes)) {
    if (isXmlInfrastructure(attribute) || allowed.includes(attribute)) continue;
    report(
      element.line,
      `attribute '${attribute}' is not allowed on <${element.name}>`,
      allowed.length ? `one of ${allowed.join(', ')}` : 'no attributes'
    );
  }
}

function checkShape(element: XmlElement, shape: ElementShape, report: Report): void {
  checkAttributes(element, shape.attributes, report);
  if (!shape.text && element.text.trim() !== '')
    report(element.line, `<${element.name}> holds text but only takes child elements`);
  for (const child of element.children) {
    const childShape = shape.children[child.name];
    if (!childShape) {
      report(
        child.line,
        `unknown element <${child.name}> in <${element.name}>`,
        expectedOneOf(child.name, Object.keys(shape.children))
      );
    } else checkShape(child, childShape, report);
  }
}

function checkValue(element: XmlElement, spec: TypeSpec, owner: string, report: Report): void {
  const value = element.text.trim();
  if (spec.kind === 'enum') {
    if (!spec.values.has(value))
      report(
        element.line,
        `invalid value '${value}' for <${element.name}> (${spec.name}) in ${owner}`,
        expectedOneOf(value, spec.values)
      );
  } else if (spec.kind === 'primitive' && spec.primitive === 'boolean') {
    if (value !== 'true' && value !== 'false')
      report(element.line, `invalid boolean '${value}' for <${element.name}> in ${owner}`, 'true or false');
  } else if (spec.kind === 'primitive' && spec.primitive === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(value))
      report(element.line, `invalid number '${value}' for <${element.name}> in ${owner}`, 'a number');
  }
}

function checkObject(
  element: XmlElement,
  spec: Extract<TypeSpec, { kind: 'object' }>,
  model: MetadataModel,
  report: Report
): void {
  checkAttributes(element, [], report);
  if (element.text.trim() !== '')
    report(
      element.line,
      `<${element.name}> holds text but ${spec.name} only takes child elements`,
      listSome(spec.fields.keys())
    );
  const counts = new Map<string, number>();
  for (const child of element.children) {
    const field: FieldSpec | undefined = spec.fields.get(child.name);
    if (!field) {
      report(
        child.line,
        `unknown element <${child.name}> in ${spec.name}`,
        expectedOneOf(child.name, [...spec.fields.keys()].sort())
      );
      continue;
    }
    const seen = (counts.get(child.name) ?? 0) + 1;
    counts.set(child.name, seen);
    if (seen === 2 && !field.array)
      report(child.line, `<${child.name}> appears more than once in ${spec.name}`, 'a single element');
    checkChild(child, field, spec.name, model, report);
  }
  for (const [name, field] of spec.fields) {
    if (!field.optional && !field.array && !counts.has(name)) {
      report(
        element.line,
        `<${element.name}> is missing required element <${name}>`,
        `<${name}> (${field.type}) in ${spec.name}`
      );
    }
  }
}

function checkChild(
  child: XmlElement,
  field: FieldSpec,
  owner: string,
  model: MetadataModel,
  report: Report
): void {
  const opaque = OPAQUE_SHAPES[`${owner}.${child.name}`];
  if (opaque) return checkShape(child, opaque, report);
  const spec = model.resolve(field.type);
  if (!spec) return; // a type the .d.ts references but does not declare: nothing to check against
  if (spec.kind === 'object') return checkObject(child, spec, model, report);
  checkAttributes(child, [], report);
  if (child.children.length > 0) {
    report(
      child.children[0].line,
      `<${child.name}> in ${owner} is a ${spec.name} value, not a structure`,
      `text, not <${child.children[0].name}>`
    );
    return;
  }
  checkValue(child, spec, owner, report);
}

/** Checks the document root against its metadata type and recurses through every nested type. */
export function checkAgainstType(
  root: XmlElement,
  typeName: string,
  model: MetadataModel,
  report: Report
): void {
  const spec = model.resolve(typeName);
  if (!spec || spec.kind !== 'object') {
    report(
      root.line,
      `metadata type ${typeName} is not declared in @salesforce/types`,
      'a Metadata API type'
    );
    return;
  }
  if (root.attributes.xmlns !== METADATA_NAMESPACE) {
    report(
      root.line,
      `<${root.name}> must declare the Metadata API namespace`,
      `xmlns="${METADATA_NAMESPACE}"`
    );
  }
  checkObject(root, spec, model, report);
}
