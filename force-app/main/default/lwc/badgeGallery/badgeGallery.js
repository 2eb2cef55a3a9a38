import { LightningElement, api } from 'lwc';
import LABELS from 'c/learningLabels';
import { safeTalentLmsUrl, formatLabel, formatDate } from 'c/learningUtils';

export default class BadgeGallery extends LightningElement {
  /** Badge DTOs. */
  @api badges;
  /** The bound TalentLMS domain, so images on a custom portal domain are accepted. */
  @api portalHost;
  /** Gamification points, when TalentLMS reports them. */
  @api points;
  /** Gamification level, when TalentLMS reports it. */
  @api level;

  labels = LABELS;
  brokenImages = new Set();

  get items() {
    return (this.badges || []).map((badge) => {
      const url = safeTalentLmsUrl(badge.imageUrl, this.portalHost);
      const showImage = !!url && !this.brokenImages.has(badge.id);
      return {
        id: badge.id,
        name: badge.name,
        criteria: badge.criteria,
        imageUrl: url,
        showImage,
        issuedText: badge.issuedOn ? formatLabel(LABELS.badgeIssuedOn, formatDate(badge.issuedOn)) : null
      };
    });
  }

  get hasBadges() {
    return this.items.length > 0;
  }

  get hasPoints() {
    return typeof this.points === 'number';
  }

  get hasLevel() {
    return typeof this.level === 'number';
  }

  get pointsText() {
    return formatLabel(LABELS.pointsValue, this.points);
  }

  get levelText() {
    return formatLabel(LABELS.levelValue, this.level);
  }

  handleImageError(event) {
    // A broken or blocked image falls back to the local icon; a new Set re-renders the list
    const next = new Set(this.brokenImages);
    next.add(event.currentTarget.dataset.id);
    this.brokenImages = next;
  }
}
