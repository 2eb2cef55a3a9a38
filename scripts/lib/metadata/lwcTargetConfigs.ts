// The one gap in the generated types: the WSDL declares LightningComponentBundle.targetConfigs as an opaque
// string (the server parses it separately), while source files write it as XML with attributes. This is the
// documented shape of that XML ("Configuration Tags" in the LWC developer guide), so its elements and
// attributes are still checked instead of being waved through.
export type ElementShape = {
  attributes: readonly string[];
  children: Record<string, ElementShape>;
  /** Whether character data is expected (leaf elements). */
  text?: boolean;
};

const leaf: ElementShape = { attributes: [], children: {}, text: true };

const property: ElementShape = {
  attributes: [
    'name',
    'type',
    'label',
    'description',
    'default',
    'required',
    'datasource',
    'min',
    'max',
    'placeholder',
    'role',
    'exposedTo',
    'translatable',
    'editor'
  ],
  children: {}
};

const targetConfig: ElementShape = {
  attributes: ['targets', 'configurationEditor'],
  children: {
    property,
    objects: { attributes: [], children: { object: leaf } },
    supportedFormFactors: {
      attributes: [],
      children: { supportedFormFactor: { attributes: ['type'], children: {} } }
    },
    actionType: leaf,
    sourceType: { attributes: ['name'], children: {} },
    event: { attributes: ['name', 'label', 'description'], children: { schema: leaf } },
    propertyType: { attributes: ['name', 'extends', 'label', 'description'], children: {} },
    hasStep: leaf
  }
};

export const TARGET_CONFIGS: ElementShape = { attributes: [], children: { targetConfig } };
