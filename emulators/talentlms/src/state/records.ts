/**
 * What the emulator stores. Ids, flags, levels, points and percentages are strings, as the API presents
 * them; instants are epoch seconds (numbers) so the portal's date format can change at any time;
 * `null` means "no date" and is printed as `""`.
 */
export interface UserRecord {
  id: string;
  login: string;
  first_name: string;
  last_name: string;
  email: string;
  password: string;
  restrict_email: '0' | '1';
  user_type: string;
  timezone: string;
  language: string;
  status: 'active' | 'inactive';
  deactivation_date: number | null;
  level: string;
  points: string;
  credits: string;
  created_on: number;
  last_updated: number;
  avatar: string;
  bio: string | null;
  /** `custom_field_N` → value, as written. */
  custom: Record<string, string>;
  /** Soft-deleted: kept (login and email stay taken) and answered with "no longer available". */
  deleted: boolean;
  last_login: number | null;
}

export interface UnitRecord {
  id: string;
  /** `Content`, `Web content`, `Section`, `Test`, `Survey`, `Assignment`, `SCORM | xAPI | cmi5` … */
  type: string;
  name: string;
  delay_time?: string;
}

export interface CourseRecord {
  id: string;
  /** As typed; responses HTML-escape it (quirk `escapeCourseNames`). */
  name: string;
  code: string;
  category_id: string;
  description: string;
  price: string;
  status: 'active' | 'inactive';
  creation_date: number;
  last_update_on: number;
  creator_id: string;
  hide_from_catalog: string;
  time_limit: string;
  start_datetime: number | null;
  expiration_datetime: number | null;
  level: string;
  shared: string;
  shared_url: string;
  avatar: string;
  big_avatar: string;
  /** Certificate template name (`"Classic"`); `""` = the course issues no certificate. */
  certification: string;
  /** `"Forever"` or `"<n> days"`. */
  certification_duration: string;
  units: UnitRecord[];
  rules: string[];
  prerequisites: Array<{ course_id: string; course_name: string; rule_set?: string }>;
  custom: Record<string, string>;
  deleted: boolean;
}

export interface UnitProgressRecord {
  /** `Completed`, `In progress`, `Not attempted`, `Failed` (getusersprogressinunits wording). */
  status: string;
  score: string;
  completed_on: number | null;
  total_time_seconds: number;
}

export interface EnrollmentRecord {
  user_id: string;
  course_id: string;
  role: 'learner' | 'instructor';
  enrolled_on: number;
  completed_on: number | null;
  /** `not_attempted`, `incomplete`, `completed`, `failed`, or anything a seed sets (unseen values). */
  completion_status: string;
  completion_percentage: string;
  expired_on: number | null;
  total_time_seconds: number;
  last_unit_id: string | null;
  units: Record<string, UnitProgressRecord>;
}

export interface CertificateRecord {
  id: string;
  user_id: string;
  course_id: string;
  unique_id: string;
  issued_date: number;
  /** null = never expires (`"Never"`, timestamp 0). */
  expiration_date: number | null;
  signature: string;
}

export interface BadgeRecord {
  user_id: string;
  name: string;
  type: string;
  image_url: string;
  criteria: string;
  issued_on: number;
  badge_set_id: string;
}

export interface GroupRecord {
  id: string;
  name: string;
  description: string;
  key: string;
  price: string;
  owner_id: string;
  belongs_to_branch: string | null;
  max_redemptions: string;
  redemptions_sofar: string;
  userIds: Set<string>;
  courseIds: Set<string>;
}

export interface BranchRecord {
  id: string;
  name: string;
  description: string;
  avatar: string;
  theme: string;
  timezone: string;
  signup_method: string;
  signup_type: string;
  verification: string;
  internal_announcement: string;
  external_announcement: string;
  language: string;
  user_type_id: string;
  user_type: string;
  group_id: string;
  registration_email_restriction: string;
  users_limit: string;
  disallow_global_login: string;
  payment_processor: string;
  currency: string;
  paypal_email: string;
  ecommerce_subscription: string;
  ecommerce_subscription_price: string;
  ecommerce_subscription_interval: string;
  ecommerce_subscription_trial_period: string;
  ecommerce_credits: string;
  badge_set_id: string;
  status: 'active' | 'inactive';
  userIds: Set<string>;
  courseIds: Set<string>;
}

export interface CategoryRecord {
  id: string;
  name: string;
  price: string;
  parent_category_id: string | null;
}

/** User (`getcustomregistrationfields`) and course (`getcustomcoursefields`) custom fields (§7 S4). */
export interface CustomFieldRecord {
  key: string;
  type: 'text' | 'dropdown' | 'checkbox' | 'date';
  name: string;
  mandatory: 'yes' | 'no';
  visible_on_reports: 'yes' | 'no';
  /** `"Blue;Green;[Brown];Grey"`: the bracketed option is the default. */
  dropdown_values: string | null;
  checkbox_status: 'on' | 'off';
  selective_availability: 'yes' | 'no';
  branch: string | null;
  main_domain_availability: string | null;
  previous_key: string | null;
  order: string;
}

export interface IltSessionRecord {
  id: string;
  name: string;
  multiname: string;
  linked_to: string;
  type: 'webinar' | 'classroom';
  owner_id: string;
  instructor_id: string;
  description: string;
  location: string;
  start_timestamp: string;
  start_date: string;
  capacity: string;
  duration_minutes: string;
}
