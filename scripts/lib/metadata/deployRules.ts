// Rules that `sf project deploy` or `sf package version create` enforce but offline tools do not
// (../shared/reference/metadata-recipes.md, the "Deploy rejects" lists). Only the cheap, certain ones:
// each rule reads one parsed file, or one object's fields together.
import type { XmlElement } from './xmlTree';

export type ParsedFile = { file: string; rootType: string; componentName: string; root: XmlElement };
export type RuleReport = (file: string, line: number, message: string, expected?: string) => void;

const first = (element: XmlElement, name: string): XmlElement | undefined =>
  element.children.find((c) => c.name === name);
const all = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((c) => c.name === name);
const valueOf = (element: XmlElement, name: string): string | undefined => first(element, name)?.text.trim();
const isTrue = (element: XmlElement, name: string): boolean => valueOf(element, name) === 'true';
const lineOf = (element: XmlElement, name: string): number => first(element, name)?.line ?? element.line;

const EXTERNAL_ID_TYPES = ['Text', 'Number', 'Email', 'AutoNumber'];
const FORMULA_RESULT_TYPES = [
  'Checkbox',
  'Currency',
  'Date',
  'DateTime',
  'Number',
  'Percent',
  'Text',
  'Time'
];

function checkField(parsed: ParsedFile, report: RuleReport): void {
  const field = parsed.root;
  const at = (name: string) => lineOf(field, name);
  const say = (line: number, message: string, expected?: string) =>
    report(parsed.file, line, message, expected);
  const type = valueOf(field, 'type') ?? '';
  const isFormula = first(field, 'formula') !== undefined;
  const fullName = valueOf(field, 'fullName');
  if (fullName !== undefined && fullName !== parsed.componentName) {
    say(at('fullName'), `<fullName>${fullName}</fullName> differs from the file name`, parsed.componentName);
  }
  if (!first(field, 'type'))
    say(field.line, 'custom field has no <type>', 'a FieldType such as Text, Number, Lookup');
  if (!first(field, 'label')) say(field.line, 'custom field has no <label>', '<label>');
  if (isFormula && !FORMULA_RESULT_TYPES.includes(type)) {
    say(
      at('type'),
      `a formula cannot have type ${type}`,
      `the result type: ${FORMULA_RESULT_TYPES.join(', ')}`
    );
  }
  if (type === 'Checkbox' && !isFormula && !first(field, 'defaultValue')) {
    say(field.line, 'Checkbox field without <defaultValue>', '<defaultValue>false</defaultValue> or true');
  }
  if (type === 'AutoNumber' && !first(field, 'displayFormat'))
    say(field.line, 'AutoNumber field without <displayFormat>', 'a format such as A-{000000}');
  const length = Number(valueOf(field, 'length'));
  if (type === 'Text' && !isFormula) {
    if (!first(field, 'length')) say(field.line, 'Text field without <length>', 'a length from 1 to 255');
    else if (!(length >= 1 && length <= 255))
      say(
        at('length'),
        `Text length ${valueOf(field, 'length')} is out of range`,
        '1 to 255 (use LongTextArea above 255)'
      );
  }
  if (type === 'LongTextArea' || type === 'Html') {
    if (!(length >= 256 && length <= 131072))
      say(
        at('length'),
        `${type} length ${valueOf(field, 'length') ?? '(missing)'} is out of range`,
        '256 to 131072'
      );
    if (!first(field, 'visibleLines'))
      say(field.line, `${type} field without <visibleLines>`, '<visibleLines>');
  }
  if (first(field, 'precision')) {
    const precision = Number(valueOf(field, 'precision'));
    const scale = Number(valueOf(field, 'scale') ?? 0);
    if (precision > 18) say(at('precision'), `precision ${precision} is above 18`, 'precision ≤ 18');
    if (scale > precision)
      say(at('scale'), `scale ${scale} is above precision ${precision}`, 'scale ≤ precision');
  }
  for (const flag of ['externalId', 'unique']) {
    if (isTrue(field, flag) && !EXTERNAL_ID_TYPES.includes(type)) {
      say(
        at(flag),
        `<${flag}>true</${flag}> on a ${type} field`,
        `a field of type ${EXTERNAL_ID_TYPES.join(', ')}`
      );
    }
  }
  if (type === 'MasterDetail') {
    for (const forbidden of ['deleteConstraint', 'required', 'lookupFilter']) {
      if (first(field, forbidden))
        say(at(forbidden), `<${forbidden}> is not allowed on a MasterDetail field`, `no <${forbidden}>`);
    }
  }
  if ((type === 'Lookup' || type === 'MasterDetail') && !first(field, 'referenceTo'))
    say(field.line, `${type} field without <referenceTo>`, 'the target object');
  if (type === 'Lookup' && isTrue(field, 'required')) {
    const constraint = valueOf(field, 'deleteConstraint');
    if (constraint === undefined || constraint === 'SetNull') {
      say(
        constraint ? at('deleteConstraint') : field.line,
        `a required lookup cannot use ${constraint ? 'deleteConstraint SetNull' : 'the default deleteConstraint (SetNull)'}`,
        '<deleteConstraint>Restrict</deleteConstraint> or Cascade'
      );
    }
  }
  const help = valueOf(field, 'inlineHelpText');
  if (help !== undefined && help.length > 510)
    say(at('inlineHelpText'), `inlineHelpText is ${help.length} characters`, 'at most 510');
  checkPicklistValues(field, (line, message, expected) => say(line, message, expected));
}

function checkPicklistValues(
  field: XmlElement,
  say: (line: number, message: string, expected?: string) => void
): void {
  const definition = first(first(field, 'valueSet') ?? field, 'valueSetDefinition');
  if (!definition) return;
  const seen = new Map<string, number>();
  const defaults: XmlElement[] = [];
  for (const value of all(definition, 'value')) {
    const name = valueOf(value, 'fullName') ?? '';
    const key = name.toLowerCase();
    if (seen.has(key))
      say(
        value.line,
        `duplicate picklist value '${name}' (first on line ${seen.get(key)})`,
        'unique value API names'
      );
    else seen.set(key, value.line);
    if (isTrue(value, 'default')) defaults.push(value);
  }
  if (defaults.length > 1)
    say(
      defaults[1].line,
      `${defaults.length} picklist values are marked default`,
      'at most one <default>true</default>'
    );
}

function checkObject(parsed: ParsedFile, report: RuleReport): void {
  const nameField = first(parsed.root, 'nameField');
  if (nameField && valueOf(nameField, 'type') === 'AutoNumber' && !first(nameField, 'displayFormat')) {
    report(
      parsed.file,
      nameField.line,
      'AutoNumber name field without <displayFormat>',
      'a format such as UC-{000000}'
    );
  }
  if (parsed.componentName.endsWith('__c')) {
    for (const required of ['label', 'pluralLabel', 'nameField', 'deploymentStatus', 'sharingModel']) {
      if (!first(parsed.root, required))
        report(parsed.file, parsed.root.line, `custom object without <${required}>`, `<${required}>`);
    }
  }
}

/** Rules that need an object together with its fields. */
function checkObjectWithFields(object: ParsedFile, fields: ParsedFile[], report: RuleReport): void {
  const masterDetails = fields.filter((f) => valueOf(f.root, 'type') === 'MasterDetail');
  const sharing = valueOf(object.root, 'sharingModel');
  if (sharing !== undefined) {
    const line = lineOf(object.root, 'sharingModel');
    if (masterDetails.length > 0 && sharing !== 'ControlledByParent') {
      report(
        object.file,
        line,
        `sharingModel ${sharing} on an object with a MasterDetail field (${masterDetails[0].componentName})`,
        'ControlledByParent'
      );
    }
    if (masterDetails.length === 0 && sharing === 'ControlledByParent') {
      report(
        object.file,
        line,
        'sharingModel ControlledByParent on an object without a MasterDetail field',
        'Private, Read or ReadWrite'
      );
    }
  }
  if (masterDetails.length > 2)
    report(
      masterDetails[2].file,
      masterDetails[2].root.line,
      'a third MasterDetail field on one object',
      'at most two'
    );
  if (!isTrue(object.root, 'enableHistory')) {
    for (const field of fields.filter((f) => isTrue(f.root, 'trackHistory'))) {
      report(
        field.file,
        lineOf(field.root, 'trackHistory'),
        'trackHistory is true but the object does not enable history',
        `<enableHistory>true</enableHistory> in ${object.file}`
      );
    }
  }
}

function checkListView(parsed: ParsedFile, report: RuleReport): void {
  const fullName = valueOf(parsed.root, 'fullName');
  if (fullName === undefined)
    report(parsed.file, parsed.root.line, 'list view without <fullName>', parsed.componentName);
  else if (fullName !== parsed.componentName)
    report(
      parsed.file,
      lineOf(parsed.root, 'fullName'),
      `list view <fullName>${fullName}</fullName> differs from the file name`,
      parsed.componentName
    );
  for (const name of ['fullName', 'label']) {
    const value = valueOf(parsed.root, name);
    if (value !== undefined && value.length > 40)
      report(
        parsed.file,
        lineOf(parsed.root, name),
        `list view ${name} is ${value.length} characters`,
        'at most 40'
      );
  }
}

function checkLabels(parsed: ParsedFile, report: RuleReport): void {
  const seen = new Map<string, number>();
  for (const label of all(parsed.root, 'labels')) {
    const name = valueOf(label, 'fullName') ?? '';
    if (!/^[A-Za-z](?!.*__)\w*(?<!_)$/.test(name))
      report(
        parsed.file,
        label.line,
        `label name '${name}' is not a valid API name`,
        'a letter first, then letters, digits or single underscores'
      );
    if (seen.has(name))
      report(
        parsed.file,
        label.line,
        `duplicate label '${name}' (first on line ${seen.get(name)})`,
        'unique label names'
      );
    else seen.set(name, label.line);
    const value = valueOf(label, 'value') ?? '';
    if (value === '')
      report(parsed.file, lineOf(label, 'value'), `label '${name}' has an empty value`, 'text');
    if (value.length > 1000)
      report(
        parsed.file,
        lineOf(label, 'value'),
        `label '${name}' is ${value.length} characters`,
        'at most 1000'
      );
    if ((valueOf(label, 'shortDescription') ?? '') === '')
      report(parsed.file, label.line, `label '${name}' has no shortDescription`, 'a short description');
  }
}

function checkLwcBundle(parsed: ParsedFile, report: RuleReport): void {
  const targets = new Set(
    all(first(parsed.root, 'targets') ?? parsed.root, 'target').map((t) => t.text.trim())
  );
  for (const config of all(first(parsed.root, 'targetConfigs') ?? parsed.root, 'targetConfig')) {
    for (const target of (config.attributes.targets ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)) {
      if (!targets.has(target))
        report(
          parsed.file,
          config.line,
          `targetConfig names ${target}, which is not in <targets>`,
          `one of ${[...targets].join(', ') || '(no targets)'}`
        );
    }
  }
}

function checkTab(parsed: ParsedFile, report: RuleReport): void {
  const objectTab = isTrue(parsed.root, 'customObject');
  if (objectTab) {
    for (const forbidden of ['label', 'sobjectName', 'fullName', 'type']) {
      if (first(parsed.root, forbidden))
        report(
          parsed.file,
          lineOf(parsed.root, forbidden),
          `an object tab cannot carry <${forbidden}>`,
          'customObject, motif and description only'
        );
    }
  } else if (!first(parsed.root, 'label')) {
    report(parsed.file, parsed.root.line, 'a component, page or web tab needs a <label>', '<label>');
  }
}

function checkFlexiPage(parsed: ParsedFile, report: RuleReport): void {
  const template = valueOf(first(parsed.root, 'template') ?? parsed.root, 'name');
  if (template === 'flexipage:appHomeTemplateDesktop')
    report(
      parsed.file,
      lineOf(parsed.root, 'template'),
      `template ${template} does not exist`,
      'flexipage:defaultAppHomeTemplate'
    );
  const regions = new Map<string, number>();
  const identifiers = new Map<string, number>();
  for (const region of all(parsed.root, 'flexiPageRegions')) {
    const name = valueOf(region, 'name') ?? '';
    if (regions.has(name))
      report(
        parsed.file,
        region.line,
        `duplicate region or facet name '${name}' (first on line ${regions.get(name)})`,
        'unique names'
      );
    else regions.set(name, region.line);
    for (const item of all(region, 'itemInstances')) {
      for (const instance of [...all(item, 'componentInstance'), ...all(item, 'fieldInstance')]) {
        const id = valueOf(instance, 'identifier');
        if (id === undefined) continue;
        if (identifiers.has(id))
          report(
            parsed.file,
            instance.line,
            `duplicate identifier '${id}' (first on line ${identifiers.get(id)})`,
            'unique identifiers'
          );
        else identifiers.set(id, instance.line);
      }
    }
  }
}

function checkReport(parsed: ParsedFile, report: RuleReport): void {
  const format = valueOf(parsed.root, 'format');
  if ((format === 'Summary' || format === 'Matrix') && !first(parsed.root, 'groupingsDown')) {
    report(
      parsed.file,
      lineOf(parsed.root, 'format'),
      `a ${format} report without <groupingsDown>`,
      'at least one grouping'
    );
  }
  if (format === 'Matrix' && !first(parsed.root, 'groupingsAcross'))
    report(
      parsed.file,
      lineOf(parsed.root, 'format'),
      'a Matrix report without <groupingsAcross>',
      'a column grouping'
    );
}

function checkDashboard(parsed: ParsedFile, report: RuleReport): void {
  const runningUser = first(parsed.root, 'runningUser');
  if (runningUser && runningUser.text.trim() === '')
    report(
      parsed.file,
      runningUser.line,
      'empty <runningUser/> breaks package installs',
      'no <runningUser> element'
    );
  if (runningUser && runningUser.text.trim() !== '')
    report(
      parsed.file,
      runningUser.line,
      'a packaged dashboard names a running user that exists in one org only',
      'dashboardType SpecifiedUser without <runningUser>'
    );
}

function checkPermissionSet(parsed: ParsedFile, report: RuleReport): void {
  const needs: Array<[string, string[]]> = [
    ['allowEdit', ['allowRead']],
    ['allowCreate', ['allowRead']],
    ['allowDelete', ['allowRead', 'allowEdit']],
    ['viewAllRecords', ['allowRead']],
    ['modifyAllRecords', ['allowRead', 'allowEdit', 'allowDelete', 'viewAllRecords']]
  ];
  for (const permission of all(parsed.root, 'objectPermissions')) {
    for (const [flag, requires] of needs) {
      if (!isTrue(permission, flag)) continue;
      const missing = requires.filter((r) => !isTrue(permission, r));
      if (missing.length > 0)
        report(
          parsed.file,
          lineOf(permission, flag),
          `${flag} on ${valueOf(permission, 'object')} without ${missing.join(', ')}`,
          `${missing.join(', ')} true`
        );
    }
  }
  for (const permission of all(parsed.root, 'fieldPermissions')) {
    if (isTrue(permission, 'editable') && !isTrue(permission, 'readable')) {
      report(
        parsed.file,
        lineOf(permission, 'editable'),
        `editable field ${valueOf(permission, 'field')} is not readable`,
        '<readable>true</readable>'
      );
    }
  }
}

const PER_FILE: Record<string, (parsed: ParsedFile, report: RuleReport) => void> = {
  CustomField: checkField,
  CustomObject: checkObject,
  ListView: checkListView,
  CustomLabels: checkLabels,
  LightningComponentBundle: checkLwcBundle,
  CustomTab: checkTab,
  FlexiPage: checkFlexiPage,
  Report: checkReport,
  Dashboard: checkDashboard,
  PermissionSet: checkPermissionSet
};

/** `objects/<Object>/fields/<Field>.field-meta.xml` → `<Object>`. */
function objectOfChild(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('objects');
  return at >= 0 && parts.length > at + 2 ? parts[at + 1] : undefined;
}

export function checkDeployRules(files: ParsedFile[], report: RuleReport): void {
  for (const parsed of files) PER_FILE[parsed.rootType]?.(parsed, report);
  const objects = files.filter((f) => f.rootType === 'CustomObject');
  const fieldsOf = new Map<string, ParsedFile[]>();
  for (const field of files.filter((f) => f.rootType === 'CustomField')) {
    const key = objectOfChild(field.file);
    if (key) fieldsOf.set(key, [...(fieldsOf.get(key) ?? []), field]);
  }
  for (const object of objects)
    checkObjectWithFields(object, fieldsOf.get(object.componentName) ?? [], report);
  checkPermissionSetFields(files, fieldsOf, report);
}

/** Field permissions on required or MasterDetail fields are rejected ("You cannot deploy to a required field"). */
function checkPermissionSetFields(
  files: ParsedFile[],
  fieldsOf: Map<string, ParsedFile[]>,
  report: RuleReport
): void {
  const locked = new Map<string, string>();
  for (const [object, fields] of fieldsOf) {
    for (const field of fields) {
      const type = valueOf(field.root, 'type');
      if (type === 'MasterDetail') locked.set(`${object}.${field.componentName}`, 'a MasterDetail field');
      else if (isTrue(field.root, 'required'))
        locked.set(`${object}.${field.componentName}`, 'a required field');
    }
  }
  for (const parsed of files.filter((f) => f.rootType === 'PermissionSet')) {
    for (const permission of all(parsed.root, 'fieldPermissions')) {
      const name = valueOf(permission, 'field') ?? '';
      const why = locked.get(name);
      if (why)
        report(
          parsed.file,
          permission.line,
          `field permission on ${name}, ${why}`,
          'no fieldPermissions entry: access follows the object'
        );
    }
  }
}
