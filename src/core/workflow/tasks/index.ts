// Every task's flow, by task id.
import type { TaskFlow } from '../flow.js';
import { STAGE1_FLOWS } from './stage1.js';
import { STAGE2_FLOWS } from './stage2.js';
import { STAGE3_FLOWS } from './stage3.js';
import { STAGE4_FLOWS, STAGE5_FLOWS } from './stage45.js';

export const TASK_FLOWS: ReadonlyMap<string, TaskFlow> = new Map(
  [...STAGE1_FLOWS, ...STAGE2_FLOWS, ...STAGE3_FLOWS, ...STAGE4_FLOWS, ...STAGE5_FLOWS].map((f) => [f.task, f]),
);
