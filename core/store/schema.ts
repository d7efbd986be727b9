/**
 * Collections and their indexes, declared once. The SQLite adapter creates these indexes at
 * start-up; on CloudBase they are created by hand in the console, from this list (README,
 * "Building and uploading for WeChat"). Every query the handlers run is served by one of these
 * indexes.
 */
export const COLLECTIONS = {
  orgs: { indexes: [['committeeId', 'kind'], ['parentId'], ['createdAt', '_id']] },
  members: {
    indexes: [
      ['branchId', 'status', 'name'],
      ['groupId', 'status', 'name'],
      ['committeeId', 'status', 'name'],
      ['phone'],
    ],
  },
  /** `<committeeId>:<phone>` → the active member holding the number: uniqueness by `create`, not by a query. */
  phoneKeys: { indexes: [] },
  bindings: { indexes: [['memberId']] },
  roles: { indexes: [['openid'], ['orgId']] },
  declarations: {
    indexes: [
      ['openid', 'createdAt'],
      ['branchId', 'status', 'createdAt'],
      ['committeeId', 'status', 'createdAt'],
    ],
  },
  openDeclarations: { indexes: [] },
  audit: {
    indexes: [
      ['committeeId', 'at'],
      ['actor', 'at'],
      // The 操作日志 filtered by kind of entry.
      ['committeeId', 'action', 'at'],
    ],
  },
  sessions: { indexes: [] },
  files: { indexes: [] },
  pointRules: { indexes: [] },
  objections: { indexes: [['branchId', 'status', 'at']] },
  /** What a `points.record` request id was first used for (by id only). */
  pointRequests: { indexes: [] },
  ledger: {
    indexes: [
      ['memberId', 'at'],
      ['branchId', 'at'],
      // A month's or quarter's entries are found within the year: fewer indexes, cheaper awards.
      ['branchId', 'year', 'at'],
      ['committeeId', '_id'],
    ],
  },
  pointTotals: {
    indexes: [
      ['kind', 'committeeId', 'year'],
      ['committeeId', '_id'],
    ],
  },
  activities: {
    indexes: [
      ['branchId', 'startAt'],
      ['orgId', 'startAt'],
      ['status', 'endAt'],
    ],
  },
  attendance: {
    indexes: [
      ['activityId', 'status'],
      // One member's sign-ins (identity.myData, 我的数据).
      ['memberId', 'at'],
    ],
  },
  leaves: {
    indexes: [
      ['activityId', 'status'],
      ['branchId', 'status', 'at'],
      // One member's leave requests (identity.myData, 我的数据).
      ['memberId', 'at'],
    ],
  },
  secrets: { indexes: [] },
  /** `meetingRecords/<activityId>`: an activity's 会议记录 (by id only). */
  meetingRecords: { indexes: [] },
  /** Refused 初始化 attempts, counted per caller and in all over the last hour. */
  setupAttempts: { indexes: [['openid', 'at'], ['at']] },
  /** What a 花名册 import would do, as shown to the secretary, until they confirm it (by id only). */
  importPreviews: { indexes: [] },
  lectures: { indexes: [['committeeId', 'published', 'createdAt']] },
  /** `lecturePlayers/<memberId>`: the one playing session a member has across all lectures (by id only). */
  lecturePlayers: { indexes: [] },
  lectureProgress: {
    indexes: [
      ['lectureId', 'branchId'],
      ['memberId', 'watchedAt'],
      ['branchId', 'doneAt'],
    ],
  },
  /** 发展党员 files: the open ones of a committee, branch or group, by date of application. */
  candidates: {
    indexes: [
      ['committeeId', 'done', 'appliedAt'],
      ['branchId', 'done', 'appliedAt'],
      ['groupId', 'done', 'appliedAt'],
    ],
  },
  /** `developConfigs/<committeeId>`: a committee's own 发展党员 step list and rules (by id only). */
  developConfigs: { indexes: [] },
  /** Committee tasks (任务清单): one document per task, a monthly one included. */
  tasks: { indexes: [['committeeId', 'createdAt']] },
  /** `taskCompletions/<taskId>:<period>:<orgId>`: a branch's 销号 of one occurrence; created once. */
  taskCompletions: { indexes: [['taskId', 'period']] },
  /** In-app 消息, `notices/<memberId>:<key>` (the key makes each event notify once). */
  notices: {
    indexes: [
      ['memberId', 'at'],
      ['memberId', 'read', 'at'],
      // What the timer still has to send as a subscribe message.
      ['push', 'at'],
    ],
  },
  /** `subscriptions/<memberId>`: subscribe-message consents left, by template id (each allows one send). */
  subscriptions: { indexes: [] },
  /** 评星定级: `ratingCriteria/<committeeId>`, and `branchRatings/<orgId>:<year>` (read by id only). */
  ratingCriteria: { indexes: [] },
  branchRatings: { indexes: [] },
  /** 两新组织: `employers/<committeeId>:<normalised name>`, listed by committee; `employerCoverage/<committeeId>` by id. */
  employers: { indexes: [['committeeId', 'name']] },
  employerCoverage: { indexes: [] },
} as const satisfies Record<string, { indexes: ReadonlyArray<ReadonlyArray<string>> }>;

export type CollectionName = keyof typeof COLLECTIONS;
