import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { RosterMember } from '@contracts';
import { filterByName } from '@/features/points/model/points';
import SearchInput from '@/components/SearchInput';
import StatusTag from '@/components/StatusTag';
import './index.scss';

interface Props {
  members: RosterMember[];
  selected: string[];
  onToggle: (id: string) => void;
  onSelect: (ids: string[]) => void;
}

/** A searchable checklist of the branch's members; choices survive a search. */
export default function PointsMemberPicker({ members, selected, onToggle, onSelect }: Props) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterByName(members, query), [members, query]);
  const chosen = new Set(selected);
  const allShownChosen = shown.length > 0 && shown.every((m) => chosen.has(m.id));

  const toggleShown = () => {
    const ids = new Set(selected);
    for (const m of shown) {
      if (allShownChosen) ids.delete(m.id);
      else ids.add(m.id);
    }
    onSelect([...ids]);
  };

  return (
    <View className="zb-mpick e2e-record-members">
      <SearchInput value={query} onChange={setQuery} placeholder="搜索姓名" className="zb-mpick__search" />
      <View className="zb-mpick__bar">
        <Text className="zb-mpick__count e2e-record-count">{`已选 ${selected.length} 人`}</Text>
        {shown.length ? (
          <Text className="zb-mpick__link e2e-record-select-all" onClick={toggleShown}>
            {allShownChosen ? (query ? '取消选择搜索结果' : '全不选') : query ? '选中搜索结果' : '全选'}
          </Text>
        ) : null}
        {selected.length && !allShownChosen ? (
          <Text className="zb-mpick__link" onClick={() => onSelect([])}>
            清空
          </Text>
        ) : null}
      </View>
      <View className="zb-mpick__list">
        {shown.length ? null : (
          <Text className="zb-mpick__none">{query ? `没有找到「${query.trim()}」` : '支部还没有在册党员'}</Text>
        )}
        {shown.map((m) => {
          const on = chosen.has(m.id);
          return (
            <View
              key={m.id}
              className={`zb-mpick__item e2e-record-member ${on ? 'zb-mpick__item--on e2e-record-member-checked' : ''}`}
              onClick={() => onToggle(m.id)}
            >
              <View className={`zb-mpick__box ${on ? 'zb-mpick__box--on' : ''}`} />
              <Text className="zb-mpick__name">{m.name}</Text>
              {m.partyStatus === 'probationary' ? <StatusTag tone="gold">预备</StatusTag> : null}
            </View>
          );
        })}
      </View>
    </View>
  );
}
