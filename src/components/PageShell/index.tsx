import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useCareMode } from '@/hooks/useCareMode';
import './index.scss';

interface Props {
  className?: string;
  /** No side padding (full-bleed headers). */
  flush?: boolean;
}

/** Every page's root: page background, spacing, and the 关怀模式 class that scales text and targets. */
export default function PageShell({ className, flush, children }: PropsWithChildren<Props>) {
  const [care] = useCareMode();
  const classes = ['zb-page', flush ? 'zb-page--flush' : '', care ? 'zb-care' : '', className ?? ''];
  return <View className={classes.filter(Boolean).join(' ')}>{children}</View>;
}
