import { Text } from '@tarojs/components';
import './index.scss';

export type Tone = 'primary' | 'gold' | 'success' | 'warning' | 'muted';

/** A small pill: 正式/预备, 待审核/已通过/已驳回, 在册/已停用. */
export default function StatusTag({ tone, children, className }: { tone: Tone; children: string; className?: string }) {
  return <Text className={`zb-tag zb-tag--${tone} ${className ?? ''}`}>{children}</Text>;
}
