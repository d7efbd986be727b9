import { deployedAt, SHEETS, sheetActions } from '../../contracts/deployment';
import { allActions, deployedFunctions, deployedNames } from '../../core/functions';
import type { HandlerContext } from '../../core/runtime/context';
import { newId } from '../../core/runtime/ids';
import { createHarness, type Harness } from '../support/harness';

/**
 * Callers address each action by its contract (`roster.exportMembers`); contracts/deployment.ts says
 * which deployed function serves it, and the cloud call and the local host route by it. Every
 * action must land on a function that serves it, and no function may answer another's action.
 */

const ADMIN = 'demo-admin';
const SECRETARY = 'demo-secretary';
const VISITOR = 'demo-visitor';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const contextOf = (openid: string | null): HandlerContext => ({
  openid,
  store: h.store,
  clock: () => h.now.value,
  files: h.files.gatewayFor(openid),
  newId: () => newId(h.now.value.getTime()),
});

describe('each contract action is served by the deployed function the map names', () => {
  it('every action of every contract lands on a function that serves it, and every served action is reached', () => {
    const routed = allActions().map(([fn, action]) => deployedAt(fn, action));
    for (const to of routed)
      expect(deployedFunctions[to.name as keyof typeof deployedFunctions].actions).toContain(to.action);
    const served = deployedNames.flatMap((name) =>
      deployedFunctions[name].actions.map((action) => `${name}:${action}`),
    );
    expect(routed.map((to) => `${to.name}:${to.action}`).sort()).toEqual(served.sort());
  });

  it('sheets serves exactly the Excel actions of the map, named <contract>.<action>', () => {
    const listed = Object.entries(sheetActions).flatMap(([fn, actions]) => actions.map((a: string) => `${fn}.${a}`));
    expect([...deployedFunctions[SHEETS].actions].sort()).toEqual(listed.sort());
  });
});

describe('the deployed functions answer only their own actions', () => {
  it.each([
    ['roster', 'exportMembers'],
    ['roster', 'importTemplate'],
    ['points', 'export'],
    ['activity', 'exportAttendance'],
    ['lecture', 'exportStats'],
    [SHEETS, 'exportMembers'],
    [SHEETS, 'roster.tree'],
    [SHEETS, 'identity.me'],
    [SHEETS, 'roster.'],
    [SHEETS, 'toString'],
    [SHEETS, '__proto__'],
    [SHEETS, 'roster.exportMembers.x'],
  ] as const)('%s answers %s with UNKNOWN_ACTION', async (name, action) => {
    const result = await deployedFunctions[name]({ action, data: {} }, contextOf(ADMIN));
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNKNOWN_ACTION' }) });
    expect(h.files.published.size).toBe(0);
  });

  it.each([
    ['a string', 'roster.exportMembers'],
    ['null', null],
    ['no action', { data: {} }],
    ['an empty action', { action: '' }],
  ])('sheets refuses %s as the envelope with INVALID_INPUT', async (_label, event) => {
    const result = await deployedFunctions[SHEETS](event, contextOf(ADMIN));
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', field: 'action' }) });
  });
});

describe('sheets checks as the contract function did', () => {
  it('refuses a visitor the roster export and writes nothing', async () => {
    const result = await deployedFunctions[SHEETS](
      { action: 'roster.exportMembers', data: { orgId: 'org-branch-1' } },
      contextOf(VISITOR),
    );
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect(h.files.published.size).toBe(0);
  });

  it('validates the payload with the contract schema', async () => {
    const result = await deployedFunctions[SHEETS](
      { action: 'points.export', data: { orgId: 'org-branch-1', period: 'decade' } },
      contextOf(SECRETARY),
    );
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', field: 'period' }) });
  });

  it('gives the secretary the roster export, as the contract call does', async () => {
    const direct = await deployedFunctions[SHEETS](
      { action: 'roster.exportMembers', data: { orgId: 'org-branch-1' } },
      contextOf(SECRETARY),
    );
    const viaContract = await h.raw(SECRETARY, 'roster', { action: 'exportMembers', data: { orgId: 'org-branch-1' } });
    expect(direct).toMatchObject({ ok: true, data: { name: expect.stringMatching(/\.xlsx$/) } });
    expect(viaContract).toMatchObject({
      ok: true,
      data: { name: (direct.ok && (direct.data as { name: string }).name) || '' },
    });
    expect(h.files.published.size).toBe(2);
  });
});
