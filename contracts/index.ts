import type { z } from 'zod';
import type { activitySchemas, ActivityOutputs } from './activity';
import type { lectureSchemas, LectureOutputs } from './lecture';
import type { identitySchemas, IdentityOutputs } from './identity';
import type { pointsSchemas, PointsOutputs } from './points';
import type { rosterSchemas, RosterOutputs } from './roster';
import type { developSchemas, DevelopOutputs } from './develop';
import type { taskSchemas, TaskOutputs } from './tasks';
import type { noticeSchemas, NoticeOutputs } from './notice';

export * from './common';
export * from './identity';
export * from './roster';
export * from './points';
export * from './activity';
export * from './lecture';
export * from './my-data';
export * from './develop';
export * from './tasks';
export * from './notice';

/** Every function's input schemas, by function and action (the server validates with these). */
export interface Schemas {
  identity: typeof identitySchemas;
  roster: typeof rosterSchemas;
  points: typeof pointsSchemas;
  activity: typeof activitySchemas;
  lecture: typeof lectureSchemas;
  develop: typeof developSchemas;
  tasks: typeof taskSchemas;
  notice: typeof noticeSchemas;
}

export interface Outputs {
  identity: IdentityOutputs;
  roster: RosterOutputs;
  points: PointsOutputs;
  activity: ActivityOutputs;
  lecture: LectureOutputs;
  develop: DevelopOutputs;
  tasks: TaskOutputs;
  notice: NoticeOutputs;
}

export type FunctionName = keyof Schemas & keyof Outputs;
export type ActionName<F extends FunctionName> = keyof Schemas[F] & keyof Outputs[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Schemas[F][A] extends z.ZodTypeAny
  ? z.input<Schemas[F][A]>
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Outputs[F][A];
