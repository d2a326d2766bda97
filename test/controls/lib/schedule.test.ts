import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maxIntervalDays } from '../../../src/controls/lib/schedule.js';

test('rate expressions give their interval in days', () => {
  assert.equal(maxIntervalDays('rate(30 days)'), 30);
  assert.equal(maxIntervalDays('rate(1 day)'), 1);
  assert.equal(maxIntervalDays('rate(12 hours)'), 0.5);
});

test('cron expressions give an upper bound from the months they run in', () => {
  assert.equal(maxIntervalDays('cron(0 16 1 * ? *)'), 31);
  assert.equal(maxIntervalDays('cron(0 8 ? * MON *)'), 7);
  assert.equal(maxIntervalDays('cron(0 0 1 */2 ? *)'), 62);
  assert.equal(maxIntervalDays('cron(0 0 1 */3 ? *)'), 93);
  assert.equal(maxIntervalDays('cron(0 0 1 1,7 ? *)'), 186);
  assert.equal(maxIntervalDays('cron(0 0 1 6 ? *)'), 372);
  assert.equal(maxIntervalDays('cron(0 0 31 * ? *)'), 62);
});

test('expressions that cannot be bounded are left undecided', () => {
  assert.equal(maxIntervalDays('cron(0 0 31 */2 ? *)'), undefined);
  assert.equal(maxIntervalDays('at(2026-01-01T00:00:00)'), undefined);
  assert.equal(maxIntervalDays('cron(0 0 1 * *)'), undefined);
});
