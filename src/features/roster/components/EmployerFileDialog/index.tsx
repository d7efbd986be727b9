import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { EmployerItem, EmployerList } from '@contracts';
import ReasonDialog from '@/components/ReasonDialog';
import SegmentedControl from '@/components/SegmentedControl';
import { LIST_OPTIONS, membersText, suggestionText } from '@/features/roster/model/employers';
import { fileEmployer } from '@/features/roster/services/employers';

interface Props {
  committeeId: string;
  item: EmployerItem | null;
  onDone: () => void;
  onClose: () => void;
}

const NOTE_MAX = 200;

/** 归类: files an organisation into 优先组建 / 重点攻坚 / 暂缓组建, says whether it has a Party organisation, with a note. */
export default function EmployerFileDialog({ committeeId, item, onDone, onClose }: Props) {
  const [list, setList] = useState<EmployerList | 'none'>('none');
  const [organised, setOrganised] = useState<'yes' | 'no'>('no');
  useEffect(() => {
    if (!item) return;
    setList(item.list ?? 'none');
    setOrganised(item.hasOrganisation ? 'yes' : 'no');
  }, [item]);
  return (
    <ReasonDialog
      subject={item}
      title={item ? `归类：${item.employer}` : ''}
      confirmText="保存"
      className="e2e-employer-dialog"
      reasonClassName="e2e-employer-note"
      placeholder={item?.note ? `备注：${item.note}` : '备注（选填）'}
      validate={(note) => (note.length > NOTE_MAX ? `备注不超过 ${NOTE_MAX} 个字` : undefined)}
      submit={(note) =>
        fileEmployer({
          committeeId,
          employer: item?.employer ?? '',
          list: list === 'none' ? null : list,
          hasOrganisation: organised === 'yes',
          ...(note ? { note } : {}),
        })
      }
      successText="已保存"
      onDone={onDone}
      onClose={onClose}
      footnote="备注留空则保留原备注。"
    >
      {item ? (
        <View>
          <Text className="zb-dialog__text">{`${membersText(item)}；${suggestionText(item)}`}</Text>
          <SegmentedControl options={LIST_OPTIONS} value={list} onChange={setList} className="e2e-employer-list" />
          <SegmentedControl
            options={[
              { value: 'no', label: '未建党组织' },
              { value: 'yes', label: '已建党组织' },
            ]}
            value={organised}
            onChange={setOrganised}
            className="e2e-employer-organised"
          />
        </View>
      ) : null}
    </ReasonDialog>
  );
}
