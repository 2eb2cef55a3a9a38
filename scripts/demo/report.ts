import type { Harness } from '../../emulators/harness';
import type { RunSummary } from '../../sync/src/core/runSummary';
import type { LearningActivity } from './session';
import type { PageLink } from './serve';

/** The demo's human-readable text (stderr): what was started, what each run did, where to look. */

export function describeSeed(harness: Harness): string {
  const { coverage } = harness.manifest;
  const tl = harness.loaded.talentlms;
  return (
    `demo seed: Salesforce ${coverage.salesforceUsers} Users, ${coverage.salesforceContacts} Contacts, ` +
    `${coverage.accounts} Accounts; TalentLMS ${tl.users ?? 0} users (${coverage.peopleWithLearningPercent} % of ` +
    `the people already learn there), ${tl.courses ?? 0} courses, ${tl.enrollments ?? 0} enrolments\n` +
    `  Salesforce ${harness.salesforce.instanceUrl} · TalentLMS ${harness.talentlms.baseUrl} · ` +
    `control API ${harness.control?.url ?? '(off)'}\n`
  );
}

export function heading(text: string): string {
  return `\n── ${text} ${'─'.repeat(Math.max(3, 76 - text.length))}\n`;
}

const LEARNING_OBJECTS: [string, string][] = [
  ['Learner__c', 'learners'],
  ['UserCourse__c', 'user course records'],
  ['ContactCourse__c', 'contact course records'],
  ['UserCertificate__c', 'user certificates'],
  ['ContactCertificate__c', 'contact certificates'],
  ['UserBadge__c', 'user badges'],
  ['ContactBadge__c', 'contact badges'],
  ['SyncIssue__c', 'sync issues']
];

/** The summary's duration is clock time; say what the wall clock saw, and why they differ. */
export function describeTiming(realMs: number, summary: RunSummary): string {
  const real = (realMs / 1000).toFixed(1);
  if (Math.abs(summary.durationMs - realMs) < 1000) return `  real time ${real} s\n`;
  return `  real time ${real} s (the summary's time is the emulators' clock, which skips the rate-limit waits)\n`;
}

/** What Salesforce holds now, with the change the run made. */
export function describeOrg(before: Record<string, number>, after: Record<string, number>): string {
  const parts = LEARNING_OBJECTS.map(([object, label]) => {
    const now = after[object] ?? 0;
    const delta = now - (before[object] ?? 0);
    return `${now} ${label}${delta > 0 ? ` (+${delta})` : ''}`;
  });
  return `  Salesforce now holds ${parts.join(', ')}\n`;
}

/** Plain words for the parts of a run that look alarming but are the demo working as designed. */
export function explainRun(summary: RunSummary): string {
  const lines: string[] = [];
  if (summary.counts.needsReview > 0)
    lines.push(
      `  ${summary.counts.needsReview} people need review (shared e-mail addresses, TalentLMS admins with a ` +
        `Salesforce twin…): the seed plants them on purpose, they are not failures; the admin persona sees ` +
        `them on Sync Health`
    );
  if (summary.exitCode !== 0)
    lines.push(`  this run exited ${summary.exitCode}: see docs/cli.md "Exit codes" and the issues above`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function describeLearning(activity: LearningActivity): string {
  const lines = [`  clock advanced one hour to ${activity.clock}`];
  for (const step of activity.steps) lines.push(`  ${step.who} ${step.what}`);
  const random = Object.entries(activity.random)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  if (random) lines.push(`  random activity elsewhere in the portal: ${random}`);
  return `${lines.join('\n')}\n`;
}

/** A learning step the user can make next, for the printed curl example. */
export interface NextStep {
  controlUrl: string;
  userId: string;
  courseId: string;
  /** Enter on the terminal runs another sync (stdin is a terminal). */
  interactive: boolean;
}

export function describeLinks(url: string, links: PageLink[], next: NextStep | null): string {
  const width = Math.max(...links.map((link) => link.page.length));
  const lines = [
    `Open the dashboards: ${url}/  (the header’s “Signed in as” switches persona; each page reloads as them)`,
    ...links.map((link) => `  ${link.page.padEnd(width)}  as ${link.who} (${link.persona})\n    ${link.url}`)
  ];
  if (next) {
    const step = JSON.stringify({ action: 'complete', userId: next.userId, courseId: next.courseId });
    lines.push(
      'Make learning happen in TalentLMS through the control API, for example the learner completes a course:',
      `  curl -s -XPOST ${next.controlUrl}/simulator -d '${step}'`,
      next.interactive
        ? 'then press Enter here: tlms-sync runs again and a reload of My Learning shows it. Ctrl-C stops.'
        : 'Salesforce sees it after the next sync (run the demo in a terminal: Enter syncs again). Ctrl-C stops.'
    );
  } else lines.push('Ctrl-C stops.');
  return `${lines.join('\n')}\n`;
}
