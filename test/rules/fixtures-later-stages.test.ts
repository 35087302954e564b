// The shared stage 3 and stage 5 fixtures pass every rule whose tables build on them,
// so each invalid row in those tables fails for the one reason it names.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/index.js';
import { runRule } from './harness.js';
import { BODY_WITH_VIEWS, stage3Case, stage5Case } from './fixtures-later-stages.js';

const GROUPS = /^(timeliness|stage3|stage4|stage5|triggers)\//;

describe('later-stage fixtures are clean', () => {
  for (const [name, build] of [
    ['stage3Case', stage3Case],
    ['stage5Case', stage5Case],
  ] as const) {
    it.each(RULES.filter((r) => GROUPS.test(r.id)).map((r) => [r.id, r]))(`${name} passes %s`, (_id, rule) => {
      expect(runRule(rule, { name, data: build(), body: BODY_WITH_VIEWS })).toEqual([]);
    });
  }
});
