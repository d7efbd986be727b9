import { Text } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import IdentityCard from '@/features/identity/components/IdentityCard';
import MemberCodePanel from '@/features/identity/components/MemberCodePanel';
import PageShell from '@/components/PageShell';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { useRequest } from '@/hooks/useRequest';
import { isApiRequestError } from '@/services/client';
import { getCard } from '@/features/identity/services/identity';
import { go, ROUTES } from '@/utils/routes';
import './index.scss';

export default function CardPage() {
  const card = useRequest(getCard, []);

  useShareAppMessage(() => ({ title: '我是共产党员 — 支部通', path: ROUTES.home }));

  let content;
  if (card.loading) content = <LoadingSkeleton rows={6} />;
  else if (card.data) content = <IdentityCard card={card.data} />;
  else if (isApiRequestError(card.error) && ['NOT_FOUND', 'FORBIDDEN'].includes(card.error.code))
    content = (
      <EmptyState
        title="还没有身份卡"
        description="亮身份并经支部书记审核通过后，这里会显示您的党员身份卡。"
        actionText="去亮身份"
        onAction={() => go(ROUTES.declare)}
      />
    );
  else content = <ErrorState error={card.error} onRetry={card.reload} />;

  return (
    <PageShell className="zb-card-page">
      {content}
      {card.data ? <Text className="zb-card-page__hint">截屏即可保存或分享您的身份卡</Text> : null}
      {card.data ? <MemberCodePanel /> : null}
    </PageShell>
  );
}
