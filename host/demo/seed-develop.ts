import type { PersonRef } from '../../contracts/roster';
import { DEFAULT_DEVELOP_RULES, DEFAULT_DEVELOP_STEPS } from '../../contracts/labels/develop';
import type { CandidateDoc } from '../../core/develop/documents';
import { categoryOf, type StepRecord } from '../../core/develop/rules';
import type { MemberDoc } from '../../core/roster/documents';
import { phoneKeyDoc } from '../../core/roster/phone-keys';
import type { Store } from '../../core/shared/collections';

/**
 * People on the way to membership in 第一党支部, each with a 发展党员 file and the roster entry it
 * keeps: an 入党申请人 whose 谈话 is due, an 入党积极分子 bound to a demo identity (so the demo shows
 * what someone on the way sees) and a 发展对象 with 培养联系人 and 入党介绍人.
 */
interface Person {
  id: string;
  name: string;
  phone: string;
  group: 1 | 2 | null;
  openid: string | null;
  /** Each recorded step with how many days before now it was taken, in the list's order. */
  steps: Array<[code: string, daysAgo: number]>;
  contacts?: PersonRef[];
  sponsors?: PersonRef[];
}

const WANG = { memberId: 'member-002', name: '王志强' };
const CHEN = { memberId: 'member-003', name: '陈秀英' };
const LI = { memberId: 'member-001', name: '李红梅' };

const PEOPLE: Person[] = [
  { id: 'member-on-way-1', name: '张晓雯', phone: '13955501001', group: 1, openid: null, steps: [['apply', 20]] },
  {
    id: 'member-on-way-2',
    name: '韩子豪',
    phone: '13955501002',
    group: 2,
    openid: 'demo-activist',
    steps: [
      ['apply', 420],
      ['talk', 405],
      ['recommend', 390],
      ['activistFiling', 380],
      ['assignContact', 378],
    ],
    contacts: [WANG],
  },
  {
    id: 'member-on-way-3',
    name: '周雨桐',
    phone: '13955501003',
    group: 1,
    openid: null,
    steps: [
      ['apply', 900],
      ['talk', 880],
      ['recommend', 860],
      ['activistFiling', 850],
      ['assignContact', 848],
      ['cultivate', 480],
      ['confirmCandidate', 60],
      ['candidateFiling', 50],
      ['assignIntroducers', 45],
    ],
    contacts: [CHEN],
    sponsors: [LI, WANG],
  },
];

const day = (now: Date, daysAgo: number) =>
  new Date(now.getTime() + 8 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

export async function seedDevelop(store: Store, now: Date): Promise<void> {
  const at = now.toISOString();
  const config = { steps: [...DEFAULT_DEVELOP_STEPS], rules: [...DEFAULT_DEVELOP_RULES] };
  for (const [index, person] of PEOPLE.entries()) {
    const records: StepRecord[] = person.steps.map(([step, daysAgo]) => ({
      step,
      at: day(now, daysAgo),
      note: null,
      by: 'demo-secretary',
      recordedAt: at,
      ...(step === 'assignContact' && person.contacts ? { people: person.contacts } : {}),
      ...(step === 'assignIntroducers' && person.sponsors ? { people: person.sponsors } : {}),
    }));
    const partyStatus = categoryOf({ config, records, extension: null });
    const member: MemberDoc = {
      _id: person.id,
      name: person.name,
      phone: person.phone,
      partyStatus,
      joinedAt: null,
      fullAt: null,
      committeeId: 'org-committee',
      branchId: 'org-branch-1',
      groupId: person.group ? `org-group-${person.group}` : null,
      status: 'active',
      inactiveReason: null,
      openid: person.openid,
      externalOrg: null,
      ...(person.contacts ? { contacts: person.contacts } : {}),
      ...(person.sponsors ? { sponsors: person.sponsors } : {}),
      history: [{ at, action: 'created', note: '演示数据：发展党员建档' }],
      createdAt: at,
      updatedAt: at,
    };
    await store.create('members', member);
    await store.create(
      'phoneKeys',
      phoneKeyDoc({ _id: person.id, committeeId: 'org-committee', phone: person.phone }, at),
    );
    if (person.openid) await store.create('bindings', { _id: person.openid, memberId: person.id, at });
    const file: CandidateDoc = {
      _id: `develop-demo-${index + 1}`,
      name: person.name,
      phone: person.phone,
      committeeId: 'org-committee',
      branchId: 'org-branch-1',
      groupId: member.groupId,
      config,
      records,
      extension: null,
      memberId: person.id,
      done: false,
      appliedAt: records[0].at,
      createdBy: 'demo-secretary',
      createdAt: at,
      updatedAt: at,
    };
    await store.create('candidates', file);
  }
}
