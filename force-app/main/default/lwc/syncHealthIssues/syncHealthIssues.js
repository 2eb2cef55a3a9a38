import { LightningElement, api } from 'lwc';
import LABELS from 'c/setupLabels';
import { formatLabel } from 'c/learningUtils';

/** Open issues grouped by code with the runner's hint, counts, first and last seen; raises `resolve`. */
export default class SyncHealthIssues extends LightningElement {
  /** SyncHealthDtos.IssueGroup[]. */
  @api groups;
  @api canResolve = false;
  @api busy = false;

  labels = LABELS;
  /** A JS string: the template compiler would drop the spaces of a literal " · " next to an element. */
  separator = ' · ';

  get hasGroups() {
    return Array.isArray(this.groups) && this.groups.length > 0;
  }

  get cannotResolve() {
    return this.busy || !this.canResolve;
  }

  get rows() {
    return (this.groups || []).map((group) => ({
      key: group.code || 'none',
      code: group.code,
      hint: group.hintText,
      counts: formatLabel(LABELS.issueCounts, group.openCount, group.occurrences),
      firstSeenAt: group.firstSeenAt,
      lastSeenAt: group.lastSeenAt,
      issues: (group.issues || []).map((issue) => ({
        key: issue.id,
        id: issue.id,
        person: issue.personName || issue.name,
        url:
          issue.personId && issue.personObject
            ? `/lightning/r/${issue.personObject}/${issue.personId}/view`
            : null,
        message: issue.message,
        count: formatLabel(LABELS.issueSeen, issue.count || 1),
        resolveLabel: formatLabel(LABELS.resolveFor, issue.personName || issue.name)
      }))
    }));
  }

  handleResolve(event) {
    this.dispatchEvent(new CustomEvent('resolve', { detail: { issueId: event.currentTarget.dataset.id } }));
  }
}
