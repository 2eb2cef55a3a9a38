// Every user-facing string of the learning dashboards, as custom labels so the package can be translated.
import learningActivityTitle from '@salesforce/label/c.Learning_Activity_Title';
import backToAccount from '@salesforce/label/c.Learning_BackToAccount';
import backToTeam from '@salesforce/label/c.Learning_BackToTeam';
import badgeIssuedOn from '@salesforce/label/c.Learning_Badge_IssuedOn';
import badgesTitle from '@salesforce/label/c.Learning_Badges_Title';
import certificateDownload from '@salesforce/label/c.Learning_Certificate_Download';
import certificateDownloadTitle from '@salesforce/label/c.Learning_Certificate_DownloadTitle';
import certificateExpiredBadge from '@salesforce/label/c.Learning_Certificate_ExpiredBadge';
import certificateExpiredOn from '@salesforce/label/c.Learning_Certificate_ExpiredOn';
import certificateExpiresOn from '@salesforce/label/c.Learning_Certificate_ExpiresOn';
import certificateIssuedOn from '@salesforce/label/c.Learning_Certificate_IssuedOn';
import certificateNeverExpires from '@salesforce/label/c.Learning_Certificate_NeverExpires';
import certificatesTitle from '@salesforce/label/c.Learning_Certificates_Title';
import chartAccountProgressTitle from '@salesforce/label/c.Learning_Chart_AccountProgress';
import chartAccountStatusTitle from '@salesforce/label/c.Learning_Chart_AccountStatus';
import donutAriaLabel from '@salesforce/label/c.Learning_Chart_DonutAria';
import chartMoreItems from '@salesforce/label/c.Learning_Chart_More';
import chartNoData from '@salesforce/label/c.Learning_Chart_NoData';
import chartProgressTitle from '@salesforce/label/c.Learning_Chart_Progress';
import chartStatusTitle from '@salesforce/label/c.Learning_Chart_Status';
import chartTeamProgressTitle from '@salesforce/label/c.Learning_Chart_TeamProgress';
import chartTeamStatusTitle from '@salesforce/label/c.Learning_Chart_TeamStatus';
import columnCompletedOn from '@salesforce/label/c.Learning_Column_CompletedOn';
import columnCompletion from '@salesforce/label/c.Learning_Column_Completion';
import columnContact from '@salesforce/label/c.Learning_Column_Contact';
import columnCourse from '@salesforce/label/c.Learning_Column_Course';
import columnEnrolledOn from '@salesforce/label/c.Learning_Column_EnrolledOn';
import columnManager from '@salesforce/label/c.Learning_Column_Manager';
import columnMember from '@salesforce/label/c.Learning_Column_Member';
import columnName from '@salesforce/label/c.Learning_Column_Name';
import columnOverdue from '@salesforce/label/c.Learning_Column_Overdue';
import columnScore from '@salesforce/label/c.Learning_Column_Score';
import columnStatus from '@salesforce/label/c.Learning_Column_Status';
import columnSynced from '@salesforce/label/c.Learning_Column_Synced';
import columnTimeSpent from '@salesforce/label/c.Learning_Column_TimeSpent';
import courseOverdue from '@salesforce/label/c.Learning_Course_Overdue';
import coursesTitle from '@salesforce/label/c.Learning_Courses_Title';
import errorLoadAccount from '@salesforce/label/c.Learning_Error_LoadAccount';
import errorLoadContact from '@salesforce/label/c.Learning_Error_LoadContact';
import errorLoadMember from '@salesforce/label/c.Learning_Error_LoadMember';
import errorLoadMyLearning from '@salesforce/label/c.Learning_Error_LoadMyLearning';
import errorLoadTeam from '@salesforce/label/c.Learning_Error_LoadTeam';
import errorTitle from '@salesforce/label/c.Learning_Error_Title';
import figureCoursesAssigned from '@salesforce/label/c.Learning_Figure_Assigned';
import figureAverageCompletion from '@salesforce/label/c.Learning_Figure_AverageCompletion';
import figureBadges from '@salesforce/label/c.Learning_Figure_Badges';
import figureCertificates from '@salesforce/label/c.Learning_Figure_Certificates';
import figureCoursesCompleted from '@salesforce/label/c.Learning_Figure_Completed';
import figureCompletionRate from '@salesforce/label/c.Learning_Figure_CompletionRate';
import figureContacts from '@salesforce/label/c.Learning_Figure_Contacts';
import figureContactsEnrolled from '@salesforce/label/c.Learning_Figure_ContactsEnrolled';
import figureLastActivity from '@salesforce/label/c.Learning_Figure_LastActivity';
import figureMembers from '@salesforce/label/c.Learning_Figure_Members';
import figureMembersSynced from '@salesforce/label/c.Learning_Figure_MembersSynced';
import figureCoursesOverdue from '@salesforce/label/c.Learning_Figure_Overdue';
import includeIndirect from '@salesforce/label/c.Learning_IncludeIndirect';
import levelValue from '@salesforce/label/c.Learning_Level';
import linkUnavailable from '@salesforce/label/c.Learning_LinkUnavailable';
import loading from '@salesforce/label/c.Learning_Loading';
import memberDashboardTitle from '@salesforce/label/c.Learning_Member_Title';
import myBadgesTitle from '@salesforce/label/c.Learning_MyBadges_Title';
import myCertificatesTitle from '@salesforce/label/c.Learning_MyCertificates_Title';
import myCoursesTitle from '@salesforce/label/c.Learning_MyCourses_Title';
import myLearningTitle from '@salesforce/label/c.Learning_MyLearning_Title';
import noBadges from '@salesforce/label/c.Learning_NoBadges';
import noCertificates from '@salesforce/label/c.Learning_NoCertificates';
import noContacts from '@salesforce/label/c.Learning_NoContacts';
import noCourses from '@salesforce/label/c.Learning_NoCourses';
import noTeam from '@salesforce/label/c.Learning_NoTeam';
import notSynced from '@salesforce/label/c.Learning_NotSynced';
import notSyncedBodyAccount from '@salesforce/label/c.Learning_NotSynced_Account';
import notSyncedAdminHint from '@salesforce/label/c.Learning_NotSynced_AdminHint';
import notSyncedBody from '@salesforce/label/c.Learning_NotSynced_Body';
import notSyncedBodyOther from '@salesforce/label/c.Learning_NotSynced_Other';
import notSyncedBodySelf from '@salesforce/label/c.Learning_NotSynced_Self';
import notSyncedBodyTeam from '@salesforce/label/c.Learning_NotSynced_Team';
import notSyncedTitle from '@salesforce/label/c.Learning_NotSynced_Title';
import openCourse from '@salesforce/label/c.Learning_OpenCourse';
import openCourseTitle from '@salesforce/label/c.Learning_OpenCourse_Title';
import pagerLabel from '@salesforce/label/c.Learning_Pager_Label';
import pagerNext from '@salesforce/label/c.Learning_Pager_Next';
import pagerPrevious from '@salesforce/label/c.Learning_Pager_Previous';
import pagerRange from '@salesforce/label/c.Learning_Pager_Range';
import partialFieldsHidden from '@salesforce/label/c.Learning_Partial_FieldsHidden';
import partialGeneric from '@salesforce/label/c.Learning_Partial_Generic';
import partialSectionsHidden from '@salesforce/label/c.Learning_Partial_SectionsHidden';
import partialTitle from '@salesforce/label/c.Learning_Partial_Title';
import partialTruncated from '@salesforce/label/c.Learning_Partial_Truncated';
import pointsValue from '@salesforce/label/c.Learning_Points';
import refresh from '@salesforce/label/c.Learning_Refresh';
import statusCompleted from '@salesforce/label/c.Learning_Status_Completed';
import statusExpired from '@salesforce/label/c.Learning_Status_Expired';
import statusFailed from '@salesforce/label/c.Learning_Status_Failed';
import statusInProgress from '@salesforce/label/c.Learning_Status_InProgress';
import statusNotStarted from '@salesforce/label/c.Learning_Status_NotStarted';
import statusUnknown from '@salesforce/label/c.Learning_Status_Unknown';
import synced from '@salesforce/label/c.Learning_Synced';
import teamMembersTitle from '@salesforce/label/c.Learning_TeamMembers_Title';

const LABELS = {
  backToAccount,
  backToTeam,
  badgeIssuedOn,
  badgesTitle,
  certificateDownload,
  certificateDownloadTitle,
  certificateExpiredBadge,
  certificateExpiredOn,
  certificateExpiresOn,
  certificateIssuedOn,
  certificateNeverExpires,
  certificatesTitle,
  chartAccountProgressTitle,
  chartAccountStatusTitle,
  chartMoreItems,
  chartNoData,
  chartProgressTitle,
  chartStatusTitle,
  chartTeamProgressTitle,
  chartTeamStatusTitle,
  columnCompletedOn,
  columnCompletion,
  columnContact,
  columnCourse,
  columnEnrolledOn,
  columnManager,
  columnMember,
  columnName,
  columnOverdue,
  columnScore,
  columnStatus,
  columnSynced,
  columnTimeSpent,
  courseOverdue,
  coursesTitle,
  donutAriaLabel,
  errorLoadAccount,
  errorLoadContact,
  errorLoadMember,
  errorLoadMyLearning,
  errorLoadTeam,
  errorTitle,
  figureAverageCompletion,
  figureBadges,
  figureCertificates,
  figureCompletionRate,
  figureContacts,
  figureContactsEnrolled,
  figureCoursesAssigned,
  figureCoursesCompleted,
  figureCoursesOverdue,
  figureLastActivity,
  figureMembers,
  figureMembersSynced,
  includeIndirect,
  learningActivityTitle,
  levelValue,
  linkUnavailable,
  loading,
  memberDashboardTitle,
  myBadgesTitle,
  myCertificatesTitle,
  myCoursesTitle,
  myLearningTitle,
  noBadges,
  noCertificates,
  noContacts,
  noCourses,
  noTeam,
  notSynced,
  notSyncedAdminHint,
  notSyncedBody,
  notSyncedBodyAccount,
  notSyncedBodyOther,
  notSyncedBodySelf,
  notSyncedBodyTeam,
  notSyncedTitle,
  openCourse,
  openCourseTitle,
  pagerLabel,
  pagerNext,
  pagerPrevious,
  pagerRange,
  partialFieldsHidden,
  partialGeneric,
  partialSectionsHidden,
  partialTitle,
  partialTruncated,
  pointsValue,
  refresh,
  statusCompleted,
  statusExpired,
  statusFailed,
  statusInProgress,
  statusNotStarted,
  statusUnknown,
  synced,
  teamMembersTitle
};

export default LABELS;
