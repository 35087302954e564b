// The cost model as text that shows its arithmetic, and as JSON carrying the same
// figures. Numbers are rounded only for display; JSON keeps them unrounded.
import type { ChalkInstance } from 'chalk';
import { wrap } from './statusTable.js';
import { breakEven, caseloadCosts, COSTS_NOTICE, rateGroups, type CaseloadReturns, type CostFigures } from '../../core/status/costs.js';
import { longDate } from '../../core/text/dateText.js';
import type { Level } from '../../core/model/ids.js';

const whole = (n: number) => Math.round(n).toLocaleString('en-GB');
const oneDp = (n: number) => n.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDp = (n: number) => n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (share: number) => `${oneDp(share * 100)}%`;

function moneyFormatter(currency: string): (n: number) => string {
  try {
    const f = new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    return (n) => f.format(Math.round(n));
  } catch {
    return (n) => `${currency} ${whole(n)}`;
  }
}

export function formatCostsText(
  figures: CostFigures,
  returns: CaseloadReturns | undefined,
  asOf: string,
  c: ChalkInstance,
  levelLabels?: Record<Level, string>,
): string {
  const money = moneyFormatter(figures.currency);
  const f = figures.failedReturn;
  const s = figures.support;
  const be = breakEven(figures);
  const out = [
    c.bold(`Cost model: ${figures.preset}`),
    ...wrap(`Figures per child, in ${figures.currency}: ${figures.source} (${figures.year}).`, 100, 100),
    '',
    c.bold('Per child'),
    `  Failed return (f): a year back in care after the return breaks down   ${money(f).padStart(10)}`,
    `  Support (s): supporting the child and family on return                 ${money(s).padStart(10)}`,
    '',
    c.bold('Break-even'),
    `  Supporting n returns costs n × s; each failed return prevented saves f.`,
    `  Support pays for itself if it prevents one failed return in every`,
    `    f / s = ${whole(f)} / ${whole(s)} = ${oneDp(be.returnsPerFailurePrevented)} returns, about 1 in ${Math.round(be.returnsPerFailurePrevented)},`,
    `  that is, if it cuts the share of returns that fail by`,
    `    s / f = ${whole(s)} / ${whole(f)} = ${be.improvement.toFixed(3)}: ${percent(be.improvement)}, ${oneDp(be.improvement * 100)} fewer failures per 100 returns.`,
    ...wrap(`For comparison, ${percent(figures.breakdownRate)} of returns are taken to break down (${figures.breakdownSource}).`, 98, 96).map(
      (l, i) => (i === 0 ? '  ' : '    ') + l,
    ),
  ];
  if (returns) {
    const n = returns.planned.length + returns.home.length;
    const groups = rateGroups(returns, figures);
    const k = caseloadCosts(n, figures, groups);
    const r = figures.breakdownRate;
    const label = (level: Level) => levelLabels?.[level] ?? level.replace(/_/g, ' ');
    out.push('', c.bold(`This caseload on ${longDate(asOf)}: an illustration, not a forecast`));
    out.push(`  Returns: ${returns.planned.length} planned + ${returns.home.length} home now = ${n}`);
    if (n === 0) {
      out.push('  No planned or actual returns: nothing to set the figures against.');
    } else {
      if (groups.length === 1 && groups[0]?.level === undefined) {
        out.push(`  If these returns broke down at the national rate (${percent(r)}), ${n} × ${twoDp(r)} = ${twoDp(k.expectedFailures)} would fail,`);
      } else {
        out.push('  If these returns broke down at the local rates set for each level:');
        for (const g of groups)
          out.push(
            `    ${g.level === undefined ? 'unclassified, or no local rate: national rate' : label(g.level)}: ${g.returns} × ${twoDp(g.rate)} = ${twoDp(g.returns * g.rate)}`,
          );
        out.push(`  then ${twoDp(k.expectedFailures)} would fail,`);
      }
      out.push(
        `    costing ${twoDp(k.expectedFailures)} × ${money(f)} = ${money(k.expectedFailureCost)}.`,
        `  Support for every return: ${n} × ${money(s)} = ${money(k.supportCost)}`,
        `  Support would pay for itself if it prevented ${money(k.supportCost)} / ${money(f)} = ${twoDp(k.failuresToPrevent)} of those failed returns,`,
        `    i.e. brought the failure rate from ${percent(k.expectedFailures / n)} to ${percent(k.expectedFailures / n)} − ${percent(be.improvement)} = ${percent(k.breakEvenFailureRate)}.`,
      );
    }
  }
  out.push('', ...wrap(`${COSTS_NOTICE} See docs/costs.md for the arithmetic worked by hand and its caveats.`, 100, 100).map((l) => c.dim(l)));
  return out.join('\n') + '\n';
}

export function costsJson(figures: CostFigures, returns: CaseloadReturns | undefined, asOf: string): object {
  const be = breakEven(figures);
  const n = returns ? returns.planned.length + returns.home.length : 0;
  const groups = returns ? rateGroups(returns, figures) : [];
  const k = returns ? caseloadCosts(n, figures, groups) : undefined;
  return {
    version: 1,
    preset: figures.preset,
    source: figures.source,
    year: figures.year,
    currency: figures.currency,
    per_child: { failed_return: figures.failedReturn, support: figures.support },
    break_even: {
      returns_per_failure_prevented: be.returnsPerFailurePrevented,
      improvement: be.improvement,
      arithmetic: [
        `${figures.failedReturn} / ${figures.support} = ${be.returnsPerFailurePrevented.toFixed(2)}`,
        `${figures.support} / ${figures.failedReturn} = ${be.improvement.toFixed(4)}`,
      ],
    },
    breakdown_rate: figures.breakdownRate,
    breakdown_source: figures.breakdownSource,
    breakdown_rate_by_level: figures.ratesByLevel,
    caseload: k
      ? {
          as_of: asOf,
          planned: returns!.planned,
          home: returns!.home,
          returns: n,
          illustration: groups.map((g) => ({ level: g.level ?? null, returns: g.returns, rate: g.rate })),
          expected_failures: k.expectedFailures,
          expected_failure_cost: k.expectedFailureCost,
          support_cost: k.supportCost,
          failures_to_prevent: k.failuresToPrevent,
          break_even_failure_rate: k.breakEvenFailureRate,
        }
      : null,
    notice: COSTS_NOTICE,
  };
}
