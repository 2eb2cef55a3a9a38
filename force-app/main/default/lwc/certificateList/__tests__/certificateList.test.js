import CertificateList from 'c/certificateList';
import { mount, resetDom } from 'test-utils';

const LEARNING = require('../../myLearning/__tests__/data/getMyLearning.json');

jest.mock('@salesforce/label/c.Learning_Certificate_ExpiredOn', () => ({ default: 'Expired {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Learning_Certificate_IssuedOn', () => ({ default: 'Issued {0}' }), {
  virtual: true
});

const render = (props) => mount('c-certificate-list', CertificateList, props);

describe('c-certificate-list', () => {
  let openSpy;

  beforeEach(() => {
    openSpy = jest.spyOn(window, 'open').mockImplementation(() => null);
  });

  afterEach(() => {
    resetDom();
    jest.restoreAllMocks();
  });

  it('lists certificates with issue date and expiry', async () => {
    const element = render({ certificates: LEARNING.certificates, portalHost: LEARNING.portalHost });
    const items = element.shadowRoot.querySelectorAll('li');
    expect(items).toHaveLength(3);
    expect(items[0].querySelector('.issued').textContent).toBe('Issued Feb 3, 2026');
    expect(items[0].querySelector('.expiry').textContent).toBe('c.Learning_Certificate_NeverExpires');
    expect(items[1].querySelector('.expiry').textContent).toBe('Expired Sep 9, 2026');
    expect(items[1].querySelector('lightning-badge').label).toBe('c.Learning_Certificate_ExpiredBadge');
    expect(items[0].querySelector('lightning-badge')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('downloads a certificate through its public URL', () => {
    const element = render({ certificates: LEARNING.certificates, portalHost: LEARNING.portalHost });
    const button = element.shadowRoot.querySelector('lightning-button.download');
    expect(button.label).toBe('c.Learning_Certificate_Download');
    button.click();
    expect(openSpy).toHaveBeenCalledWith(LEARNING.certificates[0].publicUrl, '_blank', 'noopener');
  });

  it('offers no download for a link outside TalentLMS', () => {
    const element = render({ certificates: LEARNING.certificates, portalHost: LEARNING.portalHost });
    const items = element.shadowRoot.querySelectorAll('li');
    expect(items[2].querySelector('lightning-button')).toBeNull();
    expect(items[2].querySelector('.no-link').textContent).toBe('c.Learning_LinkUnavailable');
    expect(element.shadowRoot.querySelectorAll('lightning-button.download')).toHaveLength(2);
  });

  it('says there are no certificates yet', async () => {
    const element = render({ certificates: [] });
    expect(element.shadowRoot.querySelector('.no-certificates').textContent).toBe(
      'c.Learning_NoCertificates'
    );
    await expect(element).toBeAccessible();
  });
});
