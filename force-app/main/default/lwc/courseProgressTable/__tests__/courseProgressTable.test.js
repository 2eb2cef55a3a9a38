import CourseProgressTable from 'c/courseProgressTable';
import { mount, resetDom } from 'test-utils';

const LEARNING = require('../../myLearning/__tests__/data/getMyLearning.json');
const CUSTOM_DOMAIN = require('../../myLearning/__tests__/data/getMyLearning.customDomain.json');

const render = (props) => mount('c-course-progress-table', CourseProgressTable, props);

function datatable(element) {
  return element.shadowRoot.querySelector('lightning-datatable');
}

describe('c-course-progress-table', () => {
  let openSpy;

  beforeEach(() => {
    openSpy = jest.spyOn(window, 'open').mockImplementation(() => null);
  });

  afterEach(() => {
    resetDom();
    jest.restoreAllMocks();
  });

  it('lists every course sorted by name, with completion as a fraction for the percent column', async () => {
    const element = render({ courses: LEARNING.courses, portalHost: LEARNING.portalHost });
    const rows = datatable(element).data;
    const names = rows.map((row) => row.courseName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const inProgress = rows.find((row) => row.courseName === 'Negotiation Skills 101');
    expect(inProgress.completion).toBeCloseTo(0.45);
    expect(inProgress.timeSpentText).toBe('0h 45m');
    expect(inProgress.statusText).toBe('c.Learning_Status_InProgress');
    await expect(element).toBeAccessible();
  });

  it('hides the score column while every score is empty and shows it once one exists', () => {
    const element = render({ courses: LEARNING.courses, portalHost: LEARNING.portalHost });
    expect(datatable(element).columns.map((column) => column.fieldName)).not.toContain('score');

    const scored = LEARNING.courses.map((course, index) => {
      return index === 0 ? { ...course, score: 92.5 } : course;
    });
    const second = render({ courses: scored, portalHost: LEARNING.portalHost });
    expect(datatable(second).columns.map((column) => column.fieldName)).toContain('score');
  });

  it('adds the overdue column only when a course is overdue', () => {
    const element = render({ courses: LEARNING.courses, portalHost: LEARNING.portalHost });
    const overdueRow = datatable(element).data.find((row) => row.overdueText);
    expect(overdueRow.courseName).toBe('Product Training: Acme Cloud');
    expect(datatable(element).columns.map((column) => column.fieldName)).toContain('overdueText');

    const onTime = render({ courses: LEARNING.courses.filter((course) => !course.isOverdue) });
    expect(datatable(onTime).columns.map((column) => column.fieldName)).not.toContain('overdueText');
  });

  it('sorts by completion when the header is clicked, empty values last', async () => {
    const element = render({ courses: LEARNING.courses, portalHost: LEARNING.portalHost });
    datatable(element).dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'completion', sortDirection: 'desc' } })
    );
    await Promise.resolve();
    const values = datatable(element).data.map((row) => row.completion);
    expect(values).toEqual([1, 1, 0.8, 0.6, 0.45, 0, null]);
    expect(datatable(element).sortedBy).toBe('completion');
    expect(datatable(element).sortedDirection).toBe('desc');
  });

  it('sorts time spent by seconds rather than by its text', async () => {
    const element = render({ courses: LEARNING.courses, portalHost: LEARNING.portalHost });
    datatable(element).dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'timeSpentText', sortDirection: 'asc' } })
    );
    await Promise.resolve();
    const seconds = datatable(element).data.map((row) => row.timeSpentSeconds);
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
  });

  it('opens a course in TalentLMS only through a checked https link', async () => {
    const element = render({ courses: LEARNING.courses, portalHost: LEARNING.portalHost });
    const rows = datatable(element).data;
    const safe = rows.find((row) => row.courseName === 'Negotiation Skills 101');
    const plainHttp = rows.find((row) => row.rawStatus === 'failed');
    const script = rows.find((row) => row.rawStatus === 'pending');
    expect(plainHttp.openDisabled).toBe(true);
    expect(script.openDisabled).toBe(true);
    expect(script.courseUrl).toBeNull();

    datatable(element).dispatchEvent(
      new CustomEvent('rowaction', { detail: { action: { name: 'open_course' }, row: safe } })
    );
    datatable(element).dispatchEvent(
      new CustomEvent('rowaction', { detail: { action: { name: 'open_course' }, row: script } })
    );
    await Promise.resolve();
    expect(openSpy).toHaveBeenCalledTimes(1);
    expect(openSpy).toHaveBeenCalledWith(
      'https://acme.talentlms.com/learner/courseinfo/id:102',
      '_blank',
      'noopener'
    );
  });

  it('accepts links on the portal custom domain', () => {
    const element = render({ courses: CUSTOM_DOMAIN.courses, portalHost: CUSTOM_DOMAIN.portalHost });
    const row = datatable(element).data.find(
      (candidate) => candidate.courseName === 'Negotiation Skills 101'
    );
    expect(row.courseUrl).toBe('https://learn.acme.com/learner/courseinfo/id:102');
    expect(row.openDisabled).toBe(false);
  });

  it('says there are no courses instead of an empty table', async () => {
    const element = render({ courses: [] });
    expect(datatable(element)).toBeNull();
    expect(element.shadowRoot.querySelector('.no-courses').textContent).toBe('c.Learning_NoCourses');
    await expect(element).toBeAccessible();
  });
});
