// Which factor entries stand on a date. `factors` is a dated log: a later entry for the
// same factor and person (e.g. `absent` once police checks come back) supersedes an
// earlier one (`unknown`). The classification engine and the rules about factors read
// the log the same way, through these functions, and so do the status view's post-return
// alerts and supervision's question about a new adult in the household.
import type { CaseData, FactorEntry, IsoDate } from '../model/caseTypes.js';
import { latestOnOrBefore } from '../text/dates.js';
import type { FactorStatus } from '../model/ids.js';

export interface IndexedFactorEntry {
  entry: FactorEntry;
  /** Index in the case's `factors` list. */
  index: number;
}

/**
 * Among entries for one factor, the one that stands for each person (entries without a
 * person are one group): the latest by `as_of`, undated entries counting as the oldest
 * and a tie going to the later entry in the file. Returned in file order.
 */
export function standingEntries(entries: readonly IndexedFactorEntry[]): IndexedFactorEntry[] {
  const byPerson = new Map<string, IndexedFactorEntry[]>();
  for (const e of entries) {
    const key = e.entry.person ?? '';
    const list = byPerson.get(key);
    if (list) list.push(e);
    else byPerson.set(key, [e]);
  }
  const standing: IndexedFactorEntry[] = [];
  for (const list of byPerson.values()) {
    const found = latestOnOrBefore(
      list.map((e) => ({ date: e.entry.as_of ?? '', e })),
      undefined,
    );
    if (found) standing.push(found.item.e);
  }
  return standing.sort((a, b) => a.index - b.index);
}

/** Every factor entry that stands on `asOf` (entries dated later are left out), in file order. */
export function currentFactorEntries(data: CaseData, asOf: IsoDate): IndexedFactorEntry[] {
  const byFactor = new Map<string, IndexedFactorEntry[]>();
  (data.factors ?? []).forEach((entry, index) => {
    if (entry.as_of !== undefined && entry.as_of > asOf) return;
    const list = byFactor.get(entry.id);
    if (list) list.push({ entry, index });
    else byFactor.set(entry.id, [{ entry, index }]);
  });
  return [...byFactor.values()].flatMap(standingEntries).sort((a, b) => a.index - b.index);
}

const CONCERN: Record<FactorStatus, number> = { absent: 0, unknown: 1, partly: 2, present: 3 };

/**
 * What is of concern about a factor on `asOf`: among its entries that stand then (one per
 * person, as `currentFactorEntries` reads them), the most serious status that is not
 * `absent` (`present`, then `partly`, then `unknown`: missing information is never
 * safety). Undefined when no entry stands, or every standing entry is `absent`.
 */
export function factorConcern(data: CaseData, factor: string, asOf: IsoDate): FactorStatus | undefined {
  let worst: FactorStatus | undefined;
  for (const { entry } of currentFactorEntries(data, asOf)) {
    if (entry.id !== factor || entry.status === 'absent') continue;
    if (worst === undefined || CONCERN[entry.status] > CONCERN[worst]) worst = entry.status;
  }
  return worst;
}
