/**
 * The one way of sending a request for the user. The hooks are called as plain functions: React's
 * state is mocked (the setter is recorded), and so are the toasts (they call Taro).
 */
const busyStates: unknown[] = [];
jest.mock('react', () => ({
  useState: (initial: unknown) => [initial, (next: unknown) => busyStates.push(next)],
  useCallback: <F>(callback: F) => callback,
}));
const toasts: string[] = [];
jest.mock('@/utils/feedback', () => ({
  CHECK_FORM_MESSAGE: '请检查标红的项目',
  toastSuccess: (title: string) => toasts.push(`success:${title}`),
  toastInfo: (title: string) => toasts.push(`info:${title}`),
  toastError: (e: Error) => toasts.push(`error:${e.message}`),
}));

import { ApiRequestError } from '@/services/errors';
import { sendBusy, serverFieldError, useFormSubmit } from './useFormSubmit';

interface Values {
  name: string;
  phone: string;
}

const formSubmit = useFormSubmit<Values>;

beforeEach(() => {
  busyStates.length = 0;
  toasts.length = 0;
});

describe('sendBusy', () => {
  it('marks the key busy while the request runs, toasts success and hands over the result', async () => {
    const busy: string[] = [];
    const done = jest.fn();
    const ok = await sendBusy(
      (k) => busy.push(k),
      'export',
      () => Promise.resolve(42),
      {
        successText: '已导出',
        onDone: done,
      },
    );
    expect(ok).toBe(true);
    expect(busy).toEqual(['export', '']);
    expect(toasts).toEqual(['success:已导出']);
    expect(done).toHaveBeenCalledWith(42);
  });

  it('shows a failure to onError, then toasts it, and resolves false', async () => {
    const busy: string[] = [];
    const seen: unknown[] = [];
    const ok = await sendBusy(
      (k) => busy.push(k),
      'a',
      () => Promise.reject(new Error('网络不可用')),
      {
        successText: '已保存',
        onError: (e) => void seen.push(e),
      },
    );
    expect(ok).toBe(false);
    expect(busy).toEqual(['a', '']);
    expect(seen).toHaveLength(1);
    expect(toasts).toEqual(['error:网络不可用']);
  });

  it('leaves a failure to onError when it says it has shown it', async () => {
    const ok = await sendBusy(
      () => undefined,
      'import',
      () => Promise.reject(new Error('第 3 行有误')),
      {
        onError: () => true,
      },
    );
    expect(ok).toBe(false);
    expect(toasts).toEqual([]);
  });

  it('toasts nothing on success without a text', async () => {
    expect(
      await sendBusy(
        () => undefined,
        'k',
        () => Promise.resolve(),
      ),
    ).toBe(true);
    expect(toasts).toEqual([]);
  });
});

describe('serverFieldError', () => {
  const invalid = (field: string) => new ApiRequestError('INVALID_INPUT', '手机号格式不对', field);

  it('puts an INVALID_INPUT on the field its path ends in, or where a mapping says', () => {
    expect(serverFieldError<Values>(invalid('member.phone'), ['name', 'phone'])).toEqual({ phone: '手机号格式不对' });
    expect(serverFieldError<Values>(invalid('mobile'), (path) => (path === 'mobile' ? 'phone' : undefined))).toEqual({
      phone: '手机号格式不对',
    });
  });

  it('ignores other fields and other errors', () => {
    expect(serverFieldError<Values>(invalid('email'), ['name', 'phone'])).toBeUndefined();
    expect(serverFieldError<Values>(new ApiRequestError('FORBIDDEN', '无权限'), ['phone'])).toBeUndefined();
    expect(serverFieldError<Values>(new Error('x'), ['phone'])).toBeUndefined();
  });
});

describe('useFormSubmit', () => {
  it('shows local errors without sending, and tells onInvalid', async () => {
    const setErrors = jest.fn();
    const onInvalid = jest.fn();
    const send = jest.fn();
    const { submit } = formSubmit({ setErrors }, ['name', 'phone'], onInvalid);
    await submit({ name: '请填写姓名' }, send, jest.fn(), '已保存');
    expect(send).not.toHaveBeenCalled();
    expect(setErrors).toHaveBeenCalledWith({ name: '请填写姓名' });
    expect(onInvalid).toHaveBeenCalledWith({ name: '请填写姓名' });
    expect(toasts).toEqual(['info:请检查标红的项目']);
  });

  it('sends when the checks pass, and lands a server INVALID_INPUT on its field', async () => {
    const setErrors = jest.fn();
    const onInvalid = jest.fn();
    const { submit } = formSubmit({ setErrors }, ['name', 'phone'], onInvalid);
    const failed = () => Promise.reject(new ApiRequestError('INVALID_INPUT', '手机号已被使用', 'phone'));
    await submit({ name: undefined }, failed, jest.fn(), '已保存');
    expect(setErrors).toHaveBeenCalledWith({ phone: '手机号已被使用' });
    expect(onInvalid).toHaveBeenCalledWith({ phone: '手机号已被使用' });
    expect(toasts).toEqual(['error:手机号已被使用']);
    expect(busyStates).toEqual(['submit', '']);

    const done = jest.fn();
    await submit({}, () => Promise.resolve({ id: 'm1' }), done, '已保存');
    expect(done).toHaveBeenCalledWith({ id: 'm1' });
    expect(toasts).toEqual(['error:手机号已被使用', 'success:已保存']);
  });
});
