import type { Settings } from '../../settings';
import type { FieldProblem } from './fields';
import type {
  AbsenceFact,
  LearnerRow,
  LearnerState,
  PersonType,
  SalesforcePerson,
  TalentLmsSnapshot
} from './types';

/** What `plan()` takes and returns: per-person TalentLMS operations and the Learner__c row they lead to. */
export interface BranchTarget {
  accountId: string;
  name: string;
  /** The branch when it exists already; null: created by this run. */
  existingId: string | null;
}

export type TalentLmsOp =
  | {
      op: 'signup';
      login: string;
      /** first_name, last_name, email, custom_field_N (the password is added at execution, never planned). */
      fields: Record<string, string>;
      group: string | null;
      branch: BranchTarget | null;
      restrictEmail: boolean;
    }
  | { op: 'edit'; fields: Record<string, string> }
  | { op: 'activate' }
  | { op: 'deactivate' }
  | { op: 'joinGroup'; group: string }
  | { op: 'leaveGroup'; group: string }
  | { op: 'joinBranch'; branch: BranchTarget }
  | { op: 'leaveBranch'; branchId: string };

export type PersonOutcome = 'create' | 'sync' | 'exclude' | 'deactivate' | 'needsReview';

/** What Learner__c holds once the person's operations succeeded. */
export interface LearnerTarget {
  salesforceId: string;
  personType: PersonType;
  name: string;
  email: string | null;
  login: string | null;
  accountId: string | null;
  /** null for a new learner: the executor fills it from `usersignup`. */
  talentlmsUserId: string | null;
  state: LearnerState;
  stateMessage: string | null;
  exclusionReason: string | null;
  talentlmsStatus: 'Active' | 'Inactive' | null;
  userType: string | null;
  /** The group the connector put them in; undefined: unchanged. */
  group?: string | null;
  /** Their Account's branch; undefined: unchanged. */
  branch?: BranchTarget | null;
}

export interface PersonPlan {
  salesforceId: string;
  personType: PersonType;
  name: string;
  outcome: PersonOutcome;
  talentlmsUserId: string | null;
  /** Linked this run to an account that existed already (found by login or e-mail). */
  adopted: boolean;
  ops: TalentLmsOp[];
  learner: LearnerTarget;
  /** Exclusion or review reason code. */
  reason: string | null;
  /** One line for samples and issue messages. */
  detail: string;
  problems: FieldProblem[];
  /** Learner__c rows that must drop this TalentLMS user before it is linked here (a merged Contact). */
  releases: string[];
}

export interface BranchCheck {
  needed: number;
  existing: number;
  limit: number | null;
  exceeded: boolean;
}

export interface CircuitBreakerVerdict {
  tripped: boolean;
  deactivations: number;
  managedActive: number;
  share: number;
  maxShare: number;
  allowance: number;
}

export interface ProvisionPlan {
  people: PersonPlan[];
  groupsToCreate: string[];
  branchesToCreate: BranchTarget[];
  branchCheck: BranchCheck | null;
  circuitBreaker: CircuitBreakerVerdict;
  /** People who are not learners, per reason. */
  exclusions: Record<string, number>;
}

export interface PlanInput {
  people: SalesforcePerson[];
  absences: AbsenceFact[];
  learners: LearnerRow[];
  talentlms: TalentLmsSnapshot;
  settings: Settings;
  nowMs: number;
}
