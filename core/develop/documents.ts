import type { DevelopConfig } from '../../contracts/develop';
import type { Extension, StepRecord } from './rules';

/**
 * `candidates/<id>`: one person's 发展党员 file, from 入党申请 to 转正 and 材料归档. The person is on
 * the roster from the day the file is opened (`memberId`: 入党申请人, without 入党日期), and every
 * step recorded keeps the entry's 党员身份 equal to the file's category (`categoryOf`): 入党积极分子,
 * 发展对象, 预备党员 on admission (入党日期 = the 支部大会's date), 正式党员 on 转正. A file opened
 * before that (`memberId` null) gets its entry at its next step.
 */
export interface CandidateDoc {
  _id: string;
  name: string;
  phone: string | null;
  committeeId: string;
  branchId: string;
  groupId: string | null;
  /** The step list and rules in force when the file was opened: a later change of the committee's applies to new files. */
  config: DevelopConfig;
  /** The steps recorded, in the list's order. */
  records: StepRecord[];
  extension: Extension | null;
  /** The roster entry; null only on files opened before people on the way were on the roster, until their next step. */
  memberId: string | null;
  /** Off the board: every step recorded, or the file closed. */
  done: boolean;
  /** 终止发展 (the person withdrew, or is not developed further): when, why, by whom; absent on open files. */
  closed?: { at: string; reason: string; by: string } | null;
  appliedAt: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** `developConfigs/<committeeId>`: the committee's own step list and rules (absent: the default). */
export interface DevelopConfigDoc extends DevelopConfig {
  _id: string;
  updatedBy: string;
  updatedAt: string;
}
