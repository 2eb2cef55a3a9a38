export * from './records';
export * from './status';
export * from './mapUser';
export * from './mapCourse';
export * from './diff';
export * from './timeline';
export * from './reconcile';
