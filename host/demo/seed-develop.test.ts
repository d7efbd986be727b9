import { createHarness, type Harness } from '../../tests/support/harness';
import { seedDevelop } from './seed-develop';

/** `npm start`'s people on the way: their files and roster entries agree, and the actions take them as they are. */
describe('demo people on the way', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    await seedDevelop(h.store, h.now.value);
  });
  afterEach(() => h.close());

  it('puts each file on the board at its stage, and each person on the roster with the file’s category', async () => {
    const board = await h.call('demo-secretary', 'develop', 'board', { orgId: 'org-branch-1' });
    const stages = Object.fromEntries(board.items.map((item) => [item.name, item.stage]));
    expect(stages).toEqual({ 张晓雯: 1, 韩子豪: 2, 周雨桐: 3 });
    const list = await h.call('demo-secretary', 'roster', 'listMembers', {
      orgId: 'org-branch-1',
      statuses: ['applicant', 'activist', 'candidate'],
    });
    const statuses = Object.fromEntries(list.items.map((m) => [m.name, m.partyStatus]));
    expect(statuses).toEqual({ 张晓雯: 'applicant', 韩子豪: 'activist', 周雨桐: 'candidate' });
  });

  it('lets the secretary record the applicant’s next step, which keeps her an 入党申请人', async () => {
    const board = await h.call('demo-secretary', 'develop', 'board', { orgId: 'org-branch-1' });
    const applicant = board.items.find((item) => item.name === '张晓雯');
    expect(applicant?.nextStep).toBe('talk');
    const today = new Date(h.now.value.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const done = await h.call('demo-secretary', 'develop', 'recordStep', {
      id: applicant!.id,
      step: 'talk',
      at: today,
    });
    expect(done.nextStep).toBe('recommend');
    const member = await h.store.get('members', 'member-on-way-1');
    expect(member?.partyStatus).toBe('applicant');
  });

  it('binds the demo 入党积极分子 to his entry: he is a member of the branch in identity.me', async () => {
    const me = await h.call('demo-activist', 'identity', 'me');
    expect(me.member?.name).toBe('韩子豪');
    expect(me.member?.partyStatus).toBe('activist');
  });
});
