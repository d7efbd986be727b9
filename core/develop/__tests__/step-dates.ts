/**
 * Dates that respect every default rule, up to and including the 转正 approval (the 支部大会 admitting the
 * person on 2025-06-10, so the 预备期 ends on 2026-06-10); every date is before the tests' clock.
 */
export const STEP_DATES: Record<string, string> = {
  talk: '2024-03-20',
  recommend: '2024-04-10',
  activistFiling: '2024-04-20',
  assignContact: '2024-04-20',
  cultivate: '2025-04-10',
  confirmCandidate: '2025-04-15',
  candidateFiling: '2025-04-20',
  assignIntroducers: '2025-04-22',
  politicalReview: '2025-05-10',
  training: '2025-05-20',
  branchCommitteeReview: '2025-05-25',
  preReview: '2025-06-01',
  volunteerForm: '2025-06-05',
  admissionVote: '2025-06-10',
  committeeTalk: '2025-06-20',
  admissionApproval: '2025-07-01',
  upperFiling: '2025-07-10',
  assignGroup: '2025-07-10',
  oath: '2025-07-15',
  probation: '2026-06-10',
  applyFull: '2026-06-12',
  fullVote: '2026-06-20',
  fullApproval: '2026-07-01',
  archive: '2026-07-05',
};
