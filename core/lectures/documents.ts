import type { LectureKind } from '../../contracts/lecture';
import type { ProgressState } from './coverage';
import type { Quiz } from './quiz';

/** `lectures/<id>`: a 微党课 or an education film, published to orgs (a committee reaches all its branches). */
export interface LectureDoc {
  _id: string;
  title: string;
  speaker: string;
  kind: LectureKind;
  durationS: number;
  /** What <Video> plays: a cloud fileID, or a URL of the local host. */
  videoSrc: string;
  coverSrc: string | null;
  summary: string;
  tags: string[];
  orgIds: string[];
  committeeId: string;
  quiz: Quiz | null;
  published: boolean;
  /** The openid that created (and first published) it. */
  createdBy: string;
  /**
   * Everyone recorded as publishing it (creating it, or publishing it again), by openid and by
   * roster entry: none of them earns points from it. Absent on lectures created before.
   */
  publishers?: { openids: string[]; memberIds: string[] };
  createdAt: string;
  updatedAt: string;
}

/**
 * `lectureProgress/<lectureId>:<memberId>`: everything one heartbeat reads and writes, in one
 * small document (a heartbeat costs one get and one set).
 */
export interface ProgressDoc {
  _id: string;
  lectureId: string;
  memberId: string;
  name: string;
  branchId: string;
  groupId: string | null;
  committeeId: string;
  state: ProgressState;
  quiz: { passed: boolean; bestScore: number; attempts: number } | null;
  /** When the lecture was done (coverage, and the quiz if it has one) and its points were posted. */
  doneAt: string | null;
  points: number | null;
  startedAt: string;
  watchedAt: string;
}

export const progressId = (lectureId: string, memberId: string) => `${lectureId}:${memberId}`;

/**
 * `lecturePlayers/<memberId>`: the member's one playing session across all lectures. Another
 * lecture or player takes it over only once this one's lecture shows it paused or quiet.
 */
export interface PlayerDoc {
  _id: string;
  lectureId: string;
  session: string;
  at: string;
}

/** Whether the member (by openid or roster entry) is recorded as a publisher of the lecture. */
export function publishedBy(
  lecture: LectureDoc,
  member: { _id: string; openid: string | null },
  openid: string,
): boolean {
  const openids = [lecture.createdBy, ...(lecture.publishers?.openids ?? [])];
  return (
    openids.includes(openid) ||
    (member.openid !== null && openids.includes(member.openid)) ||
    (lecture.publishers?.memberIds ?? []).includes(member._id)
  );
}
export const lectureEntryId = (lectureId: string, memberId: string) => `lecture:${lectureId}:${memberId}`;
