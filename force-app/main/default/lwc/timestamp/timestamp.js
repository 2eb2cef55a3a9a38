import { LightningElement, api } from 'lwc';

const PLACEHOLDER = '{0}';

/**
 * A date and time the admin pages show, in the user's locale and time zone, in one of three agreed formats:
 * `dateTime` (Nov 25, 2026, 11:15 AM), `date` (Nov 25, 2026) or `recent` (Nov 25, 11:15 AM, for events of
 * the last days).
 *
 * With `label` ("Last successful run {0}") the text around the date is rendered here, from expressions: the LWC
 * compiler drops whitespace that sits between template text and an element on the next line, so a label written
 * before `<c-timestamp>` in a parent template loses its space ("Last successful runNov 25").
 */
export default class Timestamp extends LightningElement {
  /** An ISO 8601 date-time or epoch milliseconds. */
  @api value;
  @api format = 'dateTime';
  /** Optional label with a {0} where the date goes; one without {0} is followed by a space and the date. */
  @api label;

  get year() {
    return this.format === 'recent' ? undefined : 'numeric';
  }

  get hour() {
    return this.format === 'date' ? undefined : '2-digit';
  }

  get minute() {
    return this.hour;
  }

  get textBefore() {
    if (!this.label) {
      return '';
    }
    const text = String(this.label);
    const at = text.indexOf(PLACEHOLDER);
    return at < 0 ? `${text} ` : text.slice(0, at);
  }

  get textAfter() {
    const text = this.label ? String(this.label) : '';
    const at = text.indexOf(PLACEHOLDER);
    return at < 0 ? '' : text.slice(at + PLACEHOLDER.length);
  }
}
