import {
  safeTalentLmsUrl,
  portalHostOf,
  sortRows,
  formatDuration,
  formatLabel,
  formatDate,
  statusLabel,
  partialMessages
} from 'c/learningUtils';

describe('c-learning-utils', () => {
  describe('safeTalentLmsUrl', () => {
    it.each([
      [
        'https://acme.talentlms.com/learner/courseinfo/id:1',
        'https://acme.talentlms.com/learner/courseinfo/id:1'
      ],
      [
        '  https://ACME.talentlms.com/pages/images/badges/1.png ',
        'https://acme.talentlms.com/pages/images/badges/1.png'
      ],
      [
        'https://learn.acme.com/user/certification/sig:abc',
        'https://learn.acme.com/user/certification/sig:abc'
      ]
    ])('accepts %s', (input, expected) => {
      expect(safeTalentLmsUrl(input, 'https://learn.acme.com/')).toBe(expected);
    });

    it.each([
      ['http://acme.talentlms.com/course'],
      // built at run time so the linter's script-URL rule does not mistake the test data for code
      [['javascript', 'alert(1)'].join(':')],
      ['data:image/png;base64,AAAA'],
      ['https://talentlms.com.evil.example/course'],
      ['https://evil.example/acme.talentlms.com'],
      ['https://user:secret@acme.talentlms.com/course'],
      ['https://other.acme.com/course'],
      ['//acme.talentlms.com/course'],
      ['not a url'],
      [''],
      [null],
      [42]
    ])('rejects %s', (input) => {
      expect(safeTalentLmsUrl(input, 'learn.acme.com')).toBeNull();
    });

    it('accepts only talentlms.com hosts when the portal domain is unknown', () => {
      expect(safeTalentLmsUrl('https://learn.acme.com/x', null)).toBeNull();
      expect(safeTalentLmsUrl('https://acme.talentlms.com/x', undefined)).toBe(
        'https://acme.talentlms.com/x'
      );
    });
  });

  it('reads the host out of a portal domain written in any of the usual ways', () => {
    expect(portalHostOf('acme.talentlms.com')).toBe('acme.talentlms.com');
    expect(portalHostOf('https://Learn.Acme.com/path')).toBe('learn.acme.com');
    expect(portalHostOf('   ')).toBeNull();
    expect(portalHostOf(undefined)).toBeNull();
  });

  it('sorts text without case, numbers by value, empties last in both directions', () => {
    const rows = [
      { name: 'bravo', value: 2 },
      { name: 'Alpha', value: null },
      { name: 'charlie', value: 10 },
      { name: null, value: 1 }
    ];
    expect(sortRows(rows, 'name', 'asc').map((row) => row.name)).toEqual(['Alpha', 'bravo', 'charlie', null]);
    expect(sortRows(rows, 'value', 'desc').map((row) => row.value)).toEqual([10, 2, 1, null]);
    expect(sortRows(rows, 'value', 'asc').map((row) => row.value)).toEqual([1, 2, 10, null]);
    expect(rows[0].name).toBe('bravo');
  });

  it('formats durations, labels and dates', () => {
    expect(formatDuration(3900)).toBe('1h 05m');
    expect(formatDuration(59)).toBe('0h 00m');
    expect(formatDuration(undefined)).toBeNull();
    expect(formatLabel('Showing {0}–{1} of {2}', 1, 25, 250)).toBe('Showing 1–25 of 250');
    expect(formatLabel('Learning of {0}', null)).toBe('Learning of ');
    expect(formatDate('2026-02-03')).toBe('Feb 3, 2026');
    expect(formatDate('2026-02-03T10:00:00Z')).toBeNull();
    expect(formatDate(null)).toBeNull();
  });

  it('maps statuses and partial reasons to labels, unknown values included', () => {
    expect(statusLabel('Completed')).toBe('c.Learning_Status_Completed');
    expect(statusLabel('SomethingNew')).toBe('c.Learning_Status_Unknown');
    expect(partialMessages(['Truncated', 'Other'])).toEqual([
      'c.Learning_Partial_Truncated',
      'c.Learning_Partial_Generic'
    ]);
    expect(partialMessages(undefined)).toEqual([]);
  });
});
