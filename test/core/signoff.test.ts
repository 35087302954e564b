// The sign-off queue and which item an --item spec names.
import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import {
  awaitingSignoff,
  findSignoffTarget,
  sameSigner,
  selfSignoffWarning,
  signedContent,
  signoffQueue,
  signoffRefusal,
} from '../../src/core/workflow/signoff.js';
import { stage5Case } from '../rules/fixtures-later-stages.js';
import { AS_OF, stage1Case } from '../rules/harness.js';
import { present } from '../present.js';

function unsignedRc2Twice(): CaseData {
  const data = stage5Case();
  const [rc1, rc2, rc3] = data.classifications!;
  const { signed_off: _s, ...bare } = present(rc2, 'the second classification');
  return { ...data, classifications: [present(rc1), bare, { ...bare, date: '2026-03-01', level: 'low' }, present(rc3)] };
}

describe('sign-off queue', () => {
  it('lists only written work without sign-off, dated on or before the as-of date', () => {
    const data = stage1Case();
    data.tasks.written_assessment = { status: 'in_progress' };
    expect(awaitingSignoff('A', data, AS_OF)).toEqual([]);
    data.tasks.written_assessment = { status: 'done', date: '2026-10-20', by: 'SW T.T.' };
    expect(awaitingSignoff('A', data, AS_OF)).toEqual([
      expect.objectContaining({ caseId: 'A', item: 'written_assessment', pointer: '/tasks/written_assessment', waitingDays: 12, manager: 'TM T.M.' }),
    ]);
    expect(awaitingSignoff('A', data, '2026-10-19')).toEqual([]);
  });

  it('orders the queue oldest first, then by case id', () => {
    const queue = signoffQueue(
      [
        { id: 'B', data: unsignedRc2Twice() },
        { id: 'A', data: unsignedRc2Twice() },
      ],
      AS_OF,
    );
    expect(queue.map((q) => `${q.date} ${q.caseId} ${q.pointer}`)).toEqual([
      '2026-02-20 A /classifications/1',
      '2026-02-20 B /classifications/1',
      '2026-03-01 A /classifications/2',
      '2026-03-01 B /classifications/2',
    ]);
  });
});

describe('findSignoffTarget and signoffRefusal', () => {
  it('a kind with a point names the one item still waiting; several are ambiguous', () => {
    const data = unsignedRc2Twice();
    expect(findSignoffTarget(data, 'classification:rc2_d3')).toEqual({ error: expect.stringContaining('ambiguous: 2 rc2_d3 classifications') });
    expect(findSignoffTarget(data, '/classifications/2')).toMatchObject({ target: { kind: 'classification', point: 'rc2_d3', date: '2026-03-01' } });
    expect(findSignoffTarget(data, 'classification:rc1_d2')).toMatchObject({ target: { signedOff: { by: 'TM T.M.' } } });
    expect(findSignoffTarget(data, 'decision')).toEqual({ error: 'every decision in the case is already signed off' });
    expect(findSignoffTarget(data, '/agreement')).toEqual({ error: expect.stringContaining('is not a written assessment, classification or decision') });
    expect(findSignoffTarget(data, 'decision:rc9')).toEqual({ error: expect.stringContaining('unknown decision point "rc9"') });
  });

  it('refuses a sign-off of signed work or dated before the work; a sign-off by the recorder is warned about, not refused', () => {
    const data = unsignedRc2Twice();
    const t = (spec: string) => {
      const found = findSignoffTarget(data, spec);
      if ('error' in found) throw new Error(found.error);
      return found.target;
    };
    expect(signoffRefusal(data, t('/classifications/2'), 'tm a.o.', '2026-11-02')).toBeUndefined();
    expect(selfSignoffWarning(t('/classifications/2'), 'tm a.o.')).toBe(
      'tm a.o. is signing off the rc2_d3 classification of 2026-03-01 (/classifications/2), which TM A.O. recorded: a self sign-off is not an independent check of the work',
    );
    expect(selfSignoffWarning(t('/classifications/2'), 'TM X.Y.')).toBeUndefined();
    expect(signoffRefusal(data, t('/classifications/0'), 'TM X.Y.', '2026-11-02')).toMatch(/already signed off by TM T\.M\. on 2025-10-29/);
    expect(signoffRefusal(data, t('/classifications/2'), 'TM X.Y.', '2026-02-01')).toMatch(/before the rc2_d3 classification of 2026-03-01/);
    expect(signoffRefusal(data, t('/classifications/2'), 'TM X.Y.', '2026-11-02')).toBeUndefined();
  });

  it('reads what a sign-off signs from the record, filling nothing in', () => {
    const data = unsignedRc2Twice();
    const c = data.classifications!;
    c[2] = { ...c[2]!, level: 'medium', suggested: 'low', override_category: 'information_not_captured' };
    expect(signedContent(data, ['classifications', 2], { asOf: AS_OF })).toEqual({
      level: 'medium',
      suggested: 'low',
      override: true,
      overrideCategory: 'information_not_captured',
      sharedBefore: [],
    });
    const { suggested: _s, ...noSuggestion } = c[1]!;
    c[1] = noSuggestion;
    // no suggestion recorded: whether it is an override is not known, so it is not said
    expect(signedContent(data, ['classifications', 1], { asOf: AS_OF })).toEqual({ level: c[1].level, sharedBefore: [] });
    const d = data.decisions!;
    d[0] = { ...d[0]!, shared: [{ party: 'mum', date: '2026-10-30' }, { party: 'child' }, { party: 'iro', date: '2026-11-01' }] };
    expect(signedContent(data, ['decisions', 0], { signDate: '2026-11-01' })).toEqual({
      outcome: d[0].outcome,
      sharedBefore: [{ party: 'mum', date: '2026-10-30' }],
    });
    expect(signedContent(data, ['decisions', 0], { asOf: '2026-11-01' }).sharedBefore).toEqual([
      { party: 'mum', date: '2026-10-30' },
      { party: 'iro', date: '2026-11-01' },
    ]);
    data.tasks.written_assessment = { status: 'done', date: '2026-10-20', by: 'SW T.T.' };
    expect(signedContent(data, ['tasks', 'written_assessment'], { asOf: AS_OF })).toEqual({ sharedBefore: [] });
  });

  it('compares names as people write them', () => {
    expect(sameSigner('TM A.O.', 'tm  a.o.')).toBe(true);
    expect(sameSigner('TM A.O.', 'TM A O')).toBe(true);
    expect(sameSigner('TM A.O.', 'TM A.B.')).toBe(false);
  });
});
