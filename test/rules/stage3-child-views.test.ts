import { childViews } from '../../src/core/rules/stage3/child-views.js';
import { ruleTable, stage1Case } from './harness.js';
import { BODY_WITH_VIEWS, stage3Case, stage5Case } from './fixtures-later-stages.js';

const NO_SECTION = 'case file has no "## Child\'s views" (or "## Voice of the child") section with content';
const withTask = <T extends ReturnType<typeof stage3Case>>(c: T, child_views: object): T => ({ ...c, tasks: { ...c.tasks, child_views } });

ruleTable(childViews, {
  valid: [
    { name: 'stage 3, task done, views written down', data: stage3Case(), body: BODY_WITH_VIEWS },
    { name: 'stage 3, task still in progress', data: withTask(stage3Case(), { status: 'in_progress' }) },
    { name: 'stage 5 with a "Voice of the child" section', data: stage5Case(), body: '## Voice of the child\n\nSays home feels calmer.\n' },
    { name: 'curly apostrophe in the heading', data: stage5Case(), body: '## Child’s views and wishes\n\nWants more time with gran.\n' },
    { name: 'stage 1', data: stage1Case() },
    {
      name: 'closed without a return never reached stage 3',
      data: { ...stage1Case(), stage: 'closed', outcome: { status: 'not_returned', date: '2026-10-01' } },
    },
  ],
  invalid: [
    {
      name: 'stage 3, task done, no section',
      data: stage3Case(),
      problems: [{ path: '/tasks/child_views', message: `task child_views is done but the ${NO_SECTION}`, severity: 'error' }],
    },
    {
      name: 'a heading with nothing under it',
      data: stage3Case(),
      body: "## Child's views\n\n## Analysis\n\nText.\n",
      problems: [{ path: '/tasks/child_views' }],
    },
    {
      name: 'past stage 3 with the task marked not_applicable',
      data: withTask(stage5Case(), { status: 'not_applicable', reason: 'Too young' }),
      body: BODY_WITH_VIEWS,
      problems: [
        {
          path: '/tasks/child_views/status',
          message: /^task child_views is not_applicable but the case is past stage 3: the child's views must be sought and recorded/,
        },
      ],
    },
    {
      name: 'after an unplanned return both gaps are warnings',
      data: { ...withTask(stage5Case(), { status: 'todo' }), return: { ...stage5Case().return, unplanned: true } },
      problems: [
        { path: '/tasks/child_views/status', message: /^task child_views is todo/, severity: 'warning' },
        { path: '/tasks/child_views', message: `the ${NO_SECTION}`, severity: 'warning' },
      ],
    },
  ],
});
