import { View } from '@tarojs/components';
import { useEffect } from 'react';
import './index.scss';

interface Props {
  zIndex: number;
  onClick?: () => void;
}

/** How many overlays are open in H5 (each keeps the page under it from scrolling). */
let openInH5 = 0;

/**
 * The dimmed full-screen layer under a dialog or a bottom sheet. The page under it does not scroll:
 * catchMove in the mini-program, the body's overflow in H5.
 */
export default function Overlay({ zIndex, onClick }: Props) {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    openInH5 += 1;
    document.body.classList.add('zb-overlay-lock');
    return () => {
      openInH5 -= 1;
      if (!openInH5) document.body.classList.remove('zb-overlay-lock');
    };
  }, []);
  return <View className="zb-overlay" style={{ zIndex }} catchMove onClick={onClick} />;
}
