import { LightningElement, api } from 'lwc';
import LABELS from 'c/setupLabels';

const ALL = '';

/**
 * People the connector could not sync, and why (needs review, error, excluded), each linked to the person;
 * filter by state and page through. Raises `statechange` and `pagechange`.
 */
export default class SyncHealthPeople extends LightningElement {
  /** SyncHealthDtos.PeoplePage. */
  @api page;
  @api state = ALL;

  labels = LABELS;

  get stateOptions() {
    return [
      { label: LABELS.stateAll, value: ALL },
      { label: LABELS.state_NeedsReview, value: 'NeedsReview' },
      { label: LABELS.state_Error, value: 'Error' },
      { label: LABELS.state_Excluded, value: 'Excluded' }
    ];
  }

  get hasPeople() {
    return Boolean(this.page && this.page.people && this.page.people.length);
  }

  get rows() {
    return ((this.page && this.page.people) || []).map((person) => ({
      key: person.learnerId,
      name: person.name,
      url:
        person.personId && person.personObject
          ? `/lightning/r/${person.personObject}/${person.personId}/view`
          : null,
      state: LABELS[`state_${person.state}`] || person.state,
      reason: person.reason,
      email: person.email
    }));
  }

  get total() {
    return (this.page && this.page.total) || 0;
  }

  get pageSize() {
    return (this.page && this.page.pageSize) || 25;
  }

  get pageOffset() {
    return (this.page && this.page.pageOffset) || 0;
  }

  handleState(event) {
    this.dispatchEvent(new CustomEvent('statechange', { detail: { state: event.detail.value } }));
  }

  handlePage(event) {
    this.dispatchEvent(new CustomEvent('pagechange', { detail: { pageOffset: event.detail.pageOffset } }));
  }
}
