import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { salesforceId } from '../../../emulators/shared/salesforceId';
import { AuraHandledError, type ApexContext } from '../../../preview/server/apex/context';
import { ContactLearningController } from '../../../preview/server/apex/ContactLearningController';
import { MyLearningController } from '../../../preview/server/apex/MyLearningController';
import { TeamMembersController } from '../../../preview/server/apex/TeamMembersController';
import { MemoryRecordSource } from '../../../preview/server/data/memorySource';
import type { SRecord } from '../../../preview/server/data/recordSource';
import { DtoContracts } from '../../../preview/server/dtoContracts';
import { Labels } from '../../../preview/server/labels';
import { PermissionModel } from '../../../preview/server/permissions';
import { ROOT } from '../support/preview';

/**
 * contracts/visibility-cases.json is the one case table behind both the Apex runAs tests and these: each case
 * becomes a small org (the personas with their managers and permission sets, plus the record the case names)
 * and is replayed through the preview's controller handlers, which must show or hide the learning exactly as
 * the case says. Contact sharing is Private, as the table's contact-sharing case assumes.
 */
interface CaseTable {
  personas: Record<string, { permissionSet: string | null; manager: string | null; profile?: string }>;
  cases: { id: string; persona: string; recordOf: string; visible: boolean }[];
}

const CASES_FILE = join(ROOT, 'contracts/visibility-cases.json');
const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);
const permissions = PermissionModel.fromForceApp(ROOT);
const labels = Labels.fromForceApp(ROOT);
const contracts = DtoContracts.fromRepository(ROOT);

type Subject = { kind: 'user'; id: string } | { kind: 'contact'; id: string };

function buildOrg(table: CaseTable, testCase: CaseTable['cases'][number]) {
  const ids = new Map<string, string>();
  Object.keys(table.personas).forEach((name, index) => ids.set(name, salesforceId('005', index + 1)));
  const users: SRecord[] = Object.entries(table.personas).map(([name, persona]) => ({
    Id: ids.get(name) as string,
    FirstName: name,
    LastName: 'Case',
    IsActive: true,
    ManagerId: persona.manager ? (ids.get(persona.manager) ?? null) : null
  }));
  const records: Record<string, SRecord[]> = {
    User: users,
    Account: [],
    Contact: [],
    UserCourse__c: [],
    ContactCourse__c: []
  };
  const addCourse = (objectName: 'UserCourse__c' | 'ContactCourse__c', person: string) =>
    records[objectName].push({
      Id: salesforceId(objectName === 'UserCourse__c' ? 'a01' : 'a02', records[objectName].length + 1),
      [objectName === 'UserCourse__c' ? 'User__c' : 'Contact__c']: person,
      CourseName__c: 'Case course',
      Status__c: 'InProgress',
      CompletionPercent__c: 50
    });
  for (const user of users) addCourse('UserCourse__c', user.Id);

  const caller = ids.get(testCase.persona);
  assert.ok(caller, `case ${testCase.id}: persona ${testCase.persona} is not in the table's personas`);
  const someoneElse =
    users.find(
      (user) =>
        user.Id !== caller && table.personas[String(user.FirstName)].permissionSet === 'TalentLMS_Admin'
    )?.Id ?? users[0].Id;
  const contact = (ownerId: string, accountOwnerId: string): Subject => {
    const accountId = salesforceId('001', records.Account.length + 1);
    records.Account.push({ Id: accountId, Name: 'Case account', OwnerId: accountOwnerId });
    const id = salesforceId('003', records.Contact.length + 1);
    records.Contact.push({
      Id: id,
      FirstName: 'Case',
      LastName: 'Contact',
      AccountId: accountId,
      OwnerId: ownerId
    });
    addCourse('ContactCourse__c', id);
    return { kind: 'contact', id };
  };

  let subject: Subject;
  const named = ids.get(testCase.recordOf);
  if (named) subject = { kind: 'user', id: named };
  else if (/user (\d+) levels below/.test(testCase.recordOf)) {
    const depth = Number(/user (\d+) levels below/.exec(testCase.recordOf)?.[1]);
    let managerId = caller;
    for (let level = 1; level <= depth; level++) {
      const id = salesforceId('005', 100 + level);
      users.push({
        Id: id,
        FirstName: `Level${level}`,
        LastName: 'Case',
        IsActive: true,
        ManagerId: managerId
      });
      managerId = id;
    }
    addCourse('UserCourse__c', managerId);
    subject = { kind: 'user', id: managerId };
  } else if (/contact the caller owns|any contact/.test(testCase.recordOf)) subject = contact(caller, caller);
  else if (/contact of an account the caller owns/.test(testCase.recordOf))
    subject = contact(someoneElse, caller);
  else if (/contact owned by someone else/.test(testCase.recordOf))
    subject = contact(someoneElse, someoneElse);
  else throw new Error(`case ${testCase.id}: teach this test what "${testCase.recordOf}" means`);

  const persona = table.personas[testCase.persona];
  const context: ApexContext = {
    caller: {
      userId: caller,
      viewAllData: persona.permissionSet === 'TalentLMS_Admin',
      canReadContacts: !/Minimum Access/.test(persona.profile ?? '')
    },
    persona: {
      key: testCase.persona,
      label: testCase.persona,
      userId: caller,
      name: testCase.persona,
      permissionSets: persona.permissionSet ? [persona.permissionSet] : [],
      permissions: []
    },
    source: new MemoryRecordSource(records),
    permissions,
    labels,
    sharing: { orgWideDefault: 'Private' },
    clock: { now: () => NOW, sleep: async () => undefined },
    namespace: ''
  };
  return { context, subject };
}

/** Runs the controller a component would call for the subject; true when the learning came back. */
async function seesLearning(context: ApexContext, subject: Subject): Promise<boolean> {
  const [controller, method, call] =
    subject.kind === 'contact'
      ? [
          'ContactLearningController',
          'getContactLearning',
          () => ContactLearningController.getContactLearning(context, { contactId: subject.id })
        ]
      : subject.id === context.caller.userId
        ? ['MyLearningController', 'getMyLearning', () => MyLearningController.getMyLearning(context, {})]
        : [
            'TeamMembersController',
            'getMemberLearning',
            () => TeamMembersController.getMemberLearning(context, { userId: subject.id })
          ];
  try {
    const dto = (await (call as () => Promise<unknown>)()) as { courses?: unknown[] };
    assert.deepEqual(
      contracts.problems(controller as string, method as string, dto),
      [],
      'the answer honours its DTO contract'
    );
    return (dto.courses ?? []).length > 0;
  } catch (error) {
    assert.ok(
      error instanceof AuraHandledError,
      `a refusal is an AuraHandledException, not ${String(error)}`
    );
    assert.doesNotMatch(error.message, /^Learning_/, 'the refusal shows the label text, not its name');
    return false;
  }
}

describe('visibility cases (contracts/visibility-cases.json)', () => {
  const table = JSON.parse(readFileSync(CASES_FILE, 'utf8')) as CaseTable;

  it('the table has cases for every rule the selector applies', () => {
    assert.ok(table.cases.length >= 10, `found ${table.cases.length} cases`);
    assert.ok(table.cases.some((each) => each.visible) && table.cases.some((each) => !each.visible));
  });

  for (const testCase of table.cases) {
    it(`${testCase.id}: ${testCase.persona} ${testCase.visible ? 'sees' : 'does not see'} ${testCase.recordOf}`, async () => {
      const { context, subject } = buildOrg(table, testCase);
      assert.equal(await seesLearning(context, subject), testCase.visible);
    });
  }
});
