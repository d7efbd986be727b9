import { withdrawDeclaration } from '@/features/identity/services/identity';
import { useSubmit } from '@/hooks/useFormSubmit';
import { confirmAction, toastSuccess } from '@/utils/feedback';
import { refreshMe } from './useMe';

/** 撤回申报: after a confirmation, withdraws the pending declaration and reloads who I am. */
export function useWithdrawDeclaration() {
  const { busy, send } = useSubmit<'withdraw'>();
  const withdraw = async () => {
    const ok = await confirmAction({
      title: '撤回申报',
      content: '撤回后可以修改信息重新申报。确定撤回吗？',
      confirmText: '撤回',
    });
    if (!ok) return;
    // Busy until `me` is reloaded, when the pending declaration (and its button) goes away.
    await send('withdraw', async () => {
      await withdrawDeclaration();
      toastSuccess('已撤回');
      await refreshMe();
    });
  };
  return { withdrawing: busy !== '', withdraw };
}
