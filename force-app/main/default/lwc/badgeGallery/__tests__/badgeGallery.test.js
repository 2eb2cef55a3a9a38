import BadgeGallery from 'c/badgeGallery';
import { mount, resetDom } from 'test-utils';

const LEARNING = require('../../myLearning/__tests__/data/getMyLearning.json');

jest.mock('@salesforce/label/c.Learning_Points', () => ({ default: '{0} points' }), { virtual: true });
jest.mock('@salesforce/label/c.Learning_Level', () => ({ default: 'Level {0}' }), { virtual: true });

const render = (props) => mount('c-badge-gallery', BadgeGallery, props);

describe('c-badge-gallery', () => {
  afterEach(resetDom);

  it('shows points, level and badge images from TalentLMS', async () => {
    const element = render({
      badges: LEARNING.badges,
      portalHost: LEARNING.portalHost,
      points: LEARNING.points,
      level: LEARNING.level
    });
    expect(element.shadowRoot.querySelector('lightning-badge.points').label).toBe('1250 points');
    expect(element.shadowRoot.querySelector('lightning-badge.level').label).toBe('Level 4');
    const images = element.shadowRoot.querySelectorAll('img.badge-image');
    expect(images).toHaveLength(2);
    expect(images[0].getAttribute('src')).toBe(LEARNING.badges[0].imageUrl);
    expect(images[0].getAttribute('alt')).toBe('Activity Newbie');
    const name = element.shadowRoot.querySelector('.badge-name');
    expect(name.textContent).toBe('Activity Newbie');
    expect(name.getAttribute('title')).toBe('Activity Newbie');
    // Long names wrap to two lines in the narrow tile instead of being cut to one.
    expect(name.classList).toContain('slds-line-clamp_x-small');
    expect(name.classList).not.toContain('slds-truncate');
    await expect(element).toBeAccessible();
  });

  it('draws the local icon for an image that fails the https check', () => {
    const element = render({ badges: LEARNING.badges, portalHost: LEARNING.portalHost });
    const fallbacks = element.shadowRoot.querySelectorAll('lightning-icon.badge-fallback');
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0].alternativeText).toBe('Certification Newbie');
  });

  it('falls back to the local icon when an image does not load', async () => {
    const element = render({ badges: LEARNING.badges, portalHost: LEARNING.portalHost });
    const first = element.shadowRoot.querySelector('img.badge-image');
    first.dispatchEvent(new CustomEvent('error'));
    await Promise.resolve();
    expect(element.shadowRoot.querySelectorAll('img.badge-image')).toHaveLength(1);
    const fallbacks = [...element.shadowRoot.querySelectorAll('lightning-icon.badge-fallback')];
    expect(fallbacks.map((icon) => icon.alternativeText)).toEqual([
      'Activity Newbie',
      'Certification Newbie'
    ]);
    await expect(element).toBeAccessible();
  });

  it('leaves out points and level when TalentLMS does not report them', async () => {
    const element = render({ badges: [] });
    expect(element.shadowRoot.querySelector('lightning-badge')).toBeNull();
    expect(element.shadowRoot.querySelector('.no-badges').textContent).toBe('c.Learning_NoBadges');
    await expect(element).toBeAccessible();
  });
});
