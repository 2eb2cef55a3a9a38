import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../src/core/clock';
import { createLogger } from '../src/core/logger';
import { Redactor } from '../src/core/redact';

describe('Redactor', () => {
  it('removes secrets in plain, URL-encoded and Basic-auth forms', () => {
    const redactor = new Redactor();
    redactor.add('s3cr3t/key+1');
    const text = `a s3cr3t/key+1 b ${encodeURIComponent('s3cr3t/key+1')} c Basic ${Buffer.from('s3cr3t/key+1:').toString('base64')}`;
    assert.equal(redactor.redact(text), 'a [redacted] b [redacted] c Basic [redacted]');
  });

  it('blanks secret-named keys and redacts nested strings and errors', () => {
    const redactor = new Redactor();
    redactor.add('tok-123456');
    const out = redactor.redactValue({
      clientSecret: 'anything',
      nested: [{ note: 'has tok-123456 inside' }],
      error: new Error('bad tok-123456')
    });
    assert.deepEqual(out, {
      clientSecret: '[redacted]',
      nested: [{ note: 'has [redacted] inside' }],
      error: { name: 'Error', message: 'bad [redacted]' }
    });
  });

  it('ignores values too short to be secrets (they would blank ordinary text)', () => {
    const redactor = new Redactor();
    redactor.add('ab');
    assert.equal(redactor.redact('abc'), 'abc');
  });
});

describe('logger', () => {
  it('writes one JSON object per line with the level, the nested name and redacted fields', () => {
    const lines: string[] = [];
    const redactor = new Redactor();
    redactor.add('api-key-999');
    const root = createLogger('tlms-sync', {
      level: 'info',
      clock: new ManualClock(Date.UTC(2026, 0, 1)),
      write: (line) => lines.push(line),
      redactor
    });
    const child = root.child('engine', { runId: 'r1' }).child('lock');
    child.debug('dropped below the level');
    child.info('acquired', { header: 'Basic api-key-999' });
    assert.equal(lines.length, 1);
    assert.ok(lines[0].endsWith('\n'));
    assert.deepEqual(JSON.parse(lines[0]), {
      time: '2026-01-01T00:00:00.000Z',
      level: 'info',
      logger: 'tlms-sync.engine.lock',
      msg: 'acquired',
      runId: 'r1',
      header: 'Basic [redacted]'
    });
  });
});
