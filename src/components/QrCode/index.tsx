import { Image } from '@tarojs/components';
import { useMemo } from 'react';
import { qrDataUri } from './qr';
import { palette } from '@/styles/palette';
import './index.scss';

interface Props {
  value: string;
  className?: string;
}

/** A QR code drawn as an SVG image; size it with `className` (it keeps its square shape). */
export default function QrCode({ value, className }: Props) {
  const src = useMemo(() => qrDataUri(value, palette.text, palette.card), [value]);
  return <Image className={`qr-code ${className ?? ''}`} src={src} mode="aspectFit" />;
}
