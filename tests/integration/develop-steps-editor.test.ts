import { DEFAULT_DEVELOP_RULES, DEFAULT_DEVELOP_STEPS } from '../../contracts/develop';
import {
  defaultDraft,
  removeStep,
  renameStep,
  ruleErrorKey,
  serverErrorKey,
  setInterval,
  stepErrorKey,
  toConfig,
  toDraft,
  validateDraft,
} from '../../src/features/develop/model/steps-editor';
import { ADMIN, SECRETARY } from '../support/demo';
import { createHarness, type Harness } from '../support/harness';
import { expectError } from './support';

/**
 * 发展党员步骤设置 against the server: what the admin page saves (src/features/develop/model/steps-editor)
 * `develop.setSteps` accepts and `develop.config` gives back; what the page keeps undeletable the server
 * refuses too; its refusals land on the step or rule they name.
 */

let h: Harness;

beforeEach(async () => {
  h = await createHarness({ at: '2026-11-23T02:00:00.000Z' });
});

afterEach(() => h.close());

const COMMITTEE = 'org-committee';
const setSteps = (config: unknown) =>
  h.raw(ADMIN, 'develop', { action: 'setSteps', data: { committeeId: COMMITTEE, config } });

describe('the step list the admin page saves', () => {
  it('21 steps, a step renamed and a rule’s interval changed: accepted, and read back as saved', async () => {
    const loaded = await h.call(ADMIN, 'develop', 'config', { orgId: COMMITTEE });
    expect(loaded.custom).toBe(false);
    let draft = toDraft({ steps: loaded.steps, rules: loaded.rules });
    for (const code of ['activistFiling', 'candidateFiling', 'committeeTalk', 'upperFiling'])
      draft = removeStep(draft, code);
    draft = renameStep(draft, 'oath', '入党宣誓仪式');
    draft = setInterval(draft, 0, 'due', 'months', '');
    draft = setInterval(draft, 0, 'due', 'days', '15');
    expect(validateDraft(draft)).toEqual({});
    const { config } = toConfig(draft);
    await h.call(ADMIN, 'develop', 'setSteps', { committeeId: COMMITTEE, config });
    const after = await h.call(SECRETARY, 'develop', 'config', { orgId: 'org-branch-1' });
    expect(after).toMatchObject({ custom: true, steps: config.steps, rules: config.rules });
    expect(after.steps).toHaveLength(21);

    // A file opened now follows it: 派人谈话 due 15 days after the application.
    const { id } = await h.call(SECRETARY, 'develop', 'start', {
      orgId: 'org-branch-1',
      name: '许安',
      appliedAt: '2026-11-01',
    });
    const file = await h.call(SECRETARY, 'develop', 'get', { id });
    expect(file.steps).toHaveLength(21);
    expect(file.steps[1].due).toBe('2026-11-16');
    expect(file.steps.find((s) => s.step === 'oath')?.name).toBe('入党宣誓仪式');
  });

  it('restoring the default saves the 25 steps again', async () => {
    await h.call(ADMIN, 'develop', 'setSteps', {
      committeeId: COMMITTEE,
      config: toConfig(removeStep(defaultDraft(), 'upperFiling')).config,
    });
    await h.call(ADMIN, 'develop', 'setSteps', { committeeId: COMMITTEE, config: toConfig(defaultDraft()).config });
    expect(await h.call(ADMIN, 'develop', 'config', { orgId: COMMITTEE })).toMatchObject({
      steps: DEFAULT_DEVELOP_STEPS,
      rules: DEFAULT_DEVELOP_RULES,
    });
  });

  it.each(['admissionVote', 'admissionApproval', 'fullApproval'])(
    'a list without the marked step %s (the page keeps it) is refused by the server too',
    async (code) => {
      const config = {
        steps: DEFAULT_DEVELOP_STEPS.filter((s) => s.code !== code),
        rules: DEFAULT_DEVELOP_RULES.filter((r) => r.step !== code && r.after !== code),
      };
      const result = await setSteps(config);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'config.steps' } });
      expect(removeStep(defaultDraft(), code).steps.find((s) => s.code === code)?.removed).toBe(false);
      expect((await h.call(ADMIN, 'develop', 'config', { orgId: COMMITTEE })).custom).toBe(false);
    },
  );

  it('the server’s refusals land on the step or rule they name', async () => {
    // Past the page's checks (as a stale or tampered page would send them): the schema's and configProblem's words.
    const draft = removeStep(renameStep(defaultDraft(), 'recommend', '推'), 'talk');
    const saved = toConfig(draft);
    const short = await setSteps(saved.config);
    expect(short).toMatchObject({ ok: false, error: { field: 'config.steps.1.name' } });
    if (short.ok) throw new Error('accepted');
    expect(serverErrorKey(short.error.field, saved)).toBe(stepErrorKey('recommend'));

    const fine = toConfig(removeStep(defaultDraft(), 'talk'));
    const cultivate = fine.config.rules.findIndex((r) => r.step === 'cultivate');
    fine.config.rules[cultivate] = { ...fine.config.rules[cultivate], after: 'training' };
    const late = await setSteps(fine.config);
    expect(late).toMatchObject({ ok: false, error: { field: `config.rules.${cultivate}.after` } });
    if (late.ok) throw new Error('accepted');
    // The draft's rule 1 (培养教育考察); the saved list had lost 派人谈话's rule 0.
    expect(serverErrorKey(late.error.field, fine)).toBe(ruleErrorKey(1));
  });

  it('is the committee admin’s alone', async () => {
    await expectError(
      h,
      SECRETARY,
      'develop',
      'setSteps',
      { committeeId: COMMITTEE, config: toConfig(defaultDraft()).config },
      'FORBIDDEN',
    );
  });
});
