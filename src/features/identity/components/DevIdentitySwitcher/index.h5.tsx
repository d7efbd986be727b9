import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { resetMe } from '@/features/identity/hooks/useMe';
import { useRequest } from '@/hooks/useRequest';
import { devAccounts, devLogin, getDevOpenid } from '@/services/session';
import { ROUTES } from '@/utils/routes';
import { toastError } from '@/utils/feedback';
import ListCell, { CellGroup } from '@/components/ListCell';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import './index.scss';

/** H5 only: log in as one of the host's demo identities, then start over at 首页. */
export default function DevIdentitySwitcher() {
  const [open, setOpen] = useState(false);
  const [switching, setSwitching] = useState('');
  const accounts = useRequest(devAccounts, []);
  const current = getDevOpenid();
  const currentLabel = accounts.data?.find((a) => a.openid === current)?.label ?? current;

  const toggle = () => {
    if (!open && accounts.error) void accounts.reload();
    setOpen(!open);
  };

  const switchTo = async (openid: string) => {
    if (switching) return;
    setSwitching(openid);
    try {
      await devLogin(openid);
      resetMe();
      await Taro.reLaunch({ url: ROUTES.home });
    } catch (e) {
      toastError(e);
    } finally {
      setSwitching('');
    }
  };

  return (
    <CellGroup title="演示（仅本地 H5）" className="zb-dev">
      <ListCell title="切换演示身份" value={currentLabel} arrow className="e2e-dev-switch" onClick={toggle} />
      {open ? (
        <View className="zb-dev__list e2e-dev-accounts">
          {accounts.loading ? <LoadingSkeleton rows={4} /> : null}
          {accounts.error ? <ErrorState error={accounts.error} onRetry={accounts.reload} /> : null}
          {(accounts.data ?? []).map((a) => (
            <View
              key={a.openid}
              className={`zb-dev__item e2e-dev-account e2e-dev-account-${a.openid} ${a.openid === current ? 'zb-dev__item--current' : ''}`}
              onClick={() => void switchTo(a.openid)}
            >
              <View className="zb-dev__who">
                <Text className="zb-dev__label">{a.label}</Text>
                <Text className="zb-dev__openid">{a.openid}</Text>
              </View>
              <Text className="zb-dev__mark">
                {switching === a.openid ? '切换中…' : a.openid === current ? '当前' : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </CellGroup>
  );
}
