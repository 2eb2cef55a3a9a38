import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Messages } from '../..';
import { errorOf, start } from '../support/client';

type Json = Record<string, unknown>;

/** Each Uncertain fact is a switch; these prove the switches change what clients see. */
describe('TalentLMS emulator: configurable uncertainties', () => {
  it('moves an error message to another HTTP status', async () => {
    const h = await start({ quirks: { errorStatus: { [Messages.userMissing]: 400 } } });
    try {
      const answer = await h.api.get('users/id:77');
      assert.equal(answer.status, 400);
      assert.equal(errorOf(answer).message, Messages.userMissing);
    } finally {
      await h.tl.close();
    }
  });

  it('prints empty timestamps as null and course names unescaped when asked', async () => {
    const h = await start({ quirks: { emptyTimestamp: null, escapeCourseNames: false } });
    try {
      const user = await h.api.signup({ login: 'q' });
      const course = h.tl.state.addCourse({ name: 'A & B' });
      h.tl.simulator.enrol(String(user.id), course.id);
      const entry = ((await h.api.json(`users/id:${user.id}`)).courses as Json[])[0];
      assert.equal(entry.completed_on_timestamp, null);
      assert.equal(entry.completed_on, '', 'the date itself stays ""');
      assert.equal(entry.name, 'A & B');
    } finally {
      await h.tl.close();
    }
  });

  it('bumps last_updated_timestamp on learning changes only when asked', async () => {
    const h = await start();
    try {
      const user = await h.api.signup({ login: 'lu' });
      const course = h.tl.state.addCourse({ name: 'C' });
      const stamp = async () => (await h.api.json(`users/id:${user.id}`)).last_updated_timestamp;
      const initial = await stamp();
      h.clock.advance(10_000);
      h.tl.simulator.enrol(String(user.id), course.id);
      h.tl.simulator.complete(String(user.id), course.id);
      assert.equal(await stamp(), initial, 'by default learning does not touch the profile stamp');
      h.tl.configure({ quirks: { learningBumpsLastUpdated: true } });
      h.clock.advance(10_000);
      h.tl.simulator.progress(String(user.id), course.id, 100);
      assert.equal(await stamp(), String(Number(initial) + 20));
      h.clock.advance(10_000);
      await h.api.post('edituser', { user_id: String(user.id), bio: 'x' });
      assert.equal(await stamp(), String(Number(initial) + 30), 'profile edits always move it');
    } finally {
      await h.tl.close();
    }
  });

  it('can match e-mails and logins case-sensitively', async () => {
    const h = await start({ quirks: { caseInsensitiveIdentity: false } });
    try {
      await h.api.signup({ login: 'Case', email: 'Case@example.com' });
      assert.equal((await h.api.get('users/email:case@example.com')).status, 404);
      assert.equal((await h.api.signup({ login: 'case', email: 'case@example.com' })).login, 'case');
    } finally {
      await h.tl.close();
    }
  });
});

describe('TalentLMS emulator: SSO and account recovery', () => {
  it('answers userlogin, userlogout, isuseronline, forgotusername and forgotpassword', async () => {
    const h = await start();
    try {
      const user = await h.api.signup({ login: 'sso', password: 'pw1' });
      const id = String(user.id);
      assert.deepEqual(await h.api.json(`isuseronline/user_id:${id}`), { online: false });
      const login = (
        await h.api.post('userlogin', {
          login: 'sso',
          password: 'pw1',
          logout_redirect: 'aHR0cHM6Ly94LmNvbQ=='
        })
      ).body as Json;
      assert.equal(login.user_id, id);
      assert.match(String(login.login_key), /\/index\/autologin\/key:[a-z0-9]{20}$/);
      assert.equal(
        (await h.api.json<Json[]>(`gettimeline/event_type:user_login_user,user_id:${id}`)).length,
        1
      );
      assert.deepEqual(await h.api.json(`isuseronline/user_id:${id}`), { online: true });
      h.clock.advance(16 * 60_000);
      assert.deepEqual(await h.api.json(`isuseronline/user_id:${id}`), { online: false });
      const logout = (await h.api.post('userlogout', { user_id: id, next: 'https://x.com' })).body as Json;
      assert.match(
        String(logout.redirect_url),
        /^https:\/\/acme\.talentlms\.com\/index\/logout\/token:\d+,next:https:\/\/x\.com$/
      );
      assert.deepEqual(await h.api.json('forgotusername/email:sso@example.com'), { user_id: id });
      assert.deepEqual(await h.api.json('forgotpassword/username:sso'), { user_id: id });
      assert.equal(errorOf(await h.api.get('forgotpassword/username:nobody')).message, Messages.userMissing);
    } finally {
      await h.tl.close();
    }
  });
});

describe('TalentLMS emulator: seeding through tl.state', () => {
  it('starts empty without the owner, finds users after direct edits once reindexed, and clears', async () => {
    const h = await start({ seedSuperAdmin: false });
    try {
      assert.deepEqual(await h.api.json('users'), []);
      const user = h.tl.state.addUser({
        id: '500',
        login: 'seeded',
        email: 'seeded@example.com',
        first_name: 'S',
        last_name: 'D'
      });
      assert.equal((await h.api.json('users/email:seeded@example.com')).id, '500');
      user.email = 'moved@example.com'; // a direct edit, bypassing updateUser
      h.tl.state.reindex();
      assert.equal((await h.api.json('users/email:moved@example.com')).id, '500');
      assert.equal(
        String((await h.api.signup({ login: 'next' })).id),
        '501',
        'ids continue after seeded ones'
      );
      h.tl.state.clear();
      assert.deepEqual(await h.api.json('users'), []);
      assert.equal(String((await h.api.signup({ login: 'again' })).id), '1');
    } finally {
      await h.tl.close();
    }
  });
});
