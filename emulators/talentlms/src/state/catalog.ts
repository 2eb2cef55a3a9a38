import type {
  CategoryRecord,
  CourseRecord,
  CustomFieldRecord,
  IltSessionRecord,
  UnitRecord
} from './records';
import { PeopleState } from './people';

/** Courses with their units, categories, custom field definitions, ILT sessions and recorded answers. */
export abstract class CatalogState extends PeopleState {
  readonly courses = new Map<string, CourseRecord>();
  readonly categories = new Map<string, CategoryRecord>();
  readonly customFields: CustomFieldRecord[] = [];
  readonly courseCustomFields: CustomFieldRecord[] = [];
  readonly iltSessions = new Map<string, IltSessionRecord[]>();
  /** `${testId}:${userId}` / `${surveyId}:${userId}` → the answers object the API returns. */
  readonly testAnswers = new Map<string, unknown>();
  readonly surveyAnswers = new Map<string, unknown>();

  addCourse(input: Partial<CourseRecord> & Pick<CourseRecord, 'name'>): CourseRecord {
    const now = this.now();
    const course: CourseRecord = {
      code: '',
      category_id: '',
      description: '',
      price: '0',
      status: 'active',
      creation_date: now,
      last_update_on: now,
      creator_id: '1',
      hide_from_catalog: '0',
      time_limit: '0',
      start_datetime: null,
      expiration_datetime: null,
      level: '1',
      shared: '0',
      shared_url: '',
      avatar: this.url('/pages/images/unknown_small.png'),
      big_avatar: this.url('/pages/images/unknown_small.png'),
      certification: 'Classic',
      certification_duration: 'Forever',
      units: [],
      rules: [],
      prerequisites: [],
      custom: {},
      deleted: false,
      ...input,
      id: this.claimId('course', input.id)
    };
    this.courses.set(course.id, course);
    return course;
  }

  addUnit(courseId: string, input: Partial<UnitRecord> & Pick<UnitRecord, 'name'>): UnitRecord {
    const course = this.courses.get(courseId);
    if (!course) throw new Error(`No course ${courseId}`);
    const unit: UnitRecord = { type: 'Content', ...input, id: this.claimId('unit', input.id) };
    course.units.push(unit);
    return unit;
  }

  findUnit(unitId: string): { course: CourseRecord; unit: UnitRecord } | undefined {
    for (const course of this.courses.values()) {
      const unit = course.units.find((candidate) => candidate.id === unitId);
      if (unit) return { course, unit };
    }
    return undefined;
  }

  addCategory(input: Partial<CategoryRecord> & Pick<CategoryRecord, 'name'>): CategoryRecord {
    const category: CategoryRecord = {
      price: '0',
      parent_category_id: null,
      ...input,
      id: this.claimId('category', input.id)
    };
    this.categories.set(category.id, category);
    return category;
  }

  addIltSession(
    iltId: string,
    input: Partial<IltSessionRecord> & Pick<IltSessionRecord, 'name'>
  ): IltSessionRecord {
    const session: IltSessionRecord = {
      multiname: input.name,
      linked_to: '',
      type: 'classroom',
      owner_id: '1',
      instructor_id: '1',
      description: '',
      location: '',
      start_timestamp: String(this.now()),
      start_date: '',
      capacity: '0',
      duration_minutes: '60',
      ...input,
      id: this.claimId('ilt', input.id)
    };
    const list = this.iltSessions.get(iltId) ?? [];
    list.push(session);
    this.iltSessions.set(iltId, list);
    return session;
  }

  addCustomField(
    input: Partial<CustomFieldRecord> & Pick<CustomFieldRecord, 'name' | 'type'>,
    target: 'user' | 'course' = 'user'
  ): CustomFieldRecord {
    const list = target === 'user' ? this.customFields : this.courseCustomFields;
    const index = list.length + 1;
    const field: CustomFieldRecord = {
      key: `custom_field_${index}`,
      mandatory: 'no',
      visible_on_reports: 'yes',
      dropdown_values: null,
      checkbox_status: 'off',
      selective_availability: 'no',
      branch: null,
      main_domain_availability: null,
      previous_key: list.length > 0 ? list[list.length - 1].key : null,
      order: String(index),
      ...input
    };
    list.push(field);
    return field;
  }

  override clear(): void {
    super.clear();
    for (const map of [
      this.courses,
      this.categories,
      this.iltSessions,
      this.testAnswers,
      this.surveyAnswers
    ]) {
      map.clear();
    }
    this.customFields.length = 0;
    this.courseCustomFields.length = 0;
  }
}
