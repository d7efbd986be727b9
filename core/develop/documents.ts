import type { DevelopConfig } from '../../contracts/develop';
import type { Extension, StepRecord } from './rules';

/**
 * `candidates/<id>`: one person's 发展党员 file, from 入党申请 to 转正 and 材料归档. People on the
 * way to membership are kept here rather than on the roster (`members`): they have no identity card,
 * no 党龄 and no vote, and every roster list, quorum and card reads `members`. On admission as
 * 预备党员 a roster entry is made and linked (`memberId`); 转正 makes it a 正式党员.
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
  memberId: string | null;
  /** Every step recorded: off the board. */
  done: boolean;
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
