import type { CadenceView } from '../../contracts/activity';
import { DEFAULT_LECTURE_CADENCE } from '../../contracts/labels/activity';
import { evaluateCadence, periodSpan, previousSpan, silence, wasHeld } from './cadence';
import type { ActivityDoc } from './documents';
import { activitiesStartingIn, activitiesWindow } from './queries';
import { chinaDate } from '../shared/china-time';
import type { OrgRecord, OrgTree } from '../shared/org-tree';
import type { HandlerContext } from '../runtime/context';
import { committeeRules } from '../shared/snapshots';

/*
 * Apart from the `activity.cadence` action (actions/cadence.ts) so that roster.overview, which
 * counts the same items, does not bundle the activities' contract (its zod schemas) with it.
 */

const OLDER_PAGE = 50;

/** The start of the branch's last held activity starting before `before`, looking back page by page. */
async function lastHeldBefore(ctx: HandlerContext, branchId: string, before: string): Promise<string | null> {
  let cursor = before;
  for (;;) {
    const page = await activitiesWindow(ctx.store, { branchId, startAt: { $lt: cursor } }, 'desc', OLDER_PAGE);
    const held = page.find(wasHeld);
    if (held) return held.startAt;
    if (page.length < OLDER_PAGE) return null;
    cursor = page[page.length - 1].startAt;
  }
}

/**
 * One branch's cadence as of `date` (China time): this period's obligations, the previous period's
 * unmet ones, and how long it has been silent. roster.overview counts the same items per branch.
 */
export async function branchCadence(
  ctx: HandlerContext,
  tree: OrgTree,
  branch: OrgRecord,
  date: string,
): Promise<CadenceView> {
  const committeeId = tree.nearest(branch.id, 'committee')?.id ?? '';
  const from = previousSpan('year', date).from;
  const to = periodSpan('year', date).to;
  const [rules, orgDoc, activities] = await Promise.all([
    committeeRules(ctx, committeeId),
    ctx.store.get('orgs', branch.id),
    activitiesStartingIn(ctx.store, { branchId: branch.id }, { from, to }),
  ]);
  const createdDay = orgDoc ? chinaDate(new Date(orgDoc.createdAt)) : null;
  const groupIds = tree
    .children(branch.id)
    .filter((org) => org.kind === 'group' && !org.archived)
    .map((org) => org.id);
  const items = evaluateCadence({
    date,
    lectureCadence: rules.settings.lectureCadence ?? DEFAULT_LECTURE_CADENCE,
    activities: activities.map((a: ActivityDoc) => ({
      kind: a.kind,
      orgId: a.orgId,
      startAt: a.startAt,
      held: wasHeld(a),
    })),
    groupIds,
    createdDay,
  });
  // Activities up to the end of `date` (China time) can have been held by then.
  const endOfDay = nextDayStart(date);
  const recent = activities
    .filter((a) => a.startAt < endOfDay && wasHeld(a))
    .sort((a, b) => b.startAt.localeCompare(a.startAt));
  const last = recent[0]?.startAt ?? (await lastHeldBefore(ctx, branch.id, from));
  return { orgId: branch.id, orgName: branch.name, date, items, ...silence(last, date, createdDay) };
}

/** The instant the China day after `date` begins. */
const nextDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();
