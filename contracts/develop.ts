import { z } from 'zod';
import { dateSchema, idSchema, nameSchema, phoneSchema, reasonSchema, type FileLink } from './common';
import {
  DEFAULT_DEVELOP_RULES,
  DEFAULT_DEVELOP_STEPS,
  DEVELOP_CATEGORIES,
  DEVELOP_CATEGORY_LABELS,
  DEVELOP_STAGE_NAMES,
  DEVELOP_STAGES,
  PEOPLE_STEP_RULES,
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
  type PeopleStepMark,
  type StepActor,
  type StepStatus,
} from './labels/develop';
import type { PersonRef } from './roster';

export {
  DEFAULT_DEVELOP_RULES,
  DEFAULT_DEVELOP_STEPS,
  DEVELOP_CATEGORIES,
  DEVELOP_CATEGORY_LABELS,
  DEVELOP_STAGE_NAMES,
  DEVELOP_STAGES,
  PEOPLE_STEP_RULES,
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
  PeopleStepMark,
  StepActor,
  StepStatus,
};

const noteSchema = z.string().trim().min(1, '备注不能为空').max(200, '备注最多 200 个字');
/** A 培养联系人 or 入党介绍人: picked from the roster (`memberId`), or a name typed in for someone not on it. */
const personSchema = z
  .object({ memberId: idSchema.optional(), name: nameSchema.optional() })
  .strict()
  .refine((p) => !p.memberId !== !p.name, '请从花名册选择，或填写姓名（二选一）');
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
      /** With the step that appoints them (marked `contacts`, by default 指定培养联系人): one or two 正式党员. */
      contacts: z
        .array(personSchema)
        .min(1, '请指定 1 至 2 名培养联系人')
        .max(2, '培养联系人为 1 至 2 名正式党员')
        .optional(),
      /** With the step that fixes them (marked `sponsors`, by default 确定入党介绍人): two 正式党员. */
      sponsors: z.array(personSchema).length(2, '入党介绍人应为 2 名正式党员').optional(),
    })
    .strict(),
  get: z.object({ id: idSchema }).strict(),
  /** 终止发展: the person withdrew, or is not developed further; their roster entry is deactivated with the reason. */
  close: z.object({ id: idSchema, reason: reasonSchema }).strict(),
  /** The people on the way in an org (a committee, branch or group): where each stands, what is overdue. */
  board: z.object({ orgId: idSchema }).strict(),
  /** The committee's pipeline: per branch, how many at each stage and overdue; who is due for 转正 by the month's end. */
  pipeline: z.object({ committeeId: idSchema }).strict(),
  /** The pipeline as a printable workbook: a row per branch, then the people overdue and those due for 转正. */
  exportPipeline: z.object({ committeeId: idSchema }).strict(),
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
  /** The 培养联系人 or 入党介绍人 named with the step, if any. */
  people: PersonRef[];
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
  close: { id: string };
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
    /** The person's roster entry (null only on a file opened before that, until its next step). */
    memberId: string | null;
    /** 培养联系人 and 入党介绍人, as the roster entry holds them. */
    contacts: PersonRef[];
    sponsors: PersonRef[];
    /** The next step names people (`contacts`, `sponsors`): the form asks for them. Null otherwise. */
    nextPeople: { mark: PeopleStepMark; label: string; min: number; max: number; scope: 'branch' | 'committee' } | null;
    /** For that form: the active 正式党员 of the file's branch, to pick from (empty when there is no such step or the caller cannot record). */
    eligible: PersonRef[];
    /** 终止发展: when and why the file was closed; null while it is open. */
    closed: { at: string; reason: string } | null;
    extension: { months: number; at: string; note: string } | null;
    steps: DevelopStepView[];
    /** Whether the caller may record steps, extend the 预备期 and close the file (false once it is closed). */
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
  exportPipeline: FileLink;
  extendProbation: { id: string; months: number };
  config: DevelopConfig & { committeeId: string; custom: boolean };
  setSteps: { committeeId: string };
}
