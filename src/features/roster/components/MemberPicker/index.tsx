import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RosterMember } from '@contracts';
import SearchInput from '@/components/SearchInput';
import { LoadingSkeleton } from '@/components/StateViews';
import { useDebounced } from '@/hooks/useDebounced';
import { useRequest } from '@/hooks/useRequest';
import { listMembers } from '@/features/roster/services/roster';
import './index.scss';

interface Props {
  /** Where to search (a committee, a branch or a group). */
  orgId: string;
  onPick: (member: RosterMember) => void;
  placeholder?: string;
  /** Why a member not yet bound to WeChat cannot be picked (任命 needs a bound account), if so. */
  unboundReason?: string;
  className?: string;
}

/** Find an active member by name or phone and pick one (人员任职, 组织关系转接, 操作日志's 操作人). */
export default function MemberPicker({
  orgId,
  onPick,
  placeholder = '输入姓名或手机号搜索',
  unboundReason,
  className,
}: Props) {
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 300);
  const found = useRequest(() => listMembers({ orgId, query, status: 'active', pageSize: 8 }), [orgId, query], {
    manual: !query || !orgId,
  });
  const items = query ? (found.data?.items ?? []) : [];
  return (
    <View className={`zb-member-picker ${className ?? ''}`}>
      <SearchInput value={text} onChange={setText} placeholder={placeholder} />
      {query && found.loading ? <LoadingSkeleton rows={2} /> : null}
      {query && !found.loading && !items.length ? (
        <Text className="zb-member-picker__none">没有找到“{query}”，请换个关键词</Text>
      ) : null}
      {items.map((m) => {
        const refused = unboundReason && !m.bound ? unboundReason : '';
        return (
          <View
            key={m.id}
            className={`zb-member-picker__row ${refused ? 'zb-member-picker__row--off' : 'e2e-member-pick'}`}
            onClick={() => {
              if (refused) return;
              onPick(m);
              setText('');
            }}
          >
            <Text className="zb-member-picker__name">{m.name}</Text>
            <Text className="zb-member-picker__meta">{refused || `${m.orgName} · ${m.phone ?? '无手机'}`}</Text>
          </View>
        );
      })}
    </View>
  );
}
