import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useCareMode } from '@/hooks/useCareMode';
import PrivacyPopup from '@/components/PrivacyPopup';
import './index.scss';

interface Props {
  className?: string;
  /** No side padding (full-bleed headers). */
  flush?: boolean;
}

/**
 * Every page's root: page background, spacing, the 关怀模式 class that scales text and targets, and
 * WeChat's privacy notice when a request waits for it.
 */
export default function PageShell({ className, flush, children }: PropsWithChildren<Props>) {
  const [care] = useCareMode();
  const classes = ['zb-page', flush ? 'zb-page--flush' : '', care ? 'zb-care' : '', className ?? ''];
  return (
    <View className={classes.filter(Boolean).join(' ')}>
      {children}
      <PrivacyPopup />
    </View>
  );
}
