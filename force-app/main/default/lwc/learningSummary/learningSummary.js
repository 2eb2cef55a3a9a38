import { LightningElement, api } from 'lwc';
import LABELS from 'c/learningLabels';
import { formatDate } from 'c/learningUtils';

export default class LearningSummary extends LightningElement {
  /** A ProgressSummary DTO. */
  @api summary;
  /** Which figures to show first: 'person' (average completion) or 'group' (completion rate). */
  @api kind = 'person';
  /** Extra leading figures, e.g. [{key, label, value}] for members or contacts enrolled. */
  @api extraFigures;

  get figures() {
    const summary = this.summary || {};
    const percent = (value) => (typeof value === 'number' ? `${Math.round(value)}%` : '—');
    const count = (value) => (typeof value === 'number' ? `${value}` : '0');
    const figures = [...(this.extraFigures || [])];
    figures.push(
      { key: 'assigned', label: LABELS.figureCoursesAssigned, value: count(summary.coursesAssigned) },
      { key: 'completed', label: LABELS.figureCoursesCompleted, value: count(summary.coursesCompleted) },
      { key: 'overdue', label: LABELS.figureCoursesOverdue, value: count(summary.coursesOverdue) }
    );
    if (this.kind === 'group') {
      figures.push({
        key: 'rate',
        label: LABELS.figureCompletionRate,
        value: percent(summary.completionRate)
      });
    } else {
      figures.push({
        key: 'average',
        label: LABELS.figureAverageCompletion,
        value: percent(summary.averageCompletion)
      });
    }
    figures.push(
      { key: 'certificates', label: LABELS.figureCertificates, value: count(summary.certificates) },
      { key: 'badges', label: LABELS.figureBadges, value: count(summary.badges) },
      {
        key: 'lastActivity',
        label: LABELS.figureLastActivity,
        value: formatDate(summary.lastActivityOn) || '—'
      }
    );
    return figures;
  }
}
