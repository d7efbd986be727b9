import { Button } from '@nutui/nutui-react-taro';
import { Canvas, Text } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import IdentityCard from '@/features/identity/components/IdentityCard';
import MemberCodePanel from '@/features/identity/components/MemberCodePanel';
import { cardImageLayout } from '@/features/identity/model/card-image';
import { saveCardImage } from '@/features/identity/services/card-image';
import { CARD_CANVAS_ID } from '@/features/identity/services/card-image-types';
import PageShell from '@/components/PageShell';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { useRequest } from '@/hooks/useRequest';
import { isApiRequestError } from '@/services/client';
import { getCard } from '@/features/identity/services/identity';
import { useMe } from '@/features/identity/hooks/useMe';
import { toastError, toastSuccess } from '@/utils/feedback';
import { go, ROUTES } from '@/utils/routes';
import './index.scss';
import './save-image.scss';

export default function CardPage() {
  const card = useRequest(getCard, []);
  const { me } = useMe();
  const [saving, setSaving] = useState(false);

  useShareAppMessage(() => ({ title: '我是共产党员 — 支部通', path: ROUTES.home }));

  async function saveImage() {
    if (!card.data || saving) return;
    setSaving(true);
    try {
      const result = await saveCardImage(cardImageLayout(card.data));
      if (result === 'saved') toastSuccess('已保存到相册');
      else if (result === 'downloaded') toastSuccess('图片已下载');
    } catch (e) {
      toastError(e);
    } finally {
      setSaving(false);
    }
  }

  let content;
  if (card.loading) content = <LoadingSkeleton rows={6} />;
  else if (card.data) content = <IdentityCard card={card.data} />;
  else if (me?.member?.cardNote)
    // Someone on the way to membership: the card begins with 预备党员.
    content = <EmptyState title="暂无党员身份卡" description={me.member.cardNote} className="e2e-card-note" />;
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
      {card.data ? (
        <>
          <Button
            block
            type="primary"
            size="large"
            loading={saving}
            className="zb-card-page__save e2e-card-save-image"
            onClick={() => void saveImage()}
          >
            保存图片
          </Button>
          <Text className="zb-card-page__hint">保存为图片后，可以发给亲友或打印</Text>
          <MemberCodePanel />
        </>
      ) : null}
      {/* WeChat paints the picture on a canvas in the page (kept off screen); H5 makes its own. */}
      {process.env.TARO_ENV === 'weapp' ? (
        <Canvas type="2d" id={CARD_CANVAS_ID} className="zb-card-page__canvas" />
      ) : null}
    </PageShell>
  );
}
