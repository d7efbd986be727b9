import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { SelectField } from '@/components/Field';
import PageShell from '@/components/PageShell';
import { requestPage } from '@/components/RequestPage';
import QrCode from '@/components/QrCode';
import { EmptyState } from '@/components/StateViews';
import { useAdminTree } from '@/features/roster/hooks/useAdminTree';
import { getInviteCode } from '@/features/roster/services/roster';
import { useRequest } from '@/hooks/useRequest';
import { branchOptions, inviteLink, invitePath } from '@/features/roster/model/admin';
import { toastSuccess } from '@/utils/feedback';
import { ROUTES } from '@/utils/routes';
import './index.scss';

/** Where the local host serves the app (H5); none in the mini-program. */
const origin = (): string | null =>
  process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? window.location.origin : null;

/** 邀请入支部: a branch's invitation, as a card shared to a chat and as a QR code, opening 亮身份 with the branch chosen. */
export default function Invite() {
  const tree = useAdminTree();
  const options = branchOptions(tree.orgs, tree.me, 'org.manage');
  const [orgId, setOrgId] = useState('');

  useEffect(() => {
    if (!orgId && options.length) setOrgId(options[0].value);
  }, [orgId, options]);

  // The 小程序码 (opens 亮身份 from WeChat's own scanner); null where the app shows the link's QR code.
  const code = useRequest(() => (orgId ? getInviteCode(orgId) : Promise.resolve(undefined)), [orgId]);
  const image = code.data?.orgId === orgId ? code.data.image : null;

  const branchName = options.find((o) => o.value === orgId)?.label ?? '';
  useShareAppMessage(() => ({
    title: branchName ? `邀请您加入${branchName}，亮明党员身份` : '支部通 · 亮身份',
    path: orgId ? invitePath(orgId) : ROUTES.declare,
  }));

  const waiting = requestPage(tree);
  if (waiting) return waiting;
  if (!options.length)
    return (
      <PageShell>
        <EmptyState title="没有可邀请的党支部" description="请先在“组织架构”中新建党支部。" />
      </PageShell>
    );

  const link = orgId ? inviteLink(orgId, origin()) : '';
  return (
    <PageShell className="zb-invite">
      <View className="zb-invite__panel">
        <SelectField
          label="党支部"
          options={options}
          value={orgId}
          pickerClassName="e2e-invite-org"
          onChange={setOrgId}
        />
      </View>
      {orgId ? (
        <View className="zb-invite__card e2e-invite-card">
          <Text className="zb-invite__title">{`加入${branchName}`}</Text>
          <Text className="zb-invite__desc">用微信扫码或点开分享卡片，填写“亮身份”，支部书记审核后即可使用。</Text>
          <View className="zb-invite__frame">
            {image ? (
              <Image src={image} mode="aspectFit" className="zb-invite__qr e2e-invite-wxacode" showMenuByLongpress />
            ) : (
              <QrCode value={link} className="zb-invite__qr" />
            )}
          </View>
          {image ? (
            <Text className="zb-invite__link">长按小程序码可保存或转发，打印张贴在支部活动室也可以扫码。</Text>
          ) : (
            <Text className="zb-invite__link e2e-invite-link">{link}</Text>
          )}
        </View>
      ) : null}
      <View className="zb-invite__actions">
        {process.env.TARO_ENV === 'weapp' ? (
          <Button block type="primary" size="large" openType="share" className="e2e-invite-share">
            发送邀请到微信群
          </Button>
        ) : null}
        <Button
          block
          size="large"
          className="e2e-invite-copy"
          onClick={() =>
            void Taro.setClipboardData({ data: link }).then(
              () => toastSuccess('已复制'),
              () => undefined,
            )
          }
        >
          复制邀请链接
        </Button>
      </View>
    </PageShell>
  );
}
