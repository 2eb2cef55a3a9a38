// Every user-facing string of the Setup and Sync Health tabs, as custom labels so the package can be translated.
import actionactivateLabel from '@salesforce/label/c.Setup_Action_Activate';
import actionbranchLabel from '@salesforce/label/c.Setup_Action_Branch';
import actioncreateLabel from '@salesforce/label/c.Setup_Action_Create';
import actiondeactivateLabel from '@salesforce/label/c.Setup_Action_Deactivate';
import actionexcludeLabel from '@salesforce/label/c.Setup_Action_Exclude';
import actiongroupLabel from '@salesforce/label/c.Setup_Action_Group';
import actionneedsReviewLabel from '@salesforce/label/c.Setup_Action_NeedsReview';
import actionupdateLabel from '@salesforce/label/c.Setup_Action_Update';
import activateLabel from '@salesforce/label/c.Setup_Activate';
import activateNewLearnersLabel from '@salesforce/label/c.Setup_Opt_ActivateNew';
import addConditionLabel from '@salesforce/label/c.Setup_Filter_Add';
import addMappingLabel from '@salesforce/label/c.Setup_Mapping_Add';
import adoptAdminsLabel from '@salesforce/label/c.Setup_Opt_AdoptAdmins';
import adoptInstructorsLabel from '@salesforce/label/c.Setup_Opt_AdoptInstructors';
import adoptWarningLabel from '@salesforce/label/c.Setup_Opt_AdoptWarning';
import allowSandboxLabel from '@salesforce/label/c.Setup_Opt_AllowSandbox';
import alwaysActivateLabel from '@salesforce/label/c.Setup_Opt_AlwaysActivate';
import alwaysActivateWarningLabel from '@salesforce/label/c.Setup_Opt_AlwaysActivateWarning';
import assignNeedsPermissionLabel from '@salesforce/label/c.Setup_Perm_NeedsPermission';
import assignNowLabel from '@salesforce/label/c.Setup_Perm_AssignNow';
import assignQueuedLabel from '@salesforce/label/c.Setup_Perm_Queued';
import bindingMismatchLabel from '@salesforce/label/c.Setup_BindingMismatch';
import boundAtLabel from '@salesforce/label/c.Setup_BoundAt';
import branchLimitLabel from '@salesforce/label/c.Setup_BranchLimit';
import branchLimitUnknownLabel from '@salesforce/label/c.Setup_BranchLimitUnknown';
import branchesLabel from '@salesforce/label/c.Setup_Branches';
import breakerAllowanceLabel from '@salesforce/label/c.Setup_Opt_BreakerAllowance';
import breakerHelpLabel from '@salesforce/label/c.Setup_Opt_BreakerHelp';
import breakerShareLabel from '@salesforce/label/c.Setup_Opt_BreakerShare';
import breakerSummaryLabel from '@salesforce/label/c.Setup_Opt_BreakerSummary';
import budgetsTitleLabel from '@salesforce/label/c.Setup_Budgets_Title';
import catalogPublishedLabel from '@salesforce/label/c.Setup_CatalogPublished';
import changeRiskyLabel from '@salesforce/label/c.Setup_ChangeRisky';
import changeSafeLabel from '@salesforce/label/c.Setup_ChangeSafe';
import changesTitleLabel from '@salesforce/label/c.Setup_ChangesTitle';
import chartBarTitleLabel from '@salesforce/label/c.SyncHealth_Chart_Bar';
import chartLegendLabel from '@salesforce/label/c.SyncHealth_Chart_Legend';
import chartSummaryLabel from '@salesforce/label/c.SyncHealth_Chart_Summary';
import chartTableCaptionLabel from '@salesforce/label/c.SyncHealth_Chart_Caption';
import chartTitleLabel from '@salesforce/label/c.SyncHealth_Chart_Title';
import checkcspTrustedSiteLabel from '@salesforce/label/c.Setup_Check_Csp';
import checkexternalClientAppLabel from '@salesforce/label/c.Setup_Check_ExternalClientApp';
import checkintegrationUserLabel from '@salesforce/label/c.Setup_Check_IntegrationUser';
import checkpermissionSetsLabel from '@salesforce/label/c.Setup_Check_PermissionSets';
import checkrecordPagesLabel from '@salesforce/label/c.Setup_Check_RecordPages';
import checkreportFoldersLabel from '@salesforce/label/c.Setup_Check_Folders';
import checkrunnerDeploymentLabel from '@salesforce/label/c.Setup_Check_RunnerDeployment';
import checksettingsActiveLabel from '@salesforce/label/c.Setup_Check_Settings';
import checklistTitleLabel from '@salesforce/label/c.Setup_Checklist_Title';
import chooseFieldLabel from '@salesforce/label/c.Setup_Filter_ChooseField';
import columnCallsLabel from '@salesforce/label/c.SyncHealth_Col_Calls';
import columnChangedLabel from '@salesforce/label/c.SyncHealth_Col_Changed';
import columnCountsLabel from '@salesforce/label/c.SyncHealth_Col_Counts';
import columnDurationLabel from '@salesforce/label/c.SyncHealth_Col_Duration';
import columnPersonLabel from '@salesforce/label/c.SyncHealth_Col_Person';
import columnQuotaLabel from '@salesforce/label/c.SyncHealth_Col_Quota';
import columnReasonLabel from '@salesforce/label/c.SyncHealth_Col_Reason';
import columnRunLabel from '@salesforce/label/c.SyncHealth_Col_Run';
import columnStartedLabel from '@salesforce/label/c.SyncHealth_Col_Started';
import columnStateLabel from '@salesforce/label/c.SyncHealth_Col_State';
import columnStatusLabel from '@salesforce/label/c.SyncHealth_Col_Status';
import conditionTitleLabel from '@salesforce/label/c.Setup_Filter_Condition';
import connectionTitleLabel from '@salesforce/label/c.Setup_Connection_Title';
import contactsEnabledLabel from '@salesforce/label/c.Setup_Contacts_Enabled';
import contactsTitleLabel from '@salesforce/label/c.Setup_Contacts_Title';
import courseScanHelpLabel from '@salesforce/label/c.Setup_Opt_CourseScanHelp';
import courseScanIntervalLabel from '@salesforce/label/c.Setup_Opt_CourseScan';
import deactivateNotSyncedLabel from '@salesforce/label/c.Setup_Opt_Deactivate';
import deactivateWarningLabel from '@salesforce/label/c.Setup_Opt_DeactivateWarning';
import discardLabel from '@salesforce/label/c.Setup_Discard';
import domainLabel from '@salesforce/label/c.Setup_Domain';
import emailPolicyLabel from '@salesforce/label/c.Setup_Email_Policy';
import emailRestrictLabel from '@salesforce/label/c.Setup_Email_Restrict';
import emailSendLabel from '@salesforce/label/c.Setup_Email_Send';
import emailTitleLabel from '@salesforce/label/c.Setup_Email_Title';
import errorActionLabel from '@salesforce/label/c.Setup_Error_Action';
import errorFieldsLabel from '@salesforce/label/c.Setup_Error_Fields';
import errorHealthLabel from '@salesforce/label/c.SyncHealth_Error_Load';
import errorLoadLabel from '@salesforce/label/c.Setup_Error_Load';
import fieldNotAvailableLabel from '@salesforce/label/c.Setup_Filter_FieldNotAvailable';
import filterHelpLabel from '@salesforce/label/c.Setup_Filter_Help';
import filterTitleLabel from '@salesforce/label/c.Setup_Filter_Title';
import firstSeenLabel from '@salesforce/label/c.SyncHealth_FirstSeen';
import groupFieldLabel from '@salesforce/label/c.Setup_GroupField';
import groupFieldHelpLabel from '@salesforce/label/c.Setup_GroupFieldHelp';
import healthTitleLabel from '@salesforce/label/c.SyncHealth_Title';
import historyAfterLabel from '@salesforce/label/c.Setup_History_After';
import historyBeforeLabel from '@salesforce/label/c.Setup_History_Before';
import historyNoneLabel from '@salesforce/label/c.Setup_History_None';
import historyNothingLabel from '@salesforce/label/c.Setup_History_Nothing';
import historyShowLabel from '@salesforce/label/c.Setup_History_Show';
import historyTitleLabel from '@salesforce/label/c.Setup_History_Title';
import historyVersionsLabel from '@salesforce/label/c.Setup_History_Versions';
import historyActivateLabel from '@salesforce/label/c.Setup_History_Activate';
import historyDiscardLabel from '@salesforce/label/c.Setup_History_Discard';
import historySaveDraftLabel from '@salesforce/label/c.Setup_History_Save';
import issueCountsLabel from '@salesforce/label/c.SyncHealth_IssueCounts';
import issueSeenLabel from '@salesforce/label/c.SyncHealth_IssueSeen';
import issuesHeadingLabel from '@salesforce/label/c.SyncHealth_Issues_Title';
import issuesTitleLabel from '@salesforce/label/c.Setup_Issues_Title';
import lastJobLabel from '@salesforce/label/c.Setup_Perm_LastJob';
import lastRunLabel from '@salesforce/label/c.Setup_LastRun';
import lastSeenLabel from '@salesforce/label/c.SyncHealth_LastSeen';
import lastSuccessfulRunLabel from '@salesforce/label/c.Setup_LastSuccessfulRun';
import lastSuccessfulRunAtLabel from '@salesforce/label/c.SyncHealth_LastSuccessfulRunAt';
import learningBadgesLabel from '@salesforce/label/c.Setup_Opt_Badges';
import learningCertificatesLabel from '@salesforce/label/c.Setup_Opt_Certificates';
import learningCoursesLabel from '@salesforce/label/c.Setup_Opt_Courses';
import learningTitleLabel from '@salesforce/label/c.Setup_Learning_Title';
import loadingLabel from '@salesforce/label/c.Setup_Loading';
import logicLabel from '@salesforce/label/c.Setup_Filter_Logic';
import logicAllLabel from '@salesforce/label/c.Setup_Filter_LogicAll';
import logicAnyLabel from '@salesforce/label/c.Setup_Filter_LogicAny';
import logicCustomLabel from '@salesforce/label/c.Setup_Filter_LogicCustom';
import logicExpressionLabel from '@salesforce/label/c.Setup_Filter_LogicExpression';
import logicHelpLabel from '@salesforce/label/c.Setup_Filter_LogicHelp';
import mandatoryDefaultsLabel from '@salesforce/label/c.Setup_Mapping_MandatoryDefaults';
import mappingMandatoryLabel from '@salesforce/label/c.Setup_Mapping_Mandatory';
import mappingNotInCatalogLabel from '@salesforce/label/c.Setup_Mapping_NotInCatalog';
import mappingOptionsLabel from '@salesforce/label/c.Setup_Mapping_Options';
import mappingTalentLmsLabel from '@salesforce/label/c.Setup_Mapping_TalentLms';
import mappingTitleLabel from '@salesforce/label/c.Setup_Mapping_Title';
import mappingTypeLabel from '@salesforce/label/c.Setup_Mapping_Type';
import mappingWhenEmptyLabel from '@salesforce/label/c.Setup_Mapping_WhenEmpty';
import mappingsTitleLabel from '@salesforce/label/c.Setup_Mappings_Title';
import neverRunLabel from '@salesforce/label/c.Setup_NeverRun';
import nextRunLabel from '@salesforce/label/c.Setup_Perm_NextRun';
import noLabel from '@salesforce/label/c.Setup_No';
import noCatalogLabel from '@salesforce/label/c.Setup_Mapping_NoCatalog';
import noConditionsLabel from '@salesforce/label/c.Setup_Filter_None';
import noGroupLabel from '@salesforce/label/c.Setup_NoGroup';
import noIssuesLabel from '@salesforce/label/c.SyncHealth_NoIssues';
import noMappingsLabel from '@salesforce/label/c.Setup_Mapping_None';
import noPeopleLabel from '@salesforce/label/c.SyncHealth_NoPeople';
import noRunsLabel from '@salesforce/label/c.SyncHealth_NoRuns';
import noSecretsLabel from '@salesforce/label/c.Setup_NoSecrets';
import noneLabel from '@salesforce/label/c.Setup_None';
import notScheduledLabel from '@salesforce/label/c.Setup_Perm_NotScheduled';
import offLabel from '@salesforce/label/c.Setup_Off';
import onLabel from '@salesforce/label/c.Setup_On';
import opcontainsLabel from '@salesforce/label/c.Setup_Op_Contains';
import opendsWithLabel from '@salesforce/label/c.Setup_Op_EndsWith';
import opequalsLabel from '@salesforce/label/c.Setup_Op_Equals';
import opexcludesLabel from '@salesforce/label/c.Setup_Op_Excludes';
import opgreaterOrEqualLabel from '@salesforce/label/c.Setup_Op_GreaterOrEqual';
import opgreaterThanLabel from '@salesforce/label/c.Setup_Op_GreaterThan';
import opinLabel from '@salesforce/label/c.Setup_Op_In';
import opincludesLabel from '@salesforce/label/c.Setup_Op_Includes';
import opisBlankLabel from '@salesforce/label/c.Setup_Op_IsBlank';
import opisNotBlankLabel from '@salesforce/label/c.Setup_Op_IsNotBlank';
import oplessOrEqualLabel from '@salesforce/label/c.Setup_Op_LessOrEqual';
import oplessThanLabel from '@salesforce/label/c.Setup_Op_LessThan';
import opnotContainsLabel from '@salesforce/label/c.Setup_Op_NotContains';
import opnotEqualsLabel from '@salesforce/label/c.Setup_Op_NotEquals';
import opnotInLabel from '@salesforce/label/c.Setup_Op_NotIn';
import opstartsWithLabel from '@salesforce/label/c.Setup_Op_StartsWith';
import operatorLabel from '@salesforce/label/c.Setup_Filter_Operator';
import organizationIdLabel from '@salesforce/label/c.Setup_OrganizationId';
import peopleFilterLabel from '@salesforce/label/c.SyncHealth_PeopleFilter';
import peopleTitleLabel from '@salesforce/label/c.SyncHealth_People_Title';
import permissionsMissingLabel from '@salesforce/label/c.Setup_Perm_Missing';
import permissionsTitleLabel from '@salesforce/label/c.Setup_Perm_Title';
import permissionsUnknownLabel from '@salesforce/label/c.Setup_Perm_Unknown';
import personAccountsLabel from '@salesforce/label/c.Setup_PersonAccounts';
import planReadyLabel from '@salesforce/label/c.Setup_PlanReady';
import previewLabel from '@salesforce/label/c.Setup_Preview';
import previewActionLabel from '@salesforce/label/c.Setup_Preview_Action';
import previewCountLabel from '@salesforce/label/c.Setup_Preview_Count';
import previewHeadingLabel from '@salesforce/label/c.Setup_Preview_Heading';
import previewNoneLabel from '@salesforce/label/c.Setup_Preview_None';
import previewNothingLabel from '@salesforce/label/c.Setup_Preview_Nothing';
import previewSamplesLabel from '@salesforce/label/c.Setup_Preview_Samples';
import previewTitleLabel from '@salesforce/label/c.Setup_Preview_Title';
import previewUnreadableLabel from '@salesforce/label/c.Setup_Preview_Unreadable';
import reasonadoptionEnabledLabel from '@salesforce/label/c.Setup_Reason_Adoption';
import reasonalwaysActivateEnabledLabel from '@salesforce/label/c.Setup_Reason_AlwaysActivate';
import reasonbranchesChangedLabel from '@salesforce/label/c.Setup_Reason_Branches';
import reasondeactivationAllowanceRaisedLabel from '@salesforce/label/c.Setup_Reason_AllowanceRaised';
import reasondeactivationEnabledLabel from '@salesforce/label/c.Setup_Reason_Deactivation';
import reasondeactivationShareRaisedLabel from '@salesforce/label/c.Setup_Reason_ShareRaised';
import reasonfilterChangedLabel from '@salesforce/label/c.Setup_Reason_Filter';
import reasongroupFieldChangedLabel from '@salesforce/label/c.Setup_Reason_GroupField';
import reasonpersonAccountsChangedLabel from '@salesforce/label/c.Setup_Reason_PersonAccounts';
import reasonpopulationDisabledWhileDeactivatingLabel from '@salesforce/label/c.Setup_Reason_PopulationDisabled';
import reasonpopulationEnabledLabel from '@salesforce/label/c.Setup_Reason_PopulationEnabled';
import rebindHelpLabel from '@salesforce/label/c.Setup_RebindHelp';
import reconciliationCycleLabel from '@salesforce/label/c.Setup_Opt_Reconciliation';
import reconciliationHelpLabel from '@salesforce/label/c.SyncHealth_ReconciliationHelp';
import reconciliationPendingLabel from '@salesforce/label/c.SyncHealth_ReconciliationPending';
import reconciliationRequestedLabel from '@salesforce/label/c.SyncHealth_ReconciliationRequested';
import refreshLabel from '@salesforce/label/c.Setup_Refresh';
import removeConditionLabel from '@salesforce/label/c.Setup_Filter_Remove';
import removeMappingLabel from '@salesforce/label/c.Setup_Mapping_Remove';
import requestReconciliationLabel from '@salesforce/label/c.SyncHealth_RequestReconciliation';
import resolveLabel from '@salesforce/label/c.SyncHealth_Resolve';
import resolveForLabel from '@salesforce/label/c.SyncHealth_ResolveFor';
import resolvedLabel from '@salesforce/label/c.SyncHealth_Resolved';
import restrictWarningLabel from '@salesforce/label/c.Setup_Email_RestrictWarning';
import retentionChangesLabel from '@salesforce/label/c.Setup_Ret_Changes';
import retentionIssuesLabel from '@salesforce/label/c.Setup_Ret_Issues';
import retentionRunsLabel from '@salesforce/label/c.Setup_Ret_Runs';
import retentionTitleLabel from '@salesforce/label/c.Setup_Retention_Title';
import revertLabel from '@salesforce/label/c.Setup_Revert';
import runAsLabel from '@salesforce/label/c.Setup_RunAs';
import runCallsLabel from '@salesforce/label/c.SyncHealth_RunCalls';
import runCountsLabel from '@salesforce/label/c.SyncHealth_RunCounts';
import runInProgressLabel from '@salesforce/label/c.SyncHealth_RunInProgress';
import runQuotaLabel from '@salesforce/label/c.SyncHealth_RunQuota';
import runnerVersionLabel from '@salesforce/label/c.Setup_RunnerVersion';
import runsTitleLabel from '@salesforce/label/c.SyncHealth_Runs_Title';
import salesforceShareLabel from '@salesforce/label/c.Setup_Opt_SalesforceShare';
import sandboxLabel from '@salesforce/label/c.Setup_Sandbox';
import sandboxHelpLabel from '@salesforce/label/c.Setup_Opt_SandboxHelp';
import saveLabel from '@salesforce/label/c.Setup_Save';
import settingsTitleLabel from '@salesforce/label/c.Setup_Settings_Title';
import specialTitleLabel from '@salesforce/label/c.Setup_Special_Title';
import startScheduleLabel from '@salesforce/label/c.Setup_Perm_Start';
import stateAllLabel from '@salesforce/label/c.SyncHealth_StateAll';
import stateDoneLabel from '@salesforce/label/c.Setup_State_Done';
import stateErrorLabel from '@salesforce/label/c.SyncHealth_State_Error';
import stateExcludedLabel from '@salesforce/label/c.SyncHealth_State_Excluded';
import stateManualLabel from '@salesforce/label/c.Setup_State_Manual';
import stateNeedsReviewLabel from '@salesforce/label/c.SyncHealth_State_NeedsReview';
import stateToDoLabel from '@salesforce/label/c.Setup_State_ToDo';
import stopScheduleLabel from '@salesforce/label/c.Setup_Perm_Stop';
import stopCircuitBreakerLabel from '@salesforce/label/c.SyncHealth_Stop_Breaker';
import stopInterruptedLabel from '@salesforce/label/c.SyncHealth_Stop_Interrupted';
import stopLockHeldLabel from '@salesforce/label/c.SyncHealth_Stop_Lock';
import stopQuotaLabel from '@salesforce/label/c.SyncHealth_Stop_Quota';
import tabTitleLabel from '@salesforce/label/c.Setup_Title';
import talentlmsShareLabel from '@salesforce/label/c.Setup_Opt_TalentLmsShare';
import unenrollDeleteAllLabel from '@salesforce/label/c.Setup_Opt_UnenrollDeleteAll';
import unenrollKeepAllLabel from '@salesforce/label/c.Setup_Opt_UnenrollKeepAll';
import unenrollKeepCompletedLabel from '@salesforce/label/c.Setup_Opt_UnenrollKeepCompleted';
import unenrollmentLabel from '@salesforce/label/c.Setup_Opt_Unenrollment';
import unsavedLabel from '@salesforce/label/c.Setup_Unsaved';
import usersEnabledLabel from '@salesforce/label/c.Setup_Users_Enabled';
import usersTitleLabel from '@salesforce/label/c.Setup_Users_Title';
import valueLabel from '@salesforce/label/c.Setup_Filter_Value';
import valueBooleanHelpLabel from '@salesforce/label/c.Setup_Filter_BooleanHelp';
import valueDateHelpLabel from '@salesforce/label/c.Setup_Filter_DateHelp';
import valueFalseLabel from '@salesforce/label/c.Setup_Filter_False';
import valueListHelpLabel from '@salesforce/label/c.Setup_Filter_ListHelp';
import valuePicklistHelpLabel from '@salesforce/label/c.Setup_Filter_PicklistHelp';
import valueTrueLabel from '@salesforce/label/c.Setup_Filter_True';
import versionsLabel from '@salesforce/label/c.Setup_Versions';
import waitingForRunnerLabel from '@salesforce/label/c.Setup_WaitingForRunner';
import waitingNeverRunLabel from '@salesforce/label/c.Setup_WaitingNeverRun';
import whenEmptyClearLabel from '@salesforce/label/c.Setup_Mapping_Clear';
import whenEmptyKeepLabel from '@salesforce/label/c.Setup_Mapping_Keep';
import yesLabel from '@salesforce/label/c.Setup_Yes';

const LABELS = {
  action_activate: actionactivateLabel,
  action_branch: actionbranchLabel,
  action_create: actioncreateLabel,
  action_deactivate: actiondeactivateLabel,
  action_exclude: actionexcludeLabel,
  action_group: actiongroupLabel,
  action_needsReview: actionneedsReviewLabel,
  action_update: actionupdateLabel,
  activate: activateLabel,
  activateNewLearners: activateNewLearnersLabel,
  addCondition: addConditionLabel,
  addMapping: addMappingLabel,
  adoptAdmins: adoptAdminsLabel,
  adoptInstructors: adoptInstructorsLabel,
  adoptWarning: adoptWarningLabel,
  allowSandbox: allowSandboxLabel,
  alwaysActivate: alwaysActivateLabel,
  alwaysActivateWarning: alwaysActivateWarningLabel,
  assignNeedsPermission: assignNeedsPermissionLabel,
  assignNow: assignNowLabel,
  assignQueued: assignQueuedLabel,
  bindingMismatch: bindingMismatchLabel,
  boundAt: boundAtLabel,
  branchLimit: branchLimitLabel,
  branchLimitUnknown: branchLimitUnknownLabel,
  branches: branchesLabel,
  breakerAllowance: breakerAllowanceLabel,
  breakerHelp: breakerHelpLabel,
  breakerShare: breakerShareLabel,
  breakerSummary: breakerSummaryLabel,
  budgetsTitle: budgetsTitleLabel,
  catalogPublished: catalogPublishedLabel,
  changeRisky: changeRiskyLabel,
  changeSafe: changeSafeLabel,
  changesTitle: changesTitleLabel,
  chartBarTitle: chartBarTitleLabel,
  chartLegend: chartLegendLabel,
  chartSummary: chartSummaryLabel,
  chartTableCaption: chartTableCaptionLabel,
  chartTitle: chartTitleLabel,
  check_cspTrustedSite: checkcspTrustedSiteLabel,
  check_externalClientApp: checkexternalClientAppLabel,
  check_integrationUser: checkintegrationUserLabel,
  check_permissionSets: checkpermissionSetsLabel,
  check_recordPages: checkrecordPagesLabel,
  check_reportFolders: checkreportFoldersLabel,
  check_runnerDeployment: checkrunnerDeploymentLabel,
  check_settingsActive: checksettingsActiveLabel,
  checklistTitle: checklistTitleLabel,
  chooseField: chooseFieldLabel,
  columnCalls: columnCallsLabel,
  columnChanged: columnChangedLabel,
  columnCounts: columnCountsLabel,
  columnDuration: columnDurationLabel,
  columnPerson: columnPersonLabel,
  columnQuota: columnQuotaLabel,
  columnReason: columnReasonLabel,
  columnRun: columnRunLabel,
  columnStarted: columnStartedLabel,
  columnState: columnStateLabel,
  columnStatus: columnStatusLabel,
  conditionTitle: conditionTitleLabel,
  connectionTitle: connectionTitleLabel,
  contactsEnabled: contactsEnabledLabel,
  contactsTitle: contactsTitleLabel,
  courseScanHelp: courseScanHelpLabel,
  courseScanInterval: courseScanIntervalLabel,
  deactivateNotSynced: deactivateNotSyncedLabel,
  deactivateWarning: deactivateWarningLabel,
  discard: discardLabel,
  domain: domainLabel,
  emailPolicy: emailPolicyLabel,
  emailRestrict: emailRestrictLabel,
  emailSend: emailSendLabel,
  emailTitle: emailTitleLabel,
  errorAction: errorActionLabel,
  errorFields: errorFieldsLabel,
  errorHealth: errorHealthLabel,
  errorLoad: errorLoadLabel,
  fieldNotAvailable: fieldNotAvailableLabel,
  filterHelp: filterHelpLabel,
  filterTitle: filterTitleLabel,
  firstSeen: firstSeenLabel,
  groupField: groupFieldLabel,
  groupFieldHelp: groupFieldHelpLabel,
  healthTitle: healthTitleLabel,
  historyAfter: historyAfterLabel,
  historyBefore: historyBeforeLabel,
  historyNone: historyNoneLabel,
  historyNothing: historyNothingLabel,
  historyShow: historyShowLabel,
  historyTitle: historyTitleLabel,
  historyVersions: historyVersionsLabel,
  history_Activate: historyActivateLabel,
  history_Discard: historyDiscardLabel,
  history_SaveDraft: historySaveDraftLabel,
  issueCounts: issueCountsLabel,
  issueSeen: issueSeenLabel,
  issuesHeading: issuesHeadingLabel,
  issuesTitle: issuesTitleLabel,
  lastJob: lastJobLabel,
  lastRun: lastRunLabel,
  lastSeen: lastSeenLabel,
  lastSuccessfulRun: lastSuccessfulRunLabel,
  lastSuccessfulRunAt: lastSuccessfulRunAtLabel,
  learningBadges: learningBadgesLabel,
  learningCertificates: learningCertificatesLabel,
  learningCourses: learningCoursesLabel,
  learningTitle: learningTitleLabel,
  loading: loadingLabel,
  logic: logicLabel,
  logicAll: logicAllLabel,
  logicAny: logicAnyLabel,
  logicCustom: logicCustomLabel,
  logicExpression: logicExpressionLabel,
  logicHelp: logicHelpLabel,
  mandatoryDefaults: mandatoryDefaultsLabel,
  mappingMandatory: mappingMandatoryLabel,
  mappingNotInCatalog: mappingNotInCatalogLabel,
  mappingOptions: mappingOptionsLabel,
  mappingTalentLms: mappingTalentLmsLabel,
  mappingTitle: mappingTitleLabel,
  mappingType: mappingTypeLabel,
  mappingWhenEmpty: mappingWhenEmptyLabel,
  mappingsTitle: mappingsTitleLabel,
  neverRun: neverRunLabel,
  nextRun: nextRunLabel,
  no: noLabel,
  noCatalog: noCatalogLabel,
  noConditions: noConditionsLabel,
  noGroup: noGroupLabel,
  noIssues: noIssuesLabel,
  noMappings: noMappingsLabel,
  noPeople: noPeopleLabel,
  noRuns: noRunsLabel,
  noSecrets: noSecretsLabel,
  none: noneLabel,
  notScheduled: notScheduledLabel,
  off: offLabel,
  on: onLabel,
  op_contains: opcontainsLabel,
  op_endsWith: opendsWithLabel,
  op_equals: opequalsLabel,
  op_excludes: opexcludesLabel,
  op_greaterOrEqual: opgreaterOrEqualLabel,
  op_greaterThan: opgreaterThanLabel,
  op_in: opinLabel,
  op_includes: opincludesLabel,
  op_isBlank: opisBlankLabel,
  op_isNotBlank: opisNotBlankLabel,
  op_lessOrEqual: oplessOrEqualLabel,
  op_lessThan: oplessThanLabel,
  op_notContains: opnotContainsLabel,
  op_notEquals: opnotEqualsLabel,
  op_notIn: opnotInLabel,
  op_startsWith: opstartsWithLabel,
  operator: operatorLabel,
  organizationId: organizationIdLabel,
  peopleFilter: peopleFilterLabel,
  peopleTitle: peopleTitleLabel,
  permissionsMissing: permissionsMissingLabel,
  permissionsTitle: permissionsTitleLabel,
  permissionsUnknown: permissionsUnknownLabel,
  personAccounts: personAccountsLabel,
  planReady: planReadyLabel,
  preview: previewLabel,
  previewAction: previewActionLabel,
  previewCount: previewCountLabel,
  previewHeading: previewHeadingLabel,
  previewNone: previewNoneLabel,
  previewNothing: previewNothingLabel,
  previewSamples: previewSamplesLabel,
  previewTitle: previewTitleLabel,
  previewUnreadable: previewUnreadableLabel,
  reason_adoptionEnabled: reasonadoptionEnabledLabel,
  reason_alwaysActivateEnabled: reasonalwaysActivateEnabledLabel,
  reason_branchesChanged: reasonbranchesChangedLabel,
  reason_deactivationAllowanceRaised: reasondeactivationAllowanceRaisedLabel,
  reason_deactivationEnabled: reasondeactivationEnabledLabel,
  reason_deactivationShareRaised: reasondeactivationShareRaisedLabel,
  reason_filterChanged: reasonfilterChangedLabel,
  reason_groupFieldChanged: reasongroupFieldChangedLabel,
  reason_personAccountsChanged: reasonpersonAccountsChangedLabel,
  reason_populationDisabledWhileDeactivating: reasonpopulationDisabledWhileDeactivatingLabel,
  reason_populationEnabled: reasonpopulationEnabledLabel,
  rebindHelp: rebindHelpLabel,
  reconciliationCycle: reconciliationCycleLabel,
  reconciliationHelp: reconciliationHelpLabel,
  reconciliationPending: reconciliationPendingLabel,
  reconciliationRequested: reconciliationRequestedLabel,
  refresh: refreshLabel,
  removeCondition: removeConditionLabel,
  removeMapping: removeMappingLabel,
  requestReconciliation: requestReconciliationLabel,
  resolve: resolveLabel,
  resolveFor: resolveForLabel,
  resolved: resolvedLabel,
  restrictWarning: restrictWarningLabel,
  retentionChanges: retentionChangesLabel,
  retentionIssues: retentionIssuesLabel,
  retentionRuns: retentionRunsLabel,
  retentionTitle: retentionTitleLabel,
  revert: revertLabel,
  runAs: runAsLabel,
  runCalls: runCallsLabel,
  runCounts: runCountsLabel,
  runInProgress: runInProgressLabel,
  runQuota: runQuotaLabel,
  runnerVersion: runnerVersionLabel,
  runsTitle: runsTitleLabel,
  salesforceShare: salesforceShareLabel,
  sandbox: sandboxLabel,
  sandboxHelp: sandboxHelpLabel,
  save: saveLabel,
  settingsTitle: settingsTitleLabel,
  specialTitle: specialTitleLabel,
  startSchedule: startScheduleLabel,
  stateAll: stateAllLabel,
  state_Done: stateDoneLabel,
  state_Error: stateErrorLabel,
  state_Excluded: stateExcludedLabel,
  state_Manual: stateManualLabel,
  state_NeedsReview: stateNeedsReviewLabel,
  state_ToDo: stateToDoLabel,
  stopSchedule: stopScheduleLabel,
  stop_CircuitBreaker: stopCircuitBreakerLabel,
  stop_Interrupted: stopInterruptedLabel,
  stop_LockHeld: stopLockHeldLabel,
  stop_Quota: stopQuotaLabel,
  tabTitle: tabTitleLabel,
  talentlmsShare: talentlmsShareLabel,
  unenrollDeleteAll: unenrollDeleteAllLabel,
  unenrollKeepAll: unenrollKeepAllLabel,
  unenrollKeepCompleted: unenrollKeepCompletedLabel,
  unenrollment: unenrollmentLabel,
  unsaved: unsavedLabel,
  usersEnabled: usersEnabledLabel,
  usersTitle: usersTitleLabel,
  value: valueLabel,
  valueBooleanHelp: valueBooleanHelpLabel,
  valueDateHelp: valueDateHelpLabel,
  valueFalse: valueFalseLabel,
  valueListHelp: valueListHelpLabel,
  valuePicklistHelp: valuePicklistHelpLabel,
  valueTrue: valueTrueLabel,
  versions: versionsLabel,
  waitingForRunner: waitingForRunnerLabel,
  waitingNeverRun: waitingNeverRunLabel,
  whenEmptyClear: whenEmptyClearLabel,
  whenEmptyKeep: whenEmptyKeepLabel,
  yes: yesLabel
};

export default LABELS;
