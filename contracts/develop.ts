import { z } from 'zod';
import { dateSchema, idSchema, nameSchema, phoneSchema } from './common';
import {
  DEFAULT_DEVELOP_RULES,
  DEFAULT_DEVELOP_STEPS,
  DEVELOP_CATEGORIES,
  DEVELOP_CATEGORY_LABELS,
  DEVELOP_STAGE_NAMES,
  DEVELOP_STAGES,
  PROBATION_EXTENSION_MONTHS,
  STEP_ACTORS,
  STEP_MARKS,
  STEP_STATUS_LABELS,
  STEP_STATUSES,
  type DevelopCategory,
  type DevelopConfig,
  type DevelopRule,
  type DevelopStage,
  type DevelopStepDef,
  type Interval,
  type StepActor,
  type StepStatus,
} from './labels/develop';

export {
  DEFAULT_DEVELOP_RULES,
  DEFAULT_DEVELOP_STEPS,
  DEVELOP_CATEGORIES,
  DEVELOP_CATEGORY_LABELS,
  DEVELOP_STAGE_NAMES,
  DEVELOP_STAGES,
  PROBATION_EXTENSION_MONTHS,
  STEP_STATUS_LABELS,
  STEP_STATUSES,
};
export type {
  DevelopCategory,
  DevelopConfig,
  DevelopRule,
  DevelopStage,
  DevelopStepDef,
  Interval,
  StepActor,
  StepStatus,
};

const noteSchema = z.string().trim().min(1, '备注不能为空').max(200, '备注最多 200 个字');
const stepCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, '步骤代码只能包含字母、数字和下划线');
const intervalSchema = z
  .object({ months: z.number().int().min(0).max(120).optional(), days: z.number().int().min(0).max(3650).optional() })
  .strict();

export const developConfigSchema = z
  .object({
    steps: z
      .array(
        z
          .object({
            code: stepCodeSchema,
            name: z.string().trim().min(2, '步骤名称至少 2 个字').max(30, '步骤名称最多 30 个字'),
            stage: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
            by: z.enum(STEP_ACTORS),
            mark: z.enum(STEP_MARKS).optional(),
          })
          .strict(),
      )
      .min(3, '至少 3 个步骤')
      .max(40, '最多 40 个步骤'),
    rules: z
      .array(
        z
          .object({
            step: stepCodeSchema,
            after: stepCodeSchema,
            min: intervalSchema.optional(),
            due: intervalSchema.optional(),
            max: intervalSchema.optional(),
            probation: z.boolean().optional(),
            text: z.string().trim().min(2, '规则说明至少 2 个字').max(60, '规则说明最多 60 个字'),
          })
          .strict(),
      )
      .max(40, '最多 40 条规则'),
  })
  .strict();

export const developSchemas = {
  /** Secretary (or admin): opens a file when someone hands in 入党申请书; `appliedAt` is that step's date. */
  start: z.object({ orgId: idSchema, name: nameSchema, phone: phoneSchema.optional(), appliedAt: dateSchema }).strict(),
  /** Records the file's next step on `at` (a date, China time); refused when it breaks a time rule. */
  recordStep: z
    .object({
      id: idSchema,
      /** The step's code (`talk`), or its name as the list or the 25 steps say it (`派人谈话`). */
      step: z.string().trim().min(1, '请选择步骤').max(40, '步骤最多 40 个字'),
      at: dateSchema,
      note: noteSchema.optional(),
    })
    .strict(),
  get: z.object({ id: idSchema }).strict(),
  /** The people on the way in an org (a committee, branch or group): where each stands, what is overdue. */
  board: z.object({ orgId: idSchema }).strict(),
  /** The committee's pipeline: per branch, how many at each stage and overdue; who is due for 转正 by the month's end. */
  pipeline: z.object({ committeeId: idSchema }).strict(),
  /** 延长预备期 once, by 6 to 12 months, by the 支部大会's decision of `at`. */
  extendProbation: z
    .object({
      id: idSchema,
      months: z
        .number()
        .int()
        .min(
          PROBATION_EXTENSION_MONTHS.min,
          `预备期延长 ${PROBATION_EXTENSION_MONTHS.min} 至 ${PROBATION_EXTENSION_MONTHS.max} 个月`,
        )
        .max(
          PROBATION_EXTENSION_MONTHS.max,
          `预备期延长 ${PROBATION_EXTENSION_MONTHS.min} 至 ${PROBATION_EXTENSION_MONTHS.max} 个月`,
        ),
      at: dateSchema,
      note: noteSchema,
    })
    .strict(),
  /** The committee's step list and rules (the default until its admin sets its own), for an org in it. */
  config: z.object({ orgId: idSchema }).strict(),
  /** Committee admin: replaces the committee's step list and rules; files already opened keep theirs. */
  setSteps: z.object({ committeeId: idSchema, config: developConfigSchema }).strict(),
};

export interface DevelopStepView {
  step: string;
  name: string;
  stage: DevelopStage;
  by: StepActor;
  /** The date recorded, or null. */
  at: string | null;
  status: StepStatus;
  note: string | null;
  /** For the next step: the earliest date the rules allow, and the date it is due by (null: no rule). */
  earliest: string | null;
  due: string | null;
}

export interface DevelopBoardItem {
  id: string;
  name: string;
  stage: DevelopStage;
  category: DevelopCategory;
  /** The next step's code, null once the file is complete. */
  nextStep: string | null;
  nextStepName: string | null;
  due: string | null;
  overdue: boolean;
  orgName: string;
}

export interface DevelopOutputs {
  start: { id: string };
  recordStep: { id: string; stage: DevelopStage; nextStep: string | null; memberId: string | null };
  get: {
    id: string;
    name: string;
    phone: string | null;
    orgId: string;
    orgName: string;
    stage: DevelopStage;
    category: DevelopCategory;
    nextStep: string | null;
    overdue: boolean;
    /** The roster entry made on admission as 预备党员. */
    memberId: string | null;
    extension: { months: number; at: string; note: string } | null;
    steps: DevelopStepView[];
    /** Whether the caller may record steps and extend the 预备期. */
    canRecord: boolean;
  };
  board: { items: DevelopBoardItem[] };
  pipeline: {
    /** Every branch of the committee (not archived), in pinyin order. */
    branches: Array<{
      orgId: string;
      name: string;
      /** Open files at stages 1 … 5 (入党申请, 积极分子, 发展对象, 接收预备党员, 教育考察和转正). */
      stages: [number, number, number, number, number];
      total: number;
      overdue: number;
    }>;
    /** 预备党员 whose 预备期 ends by the end of this month (China time) and who are not yet 转正, earliest first. */
    dueForFull: Array<{ id: string; name: string; orgId: string; orgName: string; probationEnds: string }>;
  };
  extendProbation: { id: string; months: number };
  config: DevelopConfig & { committeeId: string; custom: boolean };
  setSteps: { committeeId: string };
}
