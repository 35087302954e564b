import { names, ownedTexts, placeIn, protectedPeople, readerOf, whereaboutsIn } from '../../copies/familyCopy.js';
import type { CaseRule, RuleProblem } from '../types.js';

export const protectedPersonNamed: CaseRule = {
  id: 'case/protected-person-named',
  scope: 'case',
  defaultSeverity: 'warning',
  description:
    'A person with a protected address, or someone another person poses a risk to, is not named (however the name is written) in text a family copy would show someone else; text a copy for someone who poses a risk would show, or a section every copy shows, says nothing of where anyone is',
  docs: {
    why:
      'Family copies (report --for) show each reader their own records and what is marked as shared with them. A person whose address is protected, or who is protected from someone by a court order, safety plan or MARAC (people[].risk_to), can be put at risk by what that text says about them: where they go, who they see, what they reported. ' +
      'A copy for the person who poses the risk, and any copy where the person named has a protected address, leaves such text out and says it was withheld; other copies show it. The name is found as a reader of the copy reads it: through HTML entities (`Ms&nbsp;F`, `M&#115; F`), inline Markdown (`**Ms** F`, `Ms\\_F`, link text), other spellings and everyday words ("her ex"). ' +
      'Text that says where someone is (an address, a flat number, a phone number, a what3words address, map coordinates, a workplace, a refuge, an IDVA or a MARAC) is withheld from every family copy, and text about moves, reports to the police or statements from a copy for someone who poses a risk; the rule says so for a field a copy for such a reader would show, and for a paragraph of a section every family copy shows. Rewrite the text so that it is about the reader alone, or take the reader out of share_with.',
    fails:
      'people:\n  - { id: mum, ref: "Ms F", relation: mother, pr: true }\n  - { id: dad, ref: "Mr F", relation: father, pr: true, risk_to: [ { id: mum, basis: court_order } ] }\nagreement:\n  parents: [ { person: mum }, { person: dad } ]\n  goals:\n    - { id: g1, person: dad, goal: "Mr F stays away from Ms F\'s home" }',
    passes:
      'people:\n  - { id: mum, ref: "Ms F", relation: mother, pr: true }\n  - { id: dad, ref: "Mr F", relation: father, pr: true, risk_to: [ { id: mum, basis: court_order } ] }\nagreement:\n  parents: [ { person: mum }, { person: dad } ]\n  goals:\n    - { id: g1, person: dad, goal: "Mr F keeps to the terms of the court order" }',
  },
  check(view, ctx) {
    const { data } = view;
    const guarded = protectedPeople(data);
    if (guarded.length === 0) return [];
    const problems: RuleProblem[] = [];
    for (const reader of ['child', ...(data.people ?? []).map((p) => p.id)]) {
      const r = readerOf(data, reader, [...ctx.config.redact.places, ...ctx.config.redact.schools]);
      for (const field of ownedTexts(data, r)) {
        let named = false;
        for (const p of guarded) {
          if (p.id === reader || !names(field.text, p, { data, reader: r })) continue;
          named = true;
          const why = r.riskTo.has(p.id)
            ? `${reader} poses a risk to ${p.id}, so the copy withholds it`
            : p.protected_address
              ? `${p.id} has a protected address, so the copy withholds it`
              : `someone in the case poses a risk to ${p.id}`;
          problems.push({
            path: field.path,
            message: `names ${p.id} in text the family copy for ${reader} would show as theirs (${why}); keep it to what ${reader} needs to know`,
          });
        }
        // where someone is, or who reported what, in text for a reader who poses a risk to someone
        const found = r.riskTo.size > 0 && !named ? whereaboutsIn(field.text, r.places) : undefined;
        if (found !== undefined) {
          problems.push({
            path: field.path,
            message: `says where someone is or who reported what ("${found.trim()}") in text the family copy for ${reader} would show as theirs (${reader} poses a risk to ${[...r.riskTo].join(', ')}, so the copy withholds it); keep it to what ${reader} needs to know`,
          });
        }
      }
    }
    // body sections every family copy shows: a paragraph naming a protected person is withheld from every reader
    const shown = new Set((ctx.config.report.family_sections ?? []).map((h) => h.trim().toLowerCase()));
    for (const s of view.sections()) {
      if (!shown.has(s.heading.trim().toLowerCase())) continue;
      for (const p of guarded) {
        if (s.content.split(/\n\s*\n/).some((para) => names(para, p, { data }))) {
          problems.push({
            path: '',
            message: `names ${p.id} in "## ${s.heading.trim()}", a section family copies show; family copies for anyone but ${p.id} withhold that paragraph, so write it about the child and the plan alone`,
          });
        }
      }
      for (const para of s.content.split(/\n\s*\n/)) {
        const found = placeIn(para);
        if (found !== undefined)
          problems.push({
            path: '',
            message: `says where someone is ("${found.trim()}") in "## ${s.heading.trim()}", a section family copies show; every family copy withholds that paragraph, so write it about the child and the plan alone`,
          });
      }
    }
    return problems;
  },
};
