import type { ActivityDoc, AttendanceDoc, LeaveDoc, SecretDoc } from '../activities/documents';
import type { MeetingRecordDoc } from '../activities/meeting-record';
import type { BindingDoc, DeclarationDoc, OpenDeclarationDoc, SessionDoc } from '../identity/documents';
import type { LectureDoc, PlayerDoc, ProgressDoc } from '../lectures/documents';
import type { ObjectionDoc, PointRequestDoc } from '../points/documents';
import type { LedgerDoc } from '../points/ledger';
import type { RuleSetDoc } from '../points/rules';
import type { TotalsDoc } from '../points/totals';
import type {
  MemberDoc,
  OrgDoc,
  PhoneKeyDoc,
  PhoneKeysBackfillDoc,
  RoleDoc,
  SetupAttemptDoc,
} from '../roster/documents';
import type { TypedDocStore, TypedTxStore } from '../store/port';
import type { CollectionName } from '../store/schema';
import type { AuditDoc, FileDoc } from './documents';
import type { ImportPreviewDoc } from '../roster/import/preview-doc';
import type { CandidateDoc, DevelopConfigDoc } from '../develop/documents';
import type { TaskCompletionDoc, TaskDoc } from '../tasks/documents';
import type { NoticeDoc, SubscriptionDoc } from '../notices/documents';
import type { BranchRatingDoc, RatingCriteriaDoc } from '../roster/rating';
import type { EmployerCoverageDoc, EmployerDoc } from '../roster/employers';

/** Every collection of `core/store/schema.ts` and the type of its documents. */
export interface Collections {
  orgs: OrgDoc;
  members: MemberDoc;
  phoneKeys: PhoneKeyDoc | PhoneKeysBackfillDoc;
  bindings: BindingDoc;
  roles: RoleDoc;
  declarations: DeclarationDoc;
  openDeclarations: OpenDeclarationDoc;
  audit: AuditDoc;
  sessions: SessionDoc;
  files: FileDoc;
  pointRules: RuleSetDoc;
  objections: ObjectionDoc;
  pointRequests: PointRequestDoc;
  ledger: LedgerDoc;
  pointTotals: TotalsDoc;
  activities: ActivityDoc;
  attendance: AttendanceDoc;
  leaves: LeaveDoc;
  secrets: SecretDoc;
  meetingRecords: MeetingRecordDoc;
  setupAttempts: SetupAttemptDoc;
  importPreviews: ImportPreviewDoc;
  lectures: LectureDoc;
  lecturePlayers: PlayerDoc;
  lectureProgress: ProgressDoc;
  candidates: CandidateDoc;
  developConfigs: DevelopConfigDoc;
  tasks: TaskDoc;
  taskCompletions: TaskCompletionDoc;
  notices: NoticeDoc;
  subscriptions: SubscriptionDoc;
  ratingCriteria: RatingCriteriaDoc;
  branchRatings: BranchRatingDoc;
  employers: EmployerDoc;
  employerCoverage: EmployerCoverageDoc;
}

/** The store as handlers use it: `store.get('members', id)` is a `MemberDoc | null`. */
export type Store = TypedDocStore<Collections>;
/** A transaction as handlers use it (by id only, as {@link Store}'s). */
export type Tx = TypedTxStore<Collections>;

/** A collection's document type. */
export type DocOf<K extends CollectionName> = Collections[K];

type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
/** Compiles only while {@link Collections} names exactly the collections that schema.ts declares. */
export type CollectionsCoverSchema = Holds<SameKeys<keyof Collections, CollectionName>>;
