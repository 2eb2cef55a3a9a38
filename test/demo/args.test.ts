import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PREVIEW_PORT, DemoUsageError, parseDemoArgs } from '../../scripts/demo/args';

describe('npm run demo: command line', () => {
  it('serves on the default port unless told otherwise', () => {
    assert.deepEqual(parseDemoArgs([], {}), {
      serve: true,
      json: false,
      port: DEFAULT_PREVIEW_PORT,
      portExplicit: false,
      help: false
    });
  });

  it('reads --no-serve, --json and --port in both spellings', () => {
    const args = parseDemoArgs(['--no-serve', '--json', '--port', '0'], {});
    assert.equal(args.serve, false);
    assert.equal(args.json, true);
    assert.equal(args.port, 0);
    assert.equal(args.portExplicit, true, 'a chosen port is never swapped for another');
    assert.equal(parseDemoArgs(['--port=5000'], {}).port, 5000);
  });

  it('takes the port from TLMS_PREVIEW_PORT as npm run preview does, and counts it as chosen', () => {
    const args = parseDemoArgs([], { TLMS_PREVIEW_PORT: '4999' });
    assert.equal(args.port, 4999);
    assert.equal(args.portExplicit, true);
  });

  it('refuses what it does not know, saying what it takes', () => {
    assert.throws(() => parseDemoArgs(['--linked'], {}), /Unknown option --linked\nusage: npm run demo/);
    assert.throws(() => parseDemoArgs(['--port'], {}), /--port needs a value/);
    assert.throws(() => parseDemoArgs(['--port', '70000'], {}), /from 0 to 65535/);
    assert.throws(() => parseDemoArgs(['--port', 'abc'], {}), DemoUsageError);
    assert.throws(() => parseDemoArgs([], { TLMS_PREVIEW_PORT: 'x' }), /TLMS_PREVIEW_PORT takes a port/);
  });
});
