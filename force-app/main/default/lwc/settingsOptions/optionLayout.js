/**
 * What the options form shows, in order: one entry a section, each with its items. Labels are keys of
 * c/setupLabels; `path` is the option's place in the settings document (and the element's data-path).
 * Kinds: Toggle, Note (a paragraph), Radio, Grid (a row of Number / Combobox fields in `columns` columns).
 */
const toggle = (path, label, className) => ({ kind: 'Toggle', key: path, path, label, className });
const note = (key, text, className) => ({ kind: 'Note', key, text, className });
const grid = (key, columns, fields, className = 'slds-grid slds-gutters_x-small slds-wrap') => ({
  kind: 'Grid',
  key,
  columns,
  className,
  fields
});
const number = (path, label, [min, max, step], extra = {}) => ({
  kind: 'Number',
  key: path,
  path,
  label,
  min,
  max,
  step,
  unit: 'integer',
  ...extra
});
const percent = (path, label, range, extra = {}) => number(path, label, range, { unit: 'percent', ...extra });
const WARNING = 'warning slds-text-body_small';
const DAYS = ['1', '3650', '1'];

export const SECTIONS = [
  {
    key: 'learning',
    title: 'learningTitle',
    items: [
      toggle('learning.courses', 'learningCourses'),
      toggle('learning.certificates', 'learningCertificates'),
      toggle('learning.badges', 'learningBadges'),
      grid(
        'learning-cadence',
        3,
        [
          number('learning.courseScanIntervalMinutes', 'courseScanInterval', ['15', '10080', '1'], {
            help: 'courseScanHelp'
          }),
          number('learning.reconciliationCycleDays', 'reconciliationCycle', ['1', '90', '1'], {
            help: 'reconciliationHelp'
          }),
          {
            kind: 'Combobox',
            key: 'learning.unenrollmentPolicy',
            path: 'learning.unenrollmentPolicy',
            label: 'unenrollment',
            options: [
              ['unenrollKeepCompleted', 'keepCompleted'],
              ['unenrollKeepAll', 'keepAll'],
              ['unenrollDeleteAll', 'deleteAll']
            ]
          }
        ],
        'slds-grid slds-gutters_x-small slds-wrap slds-m-top_x-small'
      )
    ]
  },
  {
    key: 'special',
    title: 'specialTitle',
    items: [
      toggle('special.deactivateNotSynced', 'deactivateNotSynced'),
      note(
        'deactivate-warning',
        'deactivateWarning',
        'warning deactivate-warning slds-text-body_small slds-m-bottom_x-small'
      ),
      grid('breaker', 2, [
        percent('special.maxDeactivationShare', 'breakerShare', ['0', '100', '0.01'], {
          formatter: 'decimal',
          help: 'breakerHelp',
          className: 'breaker-share'
        }),
        number('special.deactivationAllowance', 'breakerAllowance', ['0', '100000', '1'])
      ]),
      {
        ...note('breaker-summary', undefined, 'breaker-summary slds-text-body_small slds-m-bottom_small'),
        summary: true
      },
      toggle('special.alwaysActivate', 'alwaysActivate'),
      note('always-activate-warning', 'alwaysActivateWarning', `${WARNING} slds-m-bottom_x-small`),
      toggle('special.activateNewLearners', 'activateNewLearners'),
      toggle('special.adoptAdmins', 'adoptAdmins'),
      toggle('special.adoptInstructors', 'adoptInstructors'),
      note('adopt-warning', 'adoptWarning', WARNING)
    ]
  },
  {
    key: 'email',
    title: 'emailTitle',
    items: [
      {
        kind: 'Radio',
        key: 'email.newLearnerPolicy',
        path: 'email.newLearnerPolicy',
        name: 'emailPolicy',
        label: 'emailPolicy',
        fallback: 'send',
        options: [
          ['emailSend', 'send'],
          ['emailRestrict', 'restrict']
        ]
      },
      {
        ...note(
          'restrict-warning',
          'restrictWarning',
          'warning restrict-warning slds-text-body_small slds-m-top_x-small'
        ),
        onlyIfRestrict: true
      }
    ]
  },
  {
    key: 'budgets',
    title: 'budgetsTitle',
    items: [
      grid('budget-shares', 2, [
        percent('budgets.talentlmsShare', 'talentlmsShare', ['1', '100', '0.01']),
        percent('budgets.salesforceShare', 'salesforceShare', ['1', '100', '0.01'])
      ]),
      toggle('sandbox.allowSandbox', 'allowSandbox', 'slds-m-top_small'),
      note('sandbox-help', 'sandboxHelp', 'slds-text-body_small')
    ]
  },
  {
    key: 'retention',
    title: 'retentionTitle',
    items: [
      grid('retention-days', 3, [
        number('retention.runsDays', 'retentionRuns', DAYS),
        number('retention.closedIssuesDays', 'retentionIssues', DAYS),
        number('retention.settingsChangesDays', 'retentionChanges', DAYS)
      ])
    ]
  }
];

/** How each number field's text becomes a value: 'percent' (shown ×100) or 'integer'. */
export const NUMBER_UNITS = Object.fromEntries(
  SECTIONS.flatMap((section) => section.items)
    .flatMap((item) => item.fields || [])
    .map((field) => [field.path, field.unit])
);
