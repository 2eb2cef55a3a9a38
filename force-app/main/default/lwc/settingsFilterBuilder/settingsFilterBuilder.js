import { LightningElement, api } from 'lwc';
import LABELS from 'c/setupLabels';
import { formatLabel } from 'c/learningUtils';
import {
  MAX_CONDITIONS,
  SHAPE_BY_OPERATOR,
  clone,
  fieldComboboxOptions,
  formatConditionValue,
  parseConditionValue
} from 'c/settingsUtils';

const CUSTOM = 'custom';
const NUMBER_TYPES = ['int', 'long', 'double', 'currency', 'percent'];

/**
 * Field / operator / value rows over User or Contact fields (from Apex describe: only filterable fields, only
 * the operators each type allows) plus the filter logic. Raises `filterchange` with the whole new filter.
 */
export default class SettingsFilterBuilder extends LightningElement {
  /** { logic, conditions } from the settings document. */
  @api filter;
  /** SetupDtos.FieldOption[] of the population's object. */
  @api fields;
  @api disabled = false;
  /** Label of the population, for headings and accessible names. */
  @api populationLabel;

  labels = LABELS;
  // What the admin typed per row, so "Sales;" is not reformatted while typing.
  rawValues = {};

  get conditions() {
    return (this.filter && this.filter.conditions) || [];
  }

  get logic() {
    return (this.filter && this.filter.logic) || 'all';
  }

  get logicMode() {
    return this.logic === 'all' || this.logic === 'any' ? this.logic : CUSTOM;
  }

  get isCustomLogic() {
    return this.logicMode === CUSTOM;
  }

  get logicOptions() {
    return [
      { label: LABELS.logicAll, value: 'all' },
      { label: LABELS.logicAny, value: 'any' },
      { label: LABELS.logicCustom, value: CUSTOM }
    ];
  }

  get fieldOptions() {
    return fieldComboboxOptions(this.fields, (field) => field.filterable);
  }

  get hasConditions() {
    return this.conditions.length > 0;
  }

  get canAdd() {
    return !this.disabled && this.conditions.length < MAX_CONDITIONS;
  }

  get cannotAdd() {
    return !this.canAdd;
  }

  get rows() {
    const byPath = new Map((this.fields || []).map((field) => [field.path, field]));
    return this.conditions.map((condition, index) => {
      const field = byPath.get(condition.field);
      const operators = field ? field.operators : [condition.operator];
      const shape = SHAPE_BY_OPERATOR[condition.operator];
      const raw = this.rawValues[index];
      const picklist = field && field.picklistValues && field.picklistValues.length > 0;
      const kind = this.inputKind(field, shape, picklist);
      return {
        key: `${index}`,
        isChoice: kind === 'boolean' || kind === 'picklist',
        inputType: kind === 'number' ? 'number' : 'text',
        step: kind === 'number' ? 'any' : undefined,
        choices: kind === 'boolean' ? this.booleanOptions : this.picklistOptions(field),
        index,
        number: index + 1,
        title: formatLabel(LABELS.conditionTitle, index + 1),
        field: condition.field,
        operator: condition.operator,
        operatorOptions: (operators || []).map((operator) => ({
          label: LABELS[`op_${operator}`] || operator,
          value: operator
        })),
        needsValue: shape !== 'none',
        // What the admin typed stays while it still means the stored value (undo or reload replaces it).
        value:
          raw !== undefined &&
          JSON.stringify(parseConditionValue(condition.fieldType, condition.operator, raw)) ===
            JSON.stringify(condition.value)
            ? raw
            : formatConditionValue(condition.value),
        // A number box has no help: it takes one plain number.
        valueHelp: kind === 'number' ? undefined : this.valueHelp(field, shape, picklist),
        unknownField: !field && (this.fields || []).length > 0
      };
    });
  }

  /** Type-aware value input: a choice for booleans and single picklist values, a number box, or text. */
  inputKind(field, shape, picklist) {
    if (!field || shape !== 'scalar') {
      return 'text';
    }
    if (field.fieldType === 'boolean') {
      return 'boolean';
    }
    if (picklist) {
      return 'picklist';
    }
    return NUMBER_TYPES.includes(field.fieldType) ? 'number' : 'text';
  }

  get booleanOptions() {
    return [
      { label: LABELS.valueTrue, value: 'true' },
      { label: LABELS.valueFalse, value: 'false' }
    ];
  }

  picklistOptions(field) {
    return ((field && field.picklistValues) || []).map((entry) => ({
      label: entry.label,
      value: entry.value
    }));
  }

  valueHelp(field, shape, picklist) {
    const parts = [];
    if (shape === 'list') {
      parts.push(LABELS.valueListHelp);
    }
    if (field && (field.fieldType === 'date' || field.fieldType === 'datetime')) {
      parts.push(LABELS.valueDateHelp);
    }
    if (picklist) {
      parts.push(formatLabel(LABELS.valuePicklistHelp, field.picklistValues.map((p) => p.value).join(', ')));
    }
    if (field && field.fieldType === 'boolean') {
      parts.push(LABELS.valueBooleanHelp);
    }
    return parts.join(' ');
  }

  emit(filter) {
    this.dispatchEvent(new CustomEvent('filterchange', { detail: { filter } }));
  }

  fieldTypeOf(path) {
    const field = (this.fields || []).find((candidate) => candidate.path === path);
    return field ? field.fieldType : undefined;
  }

  handleLogicMode(event) {
    const mode = event.detail.value;
    const filter = clone(this.filter) || { logic: 'all', conditions: [] };
    filter.logic =
      mode === CUSTOM ? this.conditions.map((condition, index) => index + 1).join(' AND ') || '1' : mode;
    this.emit(filter);
  }

  handleLogicText(event) {
    const filter = clone(this.filter);
    filter.logic = event.detail.value;
    this.emit(filter);
  }

  handleAdd() {
    const filter = clone(this.filter) || { logic: 'all', conditions: [] };
    const first = this.fieldOptions[0];
    const path = first ? first.value : 'Department';
    const fieldType = this.fieldTypeOf(path) || 'string';
    const field = (this.fields || []).find((candidate) => candidate.path === path);
    const operator = field && field.operators.length ? field.operators[0] : 'equals';
    filter.conditions.push({ field: path, fieldType, operator });
    if (this.isCustomLogic) {
      filter.logic = `${filter.logic} AND ${filter.conditions.length}`;
    }
    this.emit(filter);
  }

  handleRemove(event) {
    const index = event.detail.index;
    const filter = clone(this.filter);
    filter.conditions.splice(index, 1);
    this.rawValues = {};
    if (this.isCustomLogic) {
      // Renumbering a custom expression is the admin's call; start from a plain AND of what is left.
      filter.logic = filter.conditions.map((condition, i) => i + 1).join(' AND ') || 'all';
    }
    this.emit(filter);
  }

  handleField(event) {
    const index = Number(event.target.dataset.index);
    const path = event.detail.value;
    const field = (this.fields || []).find((candidate) => candidate.path === path);
    const filter = clone(this.filter);
    const condition = { field: path, fieldType: field ? field.fieldType : undefined };
    condition.operator = field && field.operators.length ? field.operators[0] : 'equals';
    filter.conditions[index] = JSON.parse(JSON.stringify(condition));
    this.rawValues = { ...this.rawValues, [index]: undefined };
    this.emit(filter);
  }

  handleOperator(event) {
    const index = Number(event.target.dataset.index);
    const filter = clone(this.filter);
    const condition = filter.conditions[index];
    condition.operator = event.detail.value;
    const value = parseConditionValue(
      condition.fieldType,
      condition.operator,
      formatConditionValue(condition.value)
    );
    if (value === undefined) {
      delete condition.value;
    } else {
      condition.value = value;
    }
    this.emit(filter);
  }

  handleValue(event) {
    const index = Number(event.target.dataset.index);
    const text = event.detail.value;
    this.rawValues = { ...this.rawValues, [index]: text };
    const filter = clone(this.filter);
    const condition = filter.conditions[index];
    const value = parseConditionValue(condition.fieldType, condition.operator, text);
    if (value === undefined) {
      delete condition.value;
    } else {
      condition.value = value;
    }
    this.emit(filter);
  }
}
