import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DeclarationItem } from '@contracts';
import { formatDate, formatDateTime } from '@/utils/dates';
import { DECLARATION_STATUS_LABEL, PARTY_STATUS_LABEL } from '@/features/roster/model';
import StatusTag from '@/components/StatusTag';
import './index.scss';

interface Props {
  item: DeclarationItem;
  onApprove: (item: DeclarationItem) => void;
  onReject: (item: DeclarationItem) => void;
}

/** One declaration in 审核: who, what they declared, and whether the roster already knows them. */
export default function DeclarationReviewCard({ item, onApprove, onReject }: Props) {
  const rows: Array<[string, string]> = [
    ['手机号', item.phone],
    ['党员身份', PARTY_STATUS_LABEL[item.partyStatus]],
    ['入党日期', formatDate(item.joinedAt)],
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
        <View className={`zb-review-card__match ${item.match ? 'zb-review-card__match--found' : ''}`}>
          {item.match
            ? `花名册匹配：${item.match.name} · ${item.match.orgName}，通过后将绑定该档案`
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
          <Button type="primary" className="zb-review-card__btn e2e-review-approve" onClick={() => onApprove(item)}>
            通过
          </Button>
        </View>
      ) : null}
    </View>
  );
}
