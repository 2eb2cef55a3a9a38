import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Messages } from '../..';
import { errorOf, start } from '../support/client';

type Json = Record<string, unknown>;

/** Portal modes (DESIGN.md "Verifying without an org"; reference §4.1, §4.10, §6). */
describe('TalentLMS emulator: portal modes', () => {
  it('creates inactive users when signup needs activation, and they cannot log in', async () => {
    const h = await start({ portal: { signupCreatesInactive: true } });
    try {
      const user = await h.api.signup({ login: 'pending', password: 'Secret123' });
      assert.equal(user.status, 'inactive');
      const login = await h.api.post('userlogin', { login: 'pending', password: 'Secret123' });
      assert.equal(errorOf(login).message, Messages.inactiveLogin);
      await h.api.get(`usersetstatus/user_id:${user.id},status:active`);
      const ok = await h.api.post('userlogin', { login: 'pending', password: 'Secret123' });
      assert.equal((ok.body as Json).user_id, String(user.id));
      assert.deepEqual(await h.api.json(`isuseronline/user_id:${user.id}`), { online: true });
      const wrong = await h.api.post('userlogin', { login: 'pending', password: 'nope' });
      assert.equal(errorOf(wrong).message, Messages.badLogin);
    } finally {
      await h.tl.close();
    }
  });

  it('enforces the strong-password policy on signup and edit', async () => {
    const h = await start({ portal: { strongPasswords: true } });
    try {
      for (const weak of ['short1A', 'alllowercase1', 'ALLUPPERCASE1', 'NoDigitsHere']) {
        const answer = await h.api.post('usersignup', {
          first_name: 'a',
          last_name: 'b',
          email: 'w@example.com',
          login: 'w',
          password: weak
        });
        assert.equal(answer.status, 400, weak);
        assert.equal(errorOf(answer).message, Messages.weakPassword);
      }
      const user = await h.api.signup({ login: 'strong', password: 'Str0ngPass' });
      const edit = await h.api.post('edituser', { user_id: String(user.id), password: 'weak' });
      assert.equal(errorOf(edit).message, Messages.weakPassword);
      h.tl.configure({ portal: { strongPasswords: false } });
      assert.equal(
        (await h.api.post('edituser', { user_id: String(user.id), password: '123456' })).status,
        200
      );
    } finally {
      await h.tl.close();
    }
  });

  it('hard-limits active users on a Standard plan; deactivating frees a slot', async () => {
    const h = await start({ portal: { activeUserLimit: 3 } }); // the owner plus two
    try {
      await h.api.signup({ login: 'one' });
      const two = await h.api.signup({ login: 'two' });
      const over = await h.api.post('usersignup', {
        first_name: 'a',
        last_name: 'b',
        email: 't@example.com',
        login: 'three',
        password: 'x'
      });
      assert.equal(over.status, 400);
      assert.equal(errorOf(over).message, Messages.activeUserLimit);
      await h.api.get(`usersetstatus/user_id:${two.id},status:inactive`);
      const three = await h.api.signup({ login: 'three' });
      const reactivate = await h.api.get(`usersetstatus/user_id:${two.id},status:active`);
      assert.equal(errorOf(reactivate).message, Messages.activeUserLimit);
      h.tl.configure({ portal: { signupCreatesInactive: true } });
      assert.equal(
        (await h.api.signup({ login: 'four' })).status,
        'inactive',
        'inactive signups need no slot'
      );
      assert.equal(h.tl.state.activeUserCount(), 3);
      assert.ok(three.id);
    } finally {
      await h.tl.close();
    }
  });

  it('deactivates users when their deactivation date passes, freeing a Standard-plan slot', async () => {
    const h = await start({ portal: { activeUserLimit: 2 } });
    try {
      const user = await h.api.signup({ login: 'leaving' });
      const id = String(user.id);
      await h.api.post('edituser', { user_id: id, deactivation_date: '16/01/2026' });
      assert.equal((await h.api.json(`users/id:${id}`)).status, 'active', 'still active on the 15th');
      h.clock.setTime(Date.UTC(2026, 0, 17));
      const after = await h.api.json(`users/id:${id}`);
      assert.equal(after.status, 'inactive');
      assert.equal(after.deactivation_date, '16/01/2026, 23:59:59');
      const changes = await h.api.json<Json[]>(`gettimeline/event_type:user_property_change,user_id:${id}`);
      assert.equal(changes.length, 2, 'the edit and the scheduled deactivation');
      assert.equal((await h.api.signup({ login: 'newcomer' })).status, 'active', 'the slot is free again');
      await h.api.get(`usersetstatus/user_id:${id},status:inactive`);
      assert.equal(h.tl.state.activeUserCount(), 2);
    } finally {
      await h.tl.close();
    }
  });

  it('prints dates in the portal date format and reads input in it', async () => {
    const h = await start({ portal: { dateFormat: 'MMDDYYYY' } });
    try {
      const user = await h.api.signup({ login: 'us' });
      assert.equal(user.created_on, '01/15/2026, 09:00:00');
      const edit = (
        await h.api.post('edituser', { user_id: String(user.id), deactivation_date: '12/31/2026' })
      ).body as Json;
      assert.equal(edit.deactivation_date, '12/31/2026, 23:59:59');
      assert.equal((await h.api.json('siteinfo')).date_format, 'MMDDYYYY');
      h.tl.configure({ portal: { dateFormat: 'YYYYMMDD' } });
      const again = await h.api.json(`users/id:${user.id}`);
      assert.equal(again.created_on, '2026/01/15, 09:00:00');
      assert.equal((await h.api.json('ratelimit')).formatted_reset, '2026/01/15, 10:00');
      const bad = await h.api.post('edituser', { user_id: String(user.id), deactivation_date: '31/12/2026' });
      assert.equal(bad.status, 400, 'a date in another format is rejected');
    } finally {
      await h.tl.close();
    }
  });

  it('with gamification off shows no badges and awards nothing', async () => {
    const h = await start({ portal: { gamification: false } });
    try {
      const user = await h.api.signup({ login: 'gamer' });
      assert.throws(
        () => h.tl.simulator.unlockBadge(String(user.id), { name: 'Activity Newbie' }),
        /Gamification is switched off/
      );
      assert.throws(() => h.tl.simulator.levelUp(String(user.id)), /Gamification is switched off/);
      h.tl.state.addBadge({ user_id: String(user.id), name: 'Seeded' });
      assert.deepEqual((await h.api.json(`users/id:${user.id}`)).badges, []);
      assert.deepEqual(await h.api.json('gettimeline/event_type:user_unlock_badge'), []);
      h.tl.configure({ portal: { gamification: true } });
      assert.equal(((await h.api.json(`users/id:${user.id}`)).badges as Json[])[0].name, 'Seeded');
    } finally {
      await h.tl.close();
    }
  });

  it('reports portal totals in siteinfo', async () => {
    const h = await start({ portal: { signupMethod: 'email', verification: 'email', branchLimit: 1 } });
    try {
      h.tl.state.addCourse({ name: 'A' });
      h.tl.state.addCourse({ name: 'B', deleted: true });
      h.tl.state.addGroup({ name: 'G' });
      const site = await h.api.json('siteinfo');
      assert.equal(site.total_users, '1');
      assert.equal(site.total_courses, '1', 'deleted courses do not count');
      assert.equal(site.total_groups, '1');
      assert.equal(site.signup_method, 'email');
      assert.equal(site.verification, 'email');
      assert.deepEqual(site.limits, { maximum_brances: 1 });
      h.tl.simulator.login('1');
      assert.equal((await h.api.json('siteinfo')).monthly_active_users, '1');
    } finally {
      await h.tl.close();
    }
  });
});
