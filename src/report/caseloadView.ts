// The caseload summary (docs/framework.md §6): the status view laid out by
// statusSections — the same view model and order as `reunify status` — completed
// for strict templates. Exceptions name cases by id only, never by name.
import type { ReunifyConfig } from '../core/model/config.js';
import type { StatusLayout } from './statusSections.js';
import type { HeaderView } from './views.js';

export function caseloadView(layout: StatusLayout, config: ReunifyConfig, asOf: string, shared: boolean) {
  const organisation = typeof config.organisation === 'string' ? config.organisation : '';
  const header: HeaderView = {
    title: layout.title,
    caseId: 'Caseload',
    organisation,
    hasOrganisation: organisation.trim() !== '',
    marking: config.report.marking,
    childRef: organisation.trim() !== '' ? organisation : 'Caseload',
    asOf,
    stage: '',
    stageName: '',
    socialWorker: '',
    teamManager: '',
    iro: '',
    isForFamily: false,
    preparedFor: '',
  };
  return {
    header,
    isShared: shared,
    subtitle: layout.subtitle,
    sections: layout.sections.map((s) => ({
      id: s.id,
      title: s.title,
      note: s.note ?? '',
      hasNote: s.note !== undefined && s.note !== '',
      rows: s.rows.map((r) => ({ key: r.key, label: r.label, value: r.value, flag: r.flag === true })),
      hasRows: s.rows.length > 0,
      exceptions: s.exceptions ?? [],
      hasExceptions: (s.exceptions ?? []).length > 0,
    })),
  };
}
