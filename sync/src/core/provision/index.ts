/** Pure provisioning core: scope SOQL, identity, custom fields, branches, the plan and its summary. */
export * from './types';
export * from './soql';
export * from './identity';
export * from './fields';
export * from './branches';
export * from './planTypes';
export * from './plan';
export * from './summary';
export * from './gate';
