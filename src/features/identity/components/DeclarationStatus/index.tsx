import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DeclarationSummary } from '@contracts';
import { formatDateTime } from '@/utils/dates';
import { DECLARATION_STATUS_LABEL } from '@/features/roster/model';
import StatusTag, { type Tone } from '@/components/StatusTag';
import './index.scss';

const TONE: Record<DeclarationSummary['status'], Tone> = {
  pending: 'gold',
  approved: 'success',
  rejected: 'primary',
  withdrawn: 'muted',
};

const HEADLINE: Record<DeclarationSummary['status'], string> = {
  pending: '亮身份申报已提交，等待审核',
  approved: '亮身份申报已通过',
  rejected: '亮身份申报未通过',
  withdrawn: '亮身份申报已撤回',
};

interface Props {
  declaration: DeclarationSummary;
  /** 重新申报 (rejected) */
  onRedeclare?: () => void;
  /** 撤回 (pending) */
  onWithdraw?: () => void;
  /** 查看 (pending, from 首页) */
  onOpen?: () => void;
  busy?: boolean;
}

/** Where my 亮身份 declaration stands, with what I can do about it. */
export default function DeclarationStatus({ declaration: d, onRedeclare, onWithdraw, onOpen, busy }: Props) {
  const org = d.orgName ?? (d.externalOrg ? `流动党员 · ${d.externalOrg}` : '');
  return (
    <View className={`zb-decl zb-decl--${d.status} e2e-declaration-status e2e-declaration-${d.status}`}>
      <View className="zb-decl__head">
        <Text className="zb-decl__headline">{HEADLINE[d.status]}</Text>
        <StatusTag tone={TONE[d.status]}>{DECLARATION_STATUS_LABEL[d.status]}</StatusTag>
      </View>
      <View className="zb-decl__rows">
        <View className="zb-decl__row">
          <Text className="zb-decl__label">姓名</Text>
          <Text className="zb-decl__value">{d.name}</Text>
        </View>
        {org ? (
          <View className="zb-decl__row">
            <Text className="zb-decl__label">组织关系</Text>
            <Text className="zb-decl__value">{org}</Text>
          </View>
        ) : null}
        <View className="zb-decl__row">
          <Text className="zb-decl__label">提交时间</Text>
          <Text className="zb-decl__value">{formatDateTime(d.createdAt)}</Text>
        </View>
        {d.reviewedAt ? (
          <View className="zb-decl__row">
            <Text className="zb-decl__label">审核时间</Text>
            <Text className="zb-decl__value">{formatDateTime(d.reviewedAt)}</Text>
          </View>
        ) : null}
      </View>
      {d.status === 'pending' ? (
        <Text className="zb-decl__note">支部书记审核通过后，即可查看您的党员身份卡。</Text>
      ) : null}
      {d.status === 'rejected' && d.reason ? (
        <View className="zb-decl__reason e2e-reject-reason">
          <Text className="zb-decl__reason-label">驳回原因</Text>
          <Text className="zb-decl__reason-text">{d.reason}</Text>
        </View>
      ) : null}
      <View className="zb-decl__actions">
        {d.status === 'pending' && onOpen ? (
          <Button block type="primary" fill="outline" className="e2e-declaration-open" onClick={onOpen}>
            查看申报
          </Button>
        ) : null}
        {d.status === 'pending' && onWithdraw ? (
          <Button block fill="outline" loading={busy} className="e2e-declare-withdraw" onClick={onWithdraw}>
            撤回申报
          </Button>
        ) : null}
        {(d.status === 'rejected' || d.status === 'withdrawn') && onRedeclare ? (
          <Button block type="primary" size="large" className="e2e-redeclare" onClick={onRedeclare}>
            重新申报
          </Button>
        ) : null}
      </View>
    </View>
  );
}
