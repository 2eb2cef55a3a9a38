import { LightningElement, api } from 'lwc';

/**
 * A date and time the admin pages show, in the user's locale and time zone, in one of three agreed formats:
 * `dateTime` (Nov 25, 2026, 11:15 AM), `date` (Nov 25, 2026) or `recent` (Nov 25, 11:15 AM, for events of
 * the last days).
 */
export default class Timestamp extends LightningElement {
  /** An ISO 8601 date-time or epoch milliseconds. */
  @api value;
  @api format = 'dateTime';

  get year() {
    return this.format === 'recent' ? undefined : 'numeric';
  }

  get hour() {
    return this.format === 'date' ? undefined : '2-digit';
  }

  get minute() {
    return this.hour;
  }
}
