import { z } from 'zod';
import type { HandlerContext } from './context';
import { action, dispatcher } from './dispatch';
import { conflict, invalidInput } from './errors';
import { DuplicateIdError, TransactionConflictError } from '../store/port';

/** A context the toy actions never touch. */
const ctx = {} as HandlerContext;

const rows = z
  .object({
    rows: z.array(z.object({ phone: z.string().regex(/^1\d{10}$/) }).strict()),
    note: z.string().optional(),
  })
  .strict();

const fn = dispatcher('toy', {
  echo: action(rows, async (_ctx, data) => data),
  nothing: action(z.object({}).strict().optional(), async () => 'ok'),
  refuse: action(z.unknown(), async () => {
    throw conflict('已处理');
  }),
  badField: action(z.unknown(), async () => {
    throw invalidInput('orgId', '请选择党支部');
  }),
  duplicate: action(z.unknown(), async () => {
    throw new DuplicateIdError('members', 'm1');
  }),
  busy: action(z.unknown(), async () => {
    throw new TransactionConflictError();
  }),
  crash: action(z.unknown(), async () => {
    throw new Error('secret detail: 13912341234');
  }),
});

describe('dispatcher: every outcome is a coded result', () => {
  it('returns the action’s data', async () => {
    expect(await fn({ action: 'echo', data: { rows: [{ phone: '13912341234' }] } }, ctx)).toEqual({
      ok: true,
      data: { rows: [{ phone: '13912341234' }] },
    });
  });

  it.each<[string, unknown, string]>([
    ['a nested field, as a dotted path', { rows: [{ phone: '1' }, { phone: 'x' }] }, 'rows.0.phone'],
    ['a wrong type', { rows: 'all' }, 'rows'],
    ['a missing field', {}, 'rows'],
    ['an unknown key', { rows: [], extra: true }, 'extra'],
    ['an unknown nested key', { rows: [{ phone: '13912341234', name: '张三' }] }, 'rows.0.name'],
    ['no payload at all', undefined, 'data'],
    ['a payload that is not an object', 'rows', 'data'],
  ])('INVALID_INPUT names %s', async (_label, data, field) => {
    const result = await fn({ action: 'echo', data }, ctx);
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', field, message: expect.stringContaining(field) },
    });
  });

  it('an action without input refuses any key', async () => {
    expect(await fn({ action: 'nothing' }, ctx)).toEqual({ ok: true, data: 'ok' });
    expect(await fn({ action: 'nothing', data: { a: 1 } }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'a' },
    });
  });

  it.each<[string, unknown]>([
    ['a string event', 'echo'],
    ['null', null],
    ['no action', { data: {} }],
  ])('a malformed envelope (%s) is INVALID_INPUT on action', async (_label, event) => {
    expect(await fn(event, ctx)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'action' } });
  });

  it.each(['missing', 'toString', '__proto__'])('an unknown action (%s) is UNKNOWN_ACTION', async (name) => {
    expect(await fn({ action: name }, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });

  it.each([
    ['refuse', { code: 'CONFLICT', message: '已处理' }],
    ['badField', { code: 'INVALID_INPUT', field: 'orgId', message: '请选择党支部' }],
    ['duplicate', { code: 'CONFLICT' }],
    ['busy', { code: 'CONFLICT' }],
  ])('%s → %j', async (name, error) => {
    expect(await fn({ action: name }, ctx)).toMatchObject({ ok: false, error });
  });

  it('an unexpected error is INTERNAL, and its detail never reaches the caller', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const result = await fn({ action: 'crash' }, ctx);
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(JSON.stringify(result)).not.toContain('13912341234');
      expect(JSON.stringify(result)).not.toContain('secret');
    } finally {
      spy.mockRestore();
    }
  });
});
