import { reduceErrors } from 'c/errorUtils';

describe('c-error-utils', () => {
  it('reads Apex, UI API, JavaScript and network errors', () => {
    const apexError = { body: { message: 'You can see the learning of your own team only.' }, status: 500 };
    const uiApiErrors = { body: [{ message: 'First' }, { message: 'Second' }] };
    const pageErrors = { body: { pageErrors: [{ message: 'Page error' }] } };
    const jsError = new TypeError('x is undefined');
    const network = { statusText: 'Service Unavailable' };
    expect(reduceErrors([apexError, uiApiErrors, pageErrors, jsError, network])).toEqual([
      'You can see the learning of your own team only.',
      'First',
      'Second',
      'Page error',
      'x is undefined',
      'Service Unavailable'
    ]);
  });

  it('accepts a single error, drops empties and repeats', () => {
    expect(reduceErrors({ body: { message: 'Once' } })).toEqual(['Once']);
    expect(reduceErrors([null, { body: { message: 'Once' } }, { body: { message: 'Once' } }, {}])).toEqual([
      'Once'
    ]);
    expect(reduceErrors(undefined)).toEqual([]);
  });
});
