import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTalentLmsEmulator, type TalentLmsEmulator } from '../../emulators/talentlms';
import { CallMeter } from '../src/core/callMeter';
import { ManualClock } from '../src/core/clock';
import { SyncError } from '../src/core/errors';
import { silentLogger } from '../src/core/logger';
import { Redactor } from '../src/core/redact';
import { readUsers, UNPAGED_USERS_LIMIT } from '../src/engine/provision/talentlmsReader';
import { TalentLmsClient } from '../src/talentlms/client';
import { encodeParamValue, v1Path } from '../src/talentlms/params';
import { QuotaGovernor } from '../src/talentlms/quota';
import { asEpochMs, asFlag, asInt, decodeHtml } from '../src/talentlms/values';

const KEY = 'client-test-key-0123456789';

describe('TalentLMS value tolerance and parameters', () => {
  it('reads strings and numbers alike', () => {
    assert.equal(asInt('42'), 42);
    assert.equal(asInt(42), 42);
    assert.equal(asInt(''), null);
    assert.equal(asInt(null), null);
    assert.equal(asEpochMs('1519743871'), 1_519_743_871_000);
    assert.equal(asEpochMs(0), null, '0 means never');
    assert.equal(asFlag('1'), true);
    assert.equal(asFlag('off'), false);
    assert.equal(decodeHtml('Sales &amp; Marketing &#36;0 &quot;x&quot;'), 'Sales & Marketing $0 "x"');
  });

  it('builds key:value paths with values that cannot change the pairs', () => {
    assert.equal(v1Path('users', { id: 5 }), '/api/v1/users/id:5');
    assert.equal(
      v1Path('usersetstatus', { user_id: 7, status: 'inactive' }),
      '/api/v1/usersetstatus/user_id:7,status:inactive'
    );
    assert.equal(v1Path('users', { email: 'jo@x.com' }), '/api/v1/users/email:jo@x.com');
    assert.equal(encodeParamValue('a,b:c/d'), 'a%2Cb%3Ac%2Fd');
    assert.throws(() => v1Path('../users'), /Not a TalentLMS v1 endpoint/);
  });
});

describe('TalentLmsClient against the emulator over HTTP', () => {
  let emulator: TalentLmsEmulator;
  const clock = new ManualClock(Date.UTC(2026, 0, 15, 9), { autoAdvance: true });

  before(async () => {
    emulator = await startTalentLmsEmulator({ clock, apiKey: KEY, plan: { hourlyLimit: 2000 } });
  });
  after(() => emulator.close());

  function client(apiKey = KEY, meter = new CallMeter()) {
    return new TalentLmsClient({
      baseUrl: emulator.baseUrl,
      apiKey,
      clock,
      logger: silentLogger,
      meter,
      redactor: new Redactor()
    });
  }

  it('checks the key with the free /ratelimit and meters nothing for it', async () => {
    emulator.calls.reset();
    const meter = new CallMeter();
    const rate = await client(KEY, meter).rateLimit();
    assert.equal(rate.limit, 2000);
    assert.ok(rate.remaining <= 2000 && rate.remaining > 0);
    assert.ok(rate.resetAt > clock.now() - 1000, 'reset is an epoch in the future (ms)');
    assert.equal(meter.total('talentlms'), 0);
    assert.equal(emulator.calls.snapshot().total, 0, 'the emulator did not count it either');
  });

  it('lists users in one unpaged call up to 20,000 portal users, and pages at 1,000 above or when unknown', async () => {
    // Paged requests fail here, so only a read that never pages can succeed.
    const paging = emulator.faults.add({ kind: 'status', status: 500, route: 'page_size' });
    try {
      const users = await readUsers(client(), UNPAGED_USERS_LIMIT);
      assert.ok(users.length >= 1, 'the portal owner at least');
      await assert.rejects(readUsers(client(), UNPAGED_USERS_LIMIT + 1), 'a larger portal is paged');
      await assert.rejects(readUsers(client(), null), 'an unknown size is paged');
    } finally {
      emulator.faults.remove(paging.id);
    }
    const paged = await readUsers(client(), null);
    assert.deepEqual(
      paged.map((user) => user.id),
      (await readUsers(client(), 1)).map((user) => user.id),
      'paged and unpaged reads list the same users'
    );
  });

  it('maps a wrong key to TALENTLMS_AUTH_INVALID_KEY (exit 2) without leaking it', async () => {
    await assert.rejects(client('wrong-key-000000000').rateLimit(), (error: unknown) => {
      assert.ok(error instanceof SyncError);
      assert.equal(error.code, 'TALENTLMS_AUTH_INVALID_KEY');
      assert.equal(error.exitCode, 2);
      assert.doesNotMatch(JSON.stringify({ m: error.message, d: error.data }), /wrong-key/);
      return true;
    });
  });

  it('meters exactly what the emulator counts, errors included, and maps documented messages to codes', async () => {
    emulator.calls.reset();
    const meter = new CallMeter();
    const tl = client(KEY, meter);
    const users = await tl.get<unknown[]>('users');
    assert.ok(Array.isArray(users));
    await assert.rejects(tl.get('users', { id: 999999 }), (error: unknown) => {
      assert.ok(error instanceof SyncError);
      assert.equal(error.code, 'TALENTLMS_USER_NOT_FOUND');
      return true;
    });
    await tl.get('siteinfo');
    assert.equal(meter.total('talentlms'), 3);
    assert.equal(emulator.calls.snapshot().total, 3);
  });

  it('retries a GET answered 503 and counts every attempt, like the API does', async () => {
    emulator.calls.reset();
    const meter = new CallMeter();
    const rule = emulator.faults.add({ kind: 'status', status: 503, route: 'siteinfo', times: 2 });
    const info = await client(KEY, meter).get<{ date_format?: string }>('siteinfo');
    emulator.faults.remove(rule.id);
    assert.ok(info.date_format);
    assert.equal(meter.total('talentlms'), 3, 'two 503s and the success');
    assert.equal(emulator.calls.snapshot().total, 3);
  });

  it('stops cleanly (quota, exit 3) when TalentLMS keeps answering 429 after the burst wait', async () => {
    emulator.calls.reset();
    const meter = new CallMeter();
    const rule = emulator.faults.add({ kind: 'status', status: 429, route: 'siteinfo' });
    try {
      await assert.rejects(client(KEY, meter).get('siteinfo'), (error: unknown) => {
        assert.ok(error instanceof SyncError);
        assert.equal(error.code, 'TALENTLMS_QUOTA_SPENT');
        assert.equal(error.exitCode, 3);
        return true;
      });
    } finally {
      emulator.faults.remove(rule.id);
    }
    assert.equal(meter.total('talentlms'), 3, 'every 429 is a call');
    assert.equal(emulator.calls.snapshot().total, 3);
  });

  it('stops at the quota share with the governor, counting the same as the emulator', async () => {
    emulator.calls.reset();
    const meter = new CallMeter();
    const tl = client(KEY, meter);
    const start = await tl.rateLimit();
    // A share that leaves exactly 5 calls for us from what is remaining now.
    const share = (start.limit - start.remaining + 5) / start.limit;
    const governor = new QuotaGovernor({
      share,
      clock,
      logger: silentLogger,
      readRateLimit: () => tl.rateLimit()
    });
    tl.useGovernor(governor);
    let made = 0;
    await assert.rejects(
      (async () => {
        for (;;) {
          await tl.get('siteinfo');
          made += 1;
        }
      })(),
      (error: unknown) => error instanceof SyncError && error.code === 'TALENTLMS_QUOTA_SPENT'
    );
    assert.ok(made >= 4 && made <= 5, `made ${made} calls`);
    assert.equal(meter.total('talentlms'), emulator.calls.snapshot().total);
  });
});
