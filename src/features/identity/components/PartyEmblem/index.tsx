import { Image } from '@tarojs/components';
import { useMemo } from 'react';
import { palette } from '@/styles/palette';
import { emblemDataUri } from './emblem';

interface Props {
  /** Emblem colour and the background it sits on (used to cut the hammer's outline). */
  tone?: 'gold-on-red' | 'red-on-white';
  className?: string;
}

/** The Party emblem, drawn as an inline SVG (works as an <Image> in both WeChat and H5). */
export default function PartyEmblem({ tone = 'gold-on-red', className }: Props) {
  const src = useMemo(
    () =>
      tone === 'gold-on-red'
        ? emblemDataUri(palette.goldBright, palette.primary)
        : emblemDataUri(palette.primary, palette.card),
    [tone],
  );
  return <Image className={className} src={src} mode="aspectFit" />;
}
