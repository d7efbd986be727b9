import { lecturesOfCommittee } from '../queries';
import { lectureSchemas, type LectureOutputs } from '../../../contracts/lecture';
import type { OrgTree } from '../../shared/org-tree';
import { can, scopesFor } from '../../shared/permissions';
import type { LectureDoc } from '../documents';
import { validateQuiz } from '../quiz';
import { action } from '../../runtime/dispatch';
import { forbidden, invalidInput, notFound } from '../../runtime/errors';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requirePermission, type Caller } from '../../shared/caller';
import { forgetLecture } from '../../shared/snapshots';

const managesAll = (caller: Caller, tree: OrgTree, lecture: Pick<LectureDoc, 'orgIds'>) =>
  lecture.orgIds.every((orgId) => can(caller.roles, tree, 'lecture.manage', orgId));

/**
 * Whether the lecture is among those the caller's `manage` shows: published within an org they
 * read, or above it (a committee-wide lecture reaches a branch secretary's branch).
 */
const seenBy = (caller: Caller, tree: OrgTree, lecture: Pick<LectureDoc, 'orgIds'>) => {
  const scopes = scopesFor(caller.roles, 'lecture.read');
  return lecture.orgIds.some((id) => scopes.some((scope) => tree.isWithin(id, scope) || tree.isWithin(scope, id)));
};

export const manage = action(lectureSchemas.manage, async (ctx, input): Promise<LectureOutputs['manage']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'lecture.read', input.orgId);
  const committeeId = tree.nearest(input.orgId, 'committee')?.id;
  if (!committeeId) throw notFound('组织');
  const lineage = new Set(tree.lineage(input.orgId).map((o) => o.id));
  const all = await lecturesOfCommittee(ctx.store, committeeId);
  return {
    items: all
      .filter((l) => l.orgIds.some((id) => lineage.has(id) || tree.isWithin(id, input.orgId)))
      .map((l) => ({
        id: l._id,
        title: l.title,
        kind: l.kind,
        durationS: l.durationS,
        published: l.published,
        orgNames: l.orgIds.map((id) => tree.get(id)?.name ?? ''),
        hasQuiz: Boolean(l.quiz),
        createdAt: l.createdAt,
        coverUrl: l.coverSrc,
        canManage: managesAll(caller, tree, l),
      })),
  };
});

export const create = action(lectureSchemas.create, async (ctx, input): Promise<LectureOutputs['create']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const orgIds = [...new Set(input.orgIds)];
  const committees = new Set<string>();
  for (const [index, orgId] of orgIds.entries()) {
    if (!tree.get(orgId)) throw invalidInput(`orgIds.${index}`, '组织不存在');
    requirePermission(caller, tree, 'lecture.manage', orgId);
    committees.add(tree.nearest(orgId, 'committee')?.id ?? '');
  }
  if (committees.size !== 1) throw invalidInput('orgIds', '只能发布到同一党委的组织');
  if (input.quiz) {
    const [problem] = validateQuiz(input.quiz);
    if (problem) throw invalidInput(`quiz.${problem.path}`, problem.message);
  }
  const [videoSrc, coverSrc] = await Promise.all([
    ctx.files.shareMedia(input.video),
    input.cover ? ctx.files.shareMedia(input.cover) : Promise.resolve(null),
  ]);
  const now = ctx.clock().toISOString();
  const lecture: LectureDoc = {
    _id: ctx.newId(),
    title: input.title,
    speaker: input.speaker,
    kind: input.kind,
    durationS: input.durationS,
    videoSrc,
    coverSrc,
    summary: input.summary,
    tags: input.tags,
    orgIds,
    committeeId: [...committees][0],
    quiz: input.quiz ?? null,
    published: true,
    createdBy: caller.openid,
    publishers: { openids: [caller.openid], memberIds: caller.member ? [caller.member._id] : [] },
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('lectures', lecture);
    await writeAudit(tx, ctx, caller.openid, {
      action: 'lecture.create',
      target: `lectures/${lecture._id}`,
      committeeId: lecture.committeeId,
      after: { title: lecture.title, orgIds, quiz: Boolean(input.quiz) },
    });
  });
  return { id: lecture._id };
});

export const setPublished = action(
  lectureSchemas.setPublished,
  async (ctx, input): Promise<LectureOutputs['setPublished']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    const lecture = await ctx.store.get('lectures', input.id);
    if (!lecture || !seenBy(caller, tree, lecture)) throw notFound('课程');
    if (!managesAll(caller, tree, lecture))
      throw forbidden('这门课程发布到了您管理范围以外的组织，只能由上级管理员调整');
    await ctx.store.transaction(async (tx) => {
      // Whoever publishes it (again) is one of its publishers too, and earns nothing from it.
      const publishers = lecture.publishers ?? { openids: [lecture.createdBy], memberIds: [] };
      const add = (list: string[], item: string | undefined) => (item && !list.includes(item) ? [...list, item] : list);
      await tx.update('lectures', lecture._id, {
        $set: {
          published: input.published,
          updatedAt: ctx.clock().toISOString(),
          ...(input.published
            ? {
                publishers: {
                  openids: add(publishers.openids, caller.openid),
                  memberIds: add(publishers.memberIds, caller.member?._id),
                },
              }
            : {}),
        },
      });
      await writeAudit(tx, ctx, caller.openid, {
        action: input.published ? 'lecture.publish' : 'lecture.unpublish',
        target: `lectures/${lecture._id}`,
        committeeId: lecture.committeeId,
        before: { published: lecture.published },
        after: { published: input.published },
      });
    });
    forgetLecture(ctx.store, lecture._id);
    return { id: lecture._id, published: input.published };
  },
);
