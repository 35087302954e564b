// The CI examples are valid for the services that read them. The GitHub workflow is parsed
// and checked by GitHub's own workflow parser (@actions/workflow-parser, the package behind
// the GitHub Actions language service, with GitHub's published workflow schema). GitLab
// publishes its CI schema only in its own repository; the GitLab example is validated
// against it by gitlab-ci-local in test/package/install.test.ts (npm run test:install, it
// needs the registry and Node 22), and here, quickly, for the keys it uses.
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../cli/run.js';
import { present } from '../present.js';

async function workflowErrors(content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: 'reunify.yml', content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parsed.value) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    errors.push(...(template.errors ?? []).map((e) => e.Message));
  }
  return [...new Set(errors)];
}

describe('examples/ci/github/reunify.yml', () => {
  const content = readFileSync(join(ROOT, 'examples/ci/github/reunify.yml'), 'utf8');

  it("is a valid workflow by GitHub's workflow schema", async () => {
    expect(await workflowErrors(content)).toEqual([]);
  });

  it('the check fails on what the schema forbids', async () => {
    expect(await workflowErrors(content.replace('runs-on:', 'run-on:'))).not.toEqual([]);
    expect(await workflowErrors(content.replace('continue-on-error: true', 'continue-on-eror: true'))).not.toEqual([]);
  });

  it('uses current major versions of the actions and a supported Node LTS', () => {
    const uses = [...content.matchAll(/uses: (\S+)/g)].map((m) => m[1]);
    expect(uses).toEqual(['actions/checkout@v6', 'actions/setup-node@v6', 'github/codeql-action/upload-sarif@v4']);
    expect(content).toMatch(/node-version: (22|24)\n/);
  });
});

describe('examples/ci/gitlab-ci.yml (its keys; the schema check is in test:install)', () => {
  const config = parse(readFileSync(join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8')) as Record<string, Record<string, unknown>>;
  // Job keywords from GitLab's CI reference that this example may use.
  const JOB_KEYS = new Set([
    'image',
    'script',
    'before_script',
    'after_script',
    'artifacts',
    'rules',
    'stage',
    'variables',
    'cache',
    'tags',
    'needs',
    'allow_failure',
    'when',
  ]);
  const ARTIFACT_KEYS = new Set(['when', 'reports', 'paths', 'expire_in', 'name', 'expose_as']);

  it('one job, with only known keywords and a supported Node LTS image', () => {
    expect(Object.keys(config)).toEqual(['reunify']);
    const job = present(config.reunify, 'the reunify job');
    expect(Object.keys(job).filter((k) => !JOB_KEYS.has(k))).toEqual([]);
    expect(job.image).toMatch(/^node:(22|24)$/);
    expect(Array.isArray(job.script) && (job.script as unknown[]).every((l) => typeof l === 'string')).toBe(true);
    const artifacts = job.artifacts as Record<string, unknown>;
    expect(Object.keys(artifacts).filter((k) => !ARTIFACT_KEYS.has(k))).toEqual([]);
    expect(['on_success', 'on_failure', 'always']).toContain(artifacts.when);
    expect(Object.keys(artifacts.reports as object)).toEqual(['junit']);
  });
});
