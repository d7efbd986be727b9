import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { NoticeItem } from '@contracts';
import { NOTICE_KIND_LABELS } from '@contracts/labels/notice';
import LoadMoreFooter from '@/components/LoadMoreFooter';
import PageShell from '@/components/PageShell';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import StatusTag from '@/components/StatusTag';
import MemberOnly from '@/features/identity/components/MemberOnly';
import { acceptedTemplates } from '@/features/notices/model/consent';
import { getSubscribeTemplates, listNotices, readNotices, subscribeNotices } from '@/features/notices/services/notice';
import { useRequest } from '@/hooks/useRequest';
import { usePagedList } from '@/hooks/usePagedList';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { formatDateTime } from '@/utils/dates';
import { toastError, toastSuccess } from '@/utils/feedback';
import { go } from '@/utils/routes';
import './index.scss';

function Notices() {
  const list = usePagedList<NoticeItem>((page) => listNotices(page), []);
  // Marked read here as soon as they are opened, before the server answers.
  const [read, setRead] = useState<Set<string>>(new Set());
  // Subscribe messages, where templates are configured (in WeChat): each tap of 允许 allows one message.
  const templates = useRequest(getSubscribeTemplates, []);
  const templateIds = templates.data?.templates.map((t) => t.templateId) ?? [];
  useReloadOnShow(list.reload);
  useReachBottom(() => void list.loadMore());
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()));

  const open = (item: NoticeItem) => {
    if (!item.read && !read.has(item.id)) {
      setRead(new Set(read).add(item.id));
      readNotices([item.id]).catch(() => undefined);
    }
    if (item.link) go(item.link);
  };
  const remindMe = async () => {
    try {
      const answer = await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] });
      const accepted = acceptedTemplates(answer as unknown as Record<string, unknown>, templateIds);
      if (!accepted.length) return;
      await subscribeNotices(accepted);
      toastSuccess('已开启微信提醒');
    } catch (e) {
      toastError(e);
    }
  };
  const readAll = async () => {
    try {
      await readNotices();
      setRead(new Set(list.items.map((i) => i.id)));
      toastSuccess('已全部标为已读');
    } catch (e) {
      toastError(e);
    }
  };

  const subscribe = templateIds.length ? (
    <Button className="zb-notices__subscribe e2e-notices-subscribe" onClick={() => void remindMe()}>
      接收微信提醒（每次允许可收到一条）
    </Button>
  ) : null;

  if (list.loading)
    return (
      <PageShell>
        <LoadingSkeleton rows={3} cards={3} />
      </PageShell>
    );
  if (list.error)
    return (
      <PageShell>
        <ErrorState error={list.error} onRetry={list.reload} />
      </PageShell>
    );
  if (!list.items.length)
    return (
      <PageShell>
        {subscribe}
        <EmptyState
          title="暂无消息"
          description="活动提醒、审核结果、积分变动和任务提醒会出现在这里。"
          className="e2e-notices-empty"
        />
      </PageShell>
    );
  const unread = list.items.some((i) => !i.read && !read.has(i.id));
  return (
    <PageShell className="zb-notices e2e-notices">
      {subscribe}
      {unread ? (
        <Button className="zb-notices__read-all e2e-notices-read-all" onClick={() => void readAll()}>
          全部标为已读
        </Button>
      ) : null}
      {list.items.map((item) => {
        const isRead = item.read || read.has(item.id);
        return (
          <View
            key={item.id}
            className={`zb-notice ${isRead ? '' : 'zb-notice--unread'} e2e-notice`}
            onClick={() => open(item)}
          >
            <View className="zb-notice__head">
              <StatusTag tone={isRead ? 'muted' : 'primary'}>{NOTICE_KIND_LABELS[item.kind]}</StatusTag>
              <Text className="zb-notice__at">{formatDateTime(item.at)}</Text>
            </View>
            <Text className="zb-notice__title">{item.title}</Text>
            {item.body ? <Text className="zb-notice__body">{item.body}</Text> : null}
          </View>
        );
      })}
      <LoadMoreFooter list={list} />
    </PageShell>
  );
}

/** 消息: activity reminders, review outcomes, deductions and tasks, newest first. */
export default function NoticesPage() {
  return (
    <MemberOnly
      visitor={{
        title: '亮身份后接收消息',
        description: '通过支部审核后，活动提醒、审核结果和积分变动会发到这里。',
        className: 'e2e-notices-visitor',
      }}
    >
      {() => <Notices />}
    </MemberOnly>
  );
}
