import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DeclarationItem } from '@contracts';
import { formatDate, formatDateTime } from '@/utils/dates';
import { DECLARATION_STATUS_LABEL, PARTY_STATUS_LABEL } from '@/features/roster/model';
import StatusTag from '@/components/StatusTag';
import { isPartyMember } from '@contracts/labels/common';
import './index.scss';

interface Props {
  item: DeclarationItem;
  onApprove: (item: DeclarationItem) => void;
  onReject: (item: DeclarationItem) => void;
}

/** One declaration in 审核: who, what they declared, and whether the roster already knows them. */
export default function DeclarationReviewCard({ item, onApprove, onReject }: Props) {
  // Someone on the way to membership binds only to their 发展党员 file's roster entry: none, no approval.
  const onTheWay = !isPartyMember(item.partyStatus);
  const approvable = !onTheWay || !!item.match;
  const rows: Array<[string, string]> = [
    ['手机号', item.phone],
    onTheWay
      ? ['身份', `正在申请入党（${PARTY_STATUS_LABEL[item.partyStatus]}）`]
      : ['党员身份', PARTY_STATUS_LABEL[item.partyStatus]],
    ...(item.joinedAt ? ([['入党日期', formatDate(item.joinedAt)]] as Array<[string, string]>) : []),
    ...(item.fullAt ? ([['转正日期', formatDate(item.fullAt)]] as Array<[string, string]>) : []),
    ['组织关系', item.orgName ?? `流动党员 · ${item.externalOrg ?? ''}`],
    ['提交时间', formatDateTime(item.createdAt)],
  ];
  return (
    <View className="zb-review-card e2e-review-item">
      <View className="zb-review-card__head">
        <Text className="zb-review-card__name e2e-review-name">{item.name}</Text>
        <StatusTag tone={item.status === 'pending' ? 'gold' : item.status === 'approved' ? 'success' : 'primary'}>
          {DECLARATION_STATUS_LABEL[item.status]}
        </StatusTag>
      </View>
      {rows.map(([label, value]) => (
        <View className="zb-review-card__row" key={label}>
          <Text className="zb-review-card__label">{label}</Text>
          <Text className="zb-review-card__value">{value}</Text>
        </View>
      ))}
      {item.status === 'pending' && item.orgId ? (
        <View className={`zb-review-card__match e2e-review-match ${item.match ? 'zb-review-card__match--found' : ''}`}>
          {item.match
            ? `${onTheWay ? '发展党员档案' : '花名册匹配'}：${item.match.name} · ${item.match.orgName}，通过后将绑定该档案`
            : onTheWay
              ? '未找到姓名和手机号一致的发展党员档案，不能通过：请核对，或驳回并告知「未找到您的发展党员档案，请联系支部书记」'
              : '花名册中未找到同名同手机号的党员，通过后将新建档案'}
        </View>
      ) : null}
      {item.status === 'rejected' && item.reason ? (
        <Text className="zb-review-card__reason">{`驳回原因：${item.reason}`}</Text>
      ) : null}
      {item.reviewedAt ? (
        <Text className="zb-review-card__reviewed">{`审核于 ${formatDateTime(item.reviewedAt)}`}</Text>
      ) : null}
      {item.status === 'pending' && !item.orgId ? (
        <View className="zb-review-card__match">流动党员：通过时请选择编入的党支部，将在该支部花名册中新建档案</View>
      ) : null}
      {item.status === 'pending' && item.mine ? (
        <Text className="zb-review-card__reason e2e-review-own">这是您本人的申报，需由其他书记或党委管理员审核。</Text>
      ) : null}
      {item.status === 'pending' && !item.mine ? (
        <View className="zb-review-card__actions">
          <Button fill="outline" className="zb-review-card__btn e2e-review-reject" onClick={() => onReject(item)}>
            驳回
          </Button>
          {approvable ? (
            <Button type="primary" className="zb-review-card__btn e2e-review-approve" onClick={() => onApprove(item)}>
              通过
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
