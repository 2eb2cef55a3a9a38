import { LightningElement, api } from 'lwc';
import LABELS from 'c/learningLabels';
import { safeTalentLmsUrl, formatLabel, formatDate } from 'c/learningUtils';

export default class CertificateList extends LightningElement {
  /** Certificate DTOs. */
  @api certificates;
  /** The bound TalentLMS domain, so links to a custom portal domain are accepted. */
  @api portalHost;

  labels = LABELS;

  get items() {
    return (this.certificates || []).map((certificate) => {
      const url = safeTalentLmsUrl(certificate.publicUrl, this.portalHost);
      let expiryText = LABELS.certificateNeverExpires;
      if (certificate.expiresOn) {
        expiryText = formatLabel(
          certificate.isExpired ? LABELS.certificateExpiredOn : LABELS.certificateExpiresOn,
          formatDate(certificate.expiresOn)
        );
      }
      return {
        id: certificate.id,
        courseName: certificate.courseName,
        issuedText: certificate.issuedOn
          ? formatLabel(LABELS.certificateIssuedOn, formatDate(certificate.issuedOn))
          : null,
        expiryText,
        isExpired: certificate.isExpired === true,
        url,
        hasUrl: !!url,
        downloadTitle: formatLabel(LABELS.certificateDownloadTitle, certificate.courseName)
      };
    });
  }

  get hasCertificates() {
    return this.items.length > 0;
  }

  handleDownload(event) {
    const item = this.items.find((candidate) => candidate.id === event.currentTarget.dataset.id);
    if (item && item.url) {
      // The public URL needs no TalentLMS session, unlike download_url
      window.open(item.url, '_blank', 'noopener');
    }
  }
}
