import {
  activitySchemas,
  type ActivityOutputs,
  type CheckinEntry,
  type CheckinResult,
} from '../../../contracts/activity';
import { SCAN_REQUIRED_MESSAGE } from '../../../contracts/labels/activity';
import { participationOf } from '../../../contracts/labels/participation';
import { entryAccepted } from '../entry';
import { attendanceId, awardEntryId, type ActivityDoc, type AttendanceDoc } from '../documents';
import { isOrganiser, ORGANISER_POINTS_PENDING, pointsPolicy } from '../awards';
import { distanceMetres } from '../geo';
import { checkinMiniProgramCode } from '../mini-program-code';
import { expiryOfStep, makeToken, newSecret, parseToken, STEP_SECONDS, stepOf, verifyToken } from '../token';
import { isLate, ruleForKind, signInVerdict } from '../window';
import { formatChinaMonthDayTime } from '../../shared/china-time';
import type { MemberDoc } from '../../roster';
import { postEntry } from '../../points';
import type { RuleItem } from '../../../contracts/points';
import { ruleFor } from '../../points';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { AppError, conflict, forbidden } from '../../runtime/errors';
import { DuplicateIdError } from '../../store/port';
import { addOrganiser, entryReason, loadManagedActivity } from './support';
import { attendeeOf, mayJoinLate, refusedAt, welcomeAt } from '../late-members';
import { requireOpenid } from '../../shared/caller';
import { activitySnapshot, boundMember, committeeRules, forgetActivity } from '../../shared/snapshots';

const DEFAULT_PUBLIC_URL = 'https://zhibu.example.com';

const invalidCode = (message = '签到码无效，请扫描书记出示的签到码') => new AppError('CODE_INVALID', message);
const expiredCode = (message = '签到码已过期，请扫描屏幕上的最新签到码') => new AppError('CODE_EXPIRED', message);
const signInClosed = (message: string) => new AppError('SIGNIN_CLOSED', message);

/** The link a sign-in QR code carries: a phone camera, WeChat's scanner and the app all open it. */
export const checkinUrl = (ctx: HandlerContext, token: string): string =>
  `${(ctx.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/$/, '')}/checkin?t=${token}`;

type Method = 'self' | 'organiser';
type PointsAnswer = Pick<CheckinResult, 'pointsPending' | 'pointsNote'>;

/**
 * Whether a sign-in earns its award now, and what the answer says when it does not: an activity
 * expecting too few awards nothing; an organiser's award waits for the close (activity-close.ts).
 */
function awardOf(
  activity: ActivityDoc,
  member: MemberDoc,
  rule: RuleItem | undefined,
): PointsAnswer & { now: boolean } {
  const policy = pointsPolicy(activity);
  if (!policy.awards) return { now: false, pointsPending: false, pointsNote: policy.reason };
  if (isOrganiser(activity, member))
    return { now: false, pointsPending: Boolean(rule?.active), pointsNote: ORGANISER_POINTS_PENDING };
  return { now: Boolean(rule?.active), pointsPending: false, pointsNote: null };
}

async function pointsAnswer(ctx: HandlerContext, activity: ActivityDoc, member: MemberDoc): Promise<PointsAnswer> {
  const rules = await committeeRules(ctx, member.committeeId);
  const { pointsPending, pointsNote } = awardOf(activity, member, ruleFor(rules, ruleForKind(activity.kind), member));
  // Once closed, the organiser's award has been decided: the record's points say what it was.
  return activity.status === 'closed' ? { pointsPending: false, pointsNote } : { pointsPending, pointsNote };
}

/**
 * Signs a member in: one transaction that creates the attendance record and posts the award
 * (4–6 document operations, all by id). The record's creation is the idempotency check: a second
 * sign-in finds it and answers with the first one's time.
 */
async function signIn(
  ctx: HandlerContext,
  activity: ActivityDoc,
  member: MemberDoc,
  method: Method,
  recordedBy: string | null,
  location: AttendanceDoc['location'] = null,
  entry?: CheckinEntry,
  join: Joining | null = null,
): Promise<CheckinResult> {
  const now = ctx.clock();
  const late = isLate(activity, now);
  const rules = await committeeRules(ctx, member.committeeId);
  const rule = ruleFor(rules, ruleForKind(activity.kind), member);
  const { now: awards, ...answer } = awardOf(activity, member, rule);
  const entryId = awardEntryId(activity._id, member._id, 1);
  const base = {
    activityId: activity._id,
    title: activity.title,
    startAt: activity.startAt,
    memberName: member.name,
    ...answer,
  };
  try {
    return await ctx.store.transaction(async (tx) => {
      const record: AttendanceDoc = {
        _id: attendanceId(activity._id, member._id),
        activityId: activity._id,
        memberId: member._id,
        name: member.name,
        branchId: member.branchId,
        status: late ? 'late' : 'present',
        at: now.toISOString(),
        method,
        note: null,
        entryId: awards ? entryId : null,
        points: 0,
        round: 1,
        ...(location ? { location } : {}),
        ...(entry ? { entry } : {}),
      };
      let points = 0;
      // The ledger entry's id is fresh while no attendance record exists; if one does, either
      // create below fails and the sign-in answers with the earlier one.
      if (rule && awards) {
        const posted = await postEntry(tx, {
          id: entryId,
          member,
          rule,
          reason: entryReason(activity, late),
          source: 'activity',
          recordedBy,
          at: now,
          fresh: true,
        });
        points = posted.entry.value;
      }
      await tx.create('attendance', { ...record, points });
      // A member who joined the org after the list was fixed is on it from their sign-in on.
      if (join) {
        const current = await tx.get('activities', activity._id);
        if (current && !current.attendees.some((a) => a.id === member._id))
          await tx.update('activities', activity._id, {
            $set: { attendees: [...current.attendees, attendeeOf(member, join === 'guest')] },
          });
      }
      return { ...base, status: record.status as 'present' | 'late', at: record.at, already: false, points };
    });
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error;
    const earlier = await alreadySignedIn(ctx, activity, member);
    if (earlier) return { ...base, ...earlier };
    throw error;
  } finally {
    if (join) forgetActivity(ctx.store, activity._id);
  }
}

/** The member's earlier sign-in, as an answer; a refusal when closing or the secretary decided otherwise. */
async function alreadySignedIn(
  ctx: HandlerContext,
  activity: ActivityDoc,
  member: MemberDoc,
): Promise<Pick<CheckinResult, 'status' | 'at' | 'already' | 'points'> | null> {
  const record = await ctx.store.get('attendance', attendanceId(activity._id, member._id));
  if (!record) return null;
  if (record.status === 'present' || record.status === 'late')
    return { status: record.status, at: record.at, already: true, points: record.points };
  if (record.status === 'revoked') throw conflict('您的签到已被书记撤销，如有疑问请联系书记');
  throw signInClosed('活动已结束，签到已关闭');
}

/** The window and state checks shared by the member's and the organiser's scan. */
async function checkOpen(ctx: HandlerContext, activity: ActivityDoc, member: MemberDoc) {
  if (activity.status === 'cancelled') throw signInClosed('活动已取消');
  const verdict =
    activity.status === 'closed' ? ({ ok: false, reason: 'closed' } as const) : signInVerdict(activity, ctx.clock());
  if (verdict.ok) return;
  if (verdict.reason === 'not_open')
    throw new AppError(
      'SIGNIN_NOT_OPEN',
      `签到尚未开始，${formatChinaMonthDayTime(new Date(activity.signInFrom))} 开放签到`,
    );
  const earlier = await alreadySignedIn(ctx, activity, member);
  if (earlier) return earlier;
  throw signInClosed(activity.status === 'closed' ? '活动已结束，签到已关闭' : '签到时间已过，如需补签请联系书记');
}

type Joining = 'late' | 'guest';

/**
 * How a member not on the list may sign in: one who joined the org late is expected (late-members.ts);
 * someone on the way whom the kind welcomes comes as a guest (列席). Anyone else is refused with
 * `NOT_EXPECTED`: where the kind is the Party members' own, saying so.
 */
function joining(activity: ActivityDoc, member: MemberDoc, message: string): Joining {
  if (mayJoinLate(activity, member)) return 'late';
  if (welcomeAt(activity, member)) return 'guest';
  const refused =
    member.branchId === activity.branchId && participationOf(activity.kind, member.partyStatus) === 'refused';
  throw new AppError('NOT_EXPECTED', refused ? refusedAt(activity.kind, member.partyStatus) : message);
}

export const checkin = action(activitySchemas.checkin, async (ctx, input): Promise<ActivityOutputs['checkin']> => {
  const openid = requireOpenid(ctx);
  if (!entryAccepted(input.entry)) throw new AppError('SCAN_REQUIRED', SCAN_REQUIRED_MESSAGE);
  const token = parseToken(input.token);
  if (!token) throw invalidCode();
  if (token.kind === 'member') throw invalidCode('这是党员的身份码，请扫描活动签到码');
  const snapshot = await activitySnapshot(ctx, token.subject);
  // An expected member is in the activity's snapshot; anyone else is looked up.
  const member = snapshot?.members.get(openid) ?? (await boundMember(ctx, openid));
  if (!member) throw new AppError('NOT_MEMBER', '您还不是登记在册的党员，请先亮身份');
  if (!snapshot) throw invalidCode();
  const verdict = verifyToken(snapshot.doc.secret, token, ctx.clock());
  if (verdict === 'forged') throw invalidCode();
  if (verdict === 'expired') throw expiredCode();
  const { doc: activity } = snapshot;
  const earlier = await checkOpen(ctx, activity, member);
  if (earlier)
    return {
      ...earlier,
      ...(await pointsAnswer(ctx, activity, member)),
      activityId: activity._id,
      title: activity.title,
      startAt: activity.startAt,
      memberName: member.name,
    };
  const join = snapshot.expected.has(member._id)
    ? null
    : joining(activity, member, '您不在本次活动的应到名单中，请联系支部书记');
  // Only the verdict and the distance are kept: the member's coordinates go no further than here.
  let location: AttendanceDoc['location'] = null;
  if (activity.place) {
    if (!input.location)
      throw new AppError('LOCATION_REQUIRED', '本次活动需要定位签到，请允许获取您的位置后重试', 'location');
    const distance = distanceMetres(input.location, activity.place);
    if (distance > activity.place.radius)
      throw new AppError(
        'OUT_OF_RANGE',
        `您不在签到范围内：距「${activity.place.name}」约 ${Math.round(distance)} 米，签到范围 ${activity.place.radius} 米`,
        'location',
      );
    location = { distance: Math.round(distance), within: true };
  }
  return signIn(ctx, activity, member, 'self', null, location, input.entry, join);
});

/** The key of a member's card code, made on first use. */
async function memberSecret(ctx: HandlerContext, memberId: string, create: boolean): Promise<string | null> {
  const id = `member:${memberId}`;
  const existing = await ctx.store.get('secrets', id);
  if (existing || !create) return existing?.secret ?? null;
  try {
    await ctx.store.create('secrets', { _id: id, secret: newSecret() });
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error;
  }
  return (await ctx.store.get('secrets', id))?.secret ?? null;
}

export const scanMember = action(
  activitySchemas.scanMember,
  async (ctx, input): Promise<ActivityOutputs['scanMember']> => {
    const { caller, activity } = await loadManagedActivity(ctx, input.id, 'activity.run');
    const token = parseToken(input.token);
    if (!token) throw invalidCode('身份码无效，请让党员打开“身份卡”出示身份码');
    if (token.kind !== 'member') throw invalidCode('这是活动签到码，请扫描党员身份卡上的身份码');
    const secret = await memberSecret(ctx, token.subject, false);
    if (!secret) throw invalidCode('身份码无效，请让党员打开“身份卡”出示身份码');
    const verdict = verifyToken(secret, token, ctx.clock());
    if (verdict === 'forged') throw invalidCode('身份码无效，请让党员打开“身份卡”出示身份码');
    if (verdict === 'expired') throw expiredCode('身份码已过期，请让党员刷新身份卡');
    if (caller.member?._id === token.subject) throw forbidden('不能为自己签到，请由其他支委操作');
    const member = await ctx.store.get('members', token.subject);
    if (!member || member.status !== 'active') throw new AppError('NOT_MEMBER', '该党员不在册或已停用');
    const earlier = await checkOpen(ctx, activity, member);
    if (earlier)
      return {
        ...earlier,
        ...(await pointsAnswer(ctx, activity, member)),
        activityId: activity._id,
        title: activity.title,
        startAt: activity.startAt,
        memberName: member.name,
      };
    const join = activity.attendees.some((a) => a.id === member._id)
      ? null
      : joining(activity, member, `${member.name}不在本次活动的应到名单中，可在名单中补签`);
    // Whoever scans members runs the activity: their own points wait for the close.
    const current = caller.member ? await addOrganiser(ctx, activity, caller.member) : activity;
    return signIn(ctx, current, member, 'organiser', caller.openid, null, undefined, join);
  },
);

export const code = action(activitySchemas.code, async (ctx, input): Promise<ActivityOutputs['code']> => {
  const { caller, activity } = await loadManagedActivity(ctx, input.id, 'activity.run');
  if (activity.status !== 'active') throw conflict(activity.status === 'closed' ? '活动已结束' : '活动已取消');
  // Whoever shows the code runs the activity: their own points wait for the close.
  if (caller.member) await addOrganiser(ctx, activity, caller.member);
  // The screen showing the code keeps this process's copy of the activity warm for the scans.
  await activitySnapshot(ctx, activity._id);
  const step = stepOf(ctx.clock());
  const token = makeToken(activity.secret, 'activity', activity._id, step);
  return {
    url: checkinUrl(ctx, token),
    token,
    image: await checkinMiniProgramCode(ctx, activity._id, step, token),
    expiresAt: expiryOfStep(step).toISOString(),
    refreshAt: new Date((step + 1) * STEP_SECONDS * 1000).toISOString(),
    stepSeconds: STEP_SECONDS,
  };
});

export const myCode = action(activitySchemas.myCode, async (ctx): Promise<ActivityOutputs['myCode']> => {
  const openid = requireOpenid(ctx);
  const member = await boundMember(ctx, openid);
  if (!member) throw new AppError('NOT_MEMBER', '请先亮身份');
  const secret = await memberSecret(ctx, member._id, true);
  if (!secret) throw new AppError('INTERNAL', '身份码暂时不可用，请稍后重试');
  const step = stepOf(ctx.clock());
  return {
    token: makeToken(secret, 'member', member._id, step),
    expiresAt: expiryOfStep(step).toISOString(),
    refreshAt: new Date((step + 1) * STEP_SECONDS * 1000).toISOString(),
    stepSeconds: STEP_SECONDS,
  };
});
