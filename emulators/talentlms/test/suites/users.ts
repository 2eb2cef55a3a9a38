import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Messages } from '../..';
import { type Harness, errorOf, start } from '../support/client';

type Json = Record<string, unknown>;

/** Reference §4.1 and checklist §8.5, §8.7: users over HTTP. */
describe('TalentLMS emulator: users', () => {
  let h: Harness;
  before(async () => {
    h = await start();
    h.tl.state.addCustomField({ name: 'Company', type: 'text', mandatory: 'yes' });
    h.tl.state.addCustomField({
      name: 'Colour',
      type: 'dropdown',
      dropdown_values: 'Blue;Green;[Brown];Grey'
    });
    h.tl.state.addCustomField({ name: 'Consent', type: 'checkbox' });
    h.tl.state.addCustomField({ name: 'Start date', type: 'date' });
  });
  after(() => h.tl.close());

  const base = (login: string, extra: Json = {}) => ({
    first_name: 'Ann',
    last_name: 'Lee',
    email: `${login}@example.com`,
    login,
    password: 'pw',
    custom_field_1: 'Acme',
    ...extra
  });

  it('signs up with the five required fields and answers a flat user with a numeric id', async () => {
    const answer = await h.api.post(
      'usersignup',
      base('ann', { custom_field_2: 'Green', custom_field_3: 'on' })
    );
    assert.equal(answer.status, 200, answer.text);
    const user = answer.body as Json;
    assert.equal(typeof user.id, 'number');
    assert.equal(user.login, 'ann');
    assert.equal(user.status, 'active');
    assert.equal(user.user_type, 'Learner-Type');
    assert.equal(user.custom_field_1, 'Acme');
    assert.equal(user.custom_field_2, 'Green');
    assert.equal(user.custom_field_3, 'on');
    assert.equal(user.custom_field_4, '', 'unset custom fields print as ""');
    assert.match(
      String(user.login_key),
      /^https:\/\/acme\.talentlms\.com\/index\/autologin\/key:[a-z0-9]{20}$/
    );
    assert.ok(!('courses' in user));
  });

  it('answers 400 "Invalid arguments provided" for each missing required field', async () => {
    for (const field of ['first_name', 'last_name', 'email', 'login', 'password']) {
      const form: Json = base(`missing${field.replace('_', '')}`);
      delete form[field];
      const answer = await h.api.post('usersignup', form as Record<string, string>);
      assert.equal(answer.status, 400, field);
      assert.equal(errorOf(answer).message, Messages.invalidArguments);
    }
  });

  it('rejects duplicate e-mails and logins with the documented messages, ignoring case', async () => {
    const email = await h.api.post('usersignup', base('other', { email: 'ANN@example.com' }));
    assert.equal(errorOf(email).message, 'A user with the same email address already exists');
    const login = await h.api.post('usersignup', base('Ann', { email: 'fresh@example.com' }));
    assert.equal(errorOf(login).message, 'A user with the same login already exists');
    assert.equal(login.status, 400);
  });

  it('validates custom field values and enforces mandatory ones (configurable)', async () => {
    const fields = await h.api.json<Json[]>('getcustomregistrationfields');
    assert.deepEqual(
      fields.map((f) => [f.key, f.type, f.mandatory]),
      [
        ['custom_field_1', 'text', 'yes'],
        ['custom_field_2', 'dropdown', 'no'],
        ['custom_field_3', 'checkbox', 'no'],
        ['custom_field_4', 'date', 'no']
      ]
    );
    assert.equal(
      fields[1].dropdown_values,
      'Blue;Green;[Brown];Grey',
      'the default option keeps its brackets'
    );
    const brown = await h.api.post('usersignup', base('brown', { custom_field_2: 'Brown' }));
    assert.equal((brown.body as Json).custom_field_2, 'Brown', 'the bracketed default is a valid value');
    const bad = await h.api.post('usersignup', base('dd', { custom_field_2: 'Purple' }));
    assert.equal(bad.status, 400, 'a dropdown value must be one of the options');
    const checkbox = await h.api.post('usersignup', base('cb', { custom_field_3: 'yes' }));
    assert.equal(checkbox.status, 400, 'a checkbox takes on/off');
    const date = await h.api.post('usersignup', base('dt', { custom_field_4: '2019-31-31' }));
    assert.equal(date.status, 400, 'a date must be readable in the portal format');
    const noCompany = base('nocompany') as Json;
    delete noCompany.custom_field_1;
    const missing = await h.api.post('usersignup', noCompany as Record<string, string>);
    assert.equal(missing.status, 400);
    assert.equal(errorOf(missing).message, Messages.mandatoryCustomField);
    h.tl.configure({ quirks: { enforceMandatoryCustomFields: false } });
    const lenient = await h.api.post('usersignup', noCompany as Record<string, string>);
    h.tl.configure({ quirks: { enforceMandatoryCustomFields: true } });
    assert.equal(lenient.status, 200, lenient.text);
  });

  it('applies user_type, language and restrict_email, and rejects an unknown user type', async () => {
    const user = await h.api.signup({
      ...base('trainer'),
      user_type: 'Trainer-Type',
      language: 'el',
      restrict_email: 'on'
    });
    assert.equal(user.user_type, 'Trainer-Type');
    assert.equal(user.language, 'Greek');
    assert.equal(user.restrict_email, '1');
    const unknown = await h.api.post('usersignup', base('x1', { user_type: 'Wizard' }));
    assert.equal(unknown.status, 404);
  });

  it('signup with branch_id and group_id joins both, and the group enrols in its courses', async () => {
    const course = h.tl.state.addCourse({ name: 'Safety' });
    const group = h.tl.state.addGroup({ name: 'Sales', courseIds: [course.id] });
    const branch = h.tl.state.addBranch({ name: 'emea' });
    const created = await h.api.signup({ ...base('joiner'), branch_id: branch.id, group_id: group.id });
    const user = await h.api.json(`users/id:${created.id}`);
    assert.deepEqual(user.branches, [{ id: branch.id, name: 'emea' }]);
    assert.deepEqual(user.groups, [{ id: group.id, name: 'Sales' }]);
    const courses = user.courses as Json[];
    assert.deepEqual(
      courses.map((c) => [c.id, c.role, c.completion_status]),
      [[course.id, 'learner', 'not_attempted']]
    );
    const missingGroup = await h.api.post('usersignup', base('nogroup', { group_id: '999' }));
    assert.equal(errorOf(missingGroup).message, Messages.groupMissing);
    assert.equal(h.tl.state.findUserByLogin('nogroup'), undefined, 'a failed signup creates nobody');
  });

  it('gets one user by id, email and username, and lists with page_size/page_number', async () => {
    const byId = await h.api.json('users/id:2');
    const byEmail = await h.api.json(`users/email:${String(byId.email)}`);
    const byLogin = await h.api.json(`users/username:${String(byId.login)}`);
    assert.equal(byEmail.id, '2');
    assert.equal(byLogin.id, '2');
    const all = await h.api.json<Json[]>('users');
    assert.ok(all.length >= 5);
    const page = await h.api.json<Json[]>('users/page_size:2,page_number:2');
    assert.deepEqual(
      page.map((u) => u.id),
      all.slice(2, 4).map((u) => u.id)
    );
    assert.deepEqual(await h.api.json('users/page_size:2,page_number:99'), []);
    const missing = await h.api.get('users/id:9999');
    assert.equal(missing.status, 404);
    assert.equal(errorOf(missing).message, 'The requested user does not exist');
  });

  it('edits profile fields, checks uniqueness against others and reads deactivation dates in the portal format', async () => {
    const answer = await h.api.post('edituser', {
      user_id: '2',
      first_name: 'Annie',
      bio: 'Hello',
      credits: '5',
      custom_field_2: 'Blue',
      deactivation_date: '28/07/2026'
    });
    assert.equal(answer.status, 200, answer.text);
    const user = answer.body as Json;
    assert.equal(user.first_name, 'Annie');
    assert.equal(user.bio, 'Hello');
    assert.equal(user.credits, '5');
    assert.equal(user.custom_field_2, 'Blue');
    assert.equal(user.deactivation_date, '28/07/2026, 23:59:59');
    assert.equal(user.id, '2', 'edit answers carry the string id');
    const cleared = (await h.api.post('edituser', { user_id: '2', deactivation_date: '' })).body as Json;
    assert.equal(cleared.deactivation_date, '');
    const clash = await h.api.post('edituser', { user_id: '2', email: 'trainer@example.com' });
    assert.equal(errorOf(clash).message, Messages.duplicateEmail);
    const same = await h.api.post('edituser', { user_id: '2', email: 'ann@example.com' });
    assert.equal(same.status, 200, 'keeping your own e-mail is not a duplicate');
  });

  it('sets status active/inactive and rejects other values', async () => {
    assert.deepEqual((await h.api.get('usersetstatus/user_id:2,status:inactive')).body, {
      user_id: '2',
      status: 'inactive'
    });
    assert.equal((await h.api.json('users/id:2')).status, 'inactive');
    assert.equal((await h.api.get('usersetstatus/user_id:2,status:gone')).status, 400);
    await h.api.get('usersetstatus/user_id:2,status:active');
  });

  it('soft-deletes ("no longer available", identity kept) and deletes permanently', async () => {
    const soft = await h.api.signup({ ...base('softy') });
    const answer = await h.api.post('deleteuser', { user_id: String(soft.id) });
    assert.deepEqual(answer.body, { message: 'Operation completed successfully' });
    const gone = await h.api.get(`users/id:${soft.id}`);
    assert.equal(gone.status, 404);
    assert.equal(errorOf(gone).message, 'The requested user is no longer available');
    assert.equal(errorOf(await h.api.get('users/email:softy@example.com')).message, Messages.userGone);
    assert.ok(!(await h.api.json<Json[]>('users')).some((u) => u.id === String(soft.id)), 'not listed');
    const again = await h.api.post('usersignup', base('softy2', { email: 'softy@example.com' }));
    assert.equal(errorOf(again).message, Messages.duplicateEmail, 'a soft-deleted user keeps the e-mail');
    await h.api.post('deleteuser', { user_id: String(soft.id), permanent: 'yes' });
    assert.equal(errorOf(await h.api.get(`users/id:${soft.id}`)).message, Messages.userMissing);
    assert.equal((await h.api.post('usersignup', base('softy', { custom_field_1: 'Acme' }))).status, 200);
  });

  it('getusersbycustomfield answers an object keyed by id, matches dates written with dashes, [] when none', async () => {
    const dated = await h.api.signup({ ...base('dated'), custom_field_4: '11/06/2019' });
    const byDate = await h.api.json(`getusersbycustomfield/custom_field_value:11-6-2019`);
    assert.deepEqual(Object.keys(byDate), [String(dated.id)]);
    const entry = byDate[String(dated.id)] as Json;
    assert.equal(entry.login, 'dated');
    assert.ok(Array.isArray(entry.certifications));
    assert.ok(!('courses' in entry));
    const byText = await h.api.json('getusersbycustomfield/custom_field_value:Acme');
    assert.ok(!Array.isArray(byText) && Object.keys(byText).length >= 3);
    assert.deepEqual(await h.api.json('getusersbycustomfield/custom_field_value:nobody'), []);
  });

  it('answers create ids as strings when the quirk selects the PDF reading', async () => {
    h.tl.configure({ quirks: { createIdType: 'string' } });
    const user = await h.api.signup({ ...base('stringy') });
    h.tl.configure({ quirks: { createIdType: 'number' } });
    assert.equal(typeof user.id, 'string');
  });
});
