import type { IdentityCard } from '@contracts';
import { palette } from '@/styles/palette';
import { formatDate } from '@/utils/dates';
import { PARTY_STATUS_LABEL, partyYearsFigure } from '@/features/roster/model';

/**
 * 身份卡 as a picture to save or share: where each text, line and emblem goes (this module), and
 * painting that onto any 2D canvas (WeChat's `<Canvas type="2d">` and H5's `<canvas>` share the
 * API). The platform files in services/card-image.* only find a canvas and save what was painted.
 * Units are CSS pixels of a 375-wide phone times two (750 wide), as the page itself is designed.
 */

export interface CardText {
  text: string;
  x: number;
  /** The text's baseline. */
  y: number;
  size: number;
  bold: boolean;
  color: string;
  align: 'left' | 'right' | 'center';
  /** 0–1; the emblem's watermark and secondary labels are translucent. */
  alpha: number;
}

export interface CardImageLayout {
  width: number;
  height: number;
  background: string;
  card: { x: number; y: number; width: number; height: number; radius: number; from: string; to: string };
  /** `inCard`: clipped to the card (the large watermark reaching over its corner). */
  emblems: { x: number; y: number; size: number; color: string; cut: string; alpha: number; inCard: boolean }[];
  lines: { x1: number; y1: number; x2: number; y2: number; width: number; color: string }[];
  pills: { x: number; y: number; width: number; height: number; color: string }[];
  texts: CardText[];
  /** `身份卡-刘洋.png` */
  fileName: string;
}

export const CARD_IMAGE_WIDTH = 750;
const MARGIN = 40;
const PAD = 48;
const CARD_TOP = MARGIN;
const CARD_HEIGHT = 720;
const PRIMARY_DARK = palette.primaryDark;

/**
 * How wide `text` is at `size`, near enough to fit lines without a canvas: a Chinese character (or
 * full-width mark) is one em, a digit or Latin letter about 0.6 em.
 */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += ch.charCodeAt(0) <= 0xff ? 0.6 : 1;
  return em * size;
}

/** `text` cut to `maxWidth` with an ellipsis (a long branch name stays on its line). */
export function fitText(text: string, size: number, maxWidth: number): string {
  if (textWidth(text, size) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}

const text = (t: Omit<CardText, 'bold' | 'alpha' | 'align'> & Partial<CardText>): CardText => ({
  bold: false,
  alpha: 1,
  align: 'left',
  ...t,
});

/** The picture of `card`: the red card as the page shows it, the pledge beneath, the app's name. */
export function cardImageLayout(card: IdentityCard): CardImageLayout {
  const width = CARD_IMAGE_WIDTH;
  const cardWidth = width - 2 * MARGIN;
  const left = MARGIN + PAD;
  const right = MARGIN + cardWidth - PAD;
  const inner = right - left;
  const years = partyYearsFigure(card.partyYears);
  const status = PARTY_STATUS_LABEL[card.partyStatus];
  const badge = card.badge;

  const emblemSize = 104;
  const headerText = left + emblemSize + 24;
  const badgeWidth = badge ? textWidth(badge, 26) + 36 : 0;
  const headerRoom = right - headerText - (badge ? badgeWidth + 16 : 0);

  const yearsFigureSize = years.unit ? 112 : 64;
  const yearsWidth = Math.max(
    textWidth(years.figure, yearsFigureSize) + (years.unit ? 8 + textWidth(years.unit, 32) : 0),
    120,
  );
  const whoRoom = inner - yearsWidth - 32;

  const texts: CardText[] = [
    text({
      text: fitText(card.committeeName, 36, headerRoom),
      x: headerText,
      y: CARD_TOP + 112,
      size: 36,
      bold: true,
      color: palette.card,
    }),
    text({ text: '党员身份卡', x: headerText, y: CARD_TOP + 160, size: 26, color: palette.goldBright }),
    text({
      text: fitText(card.name, 72, whoRoom),
      x: left,
      y: CARD_TOP + 340,
      size: 72,
      bold: true,
      color: palette.card,
    }),
    text({
      text: fitText(card.orgName, 30, whoRoom),
      x: left,
      y: CARD_TOP + 396,
      size: 30,
      color: palette.card,
      alpha: 0.9,
    }),
    text({ text: years.caption, x: right, y: CARD_TOP + 270, size: 26, color: palette.goldBright, align: 'right' }),
  ];
  if (badge !== status)
    texts.push(text({ text: status, x: left, y: CARD_TOP + 446, size: 28, color: palette.goldBright }));
  if (years.unit) {
    texts.push(
      text({ text: years.unit, x: right, y: CARD_TOP + 396, size: 32, color: palette.goldBright, align: 'right' }),
      text({
        text: years.figure,
        x: right - textWidth(years.unit, 32) - 8,
        y: CARD_TOP + 396,
        size: yearsFigureSize,
        bold: true,
        color: palette.goldBright,
        align: 'right',
      }),
    );
  } else {
    texts.push(
      text({
        text: years.figure,
        x: right,
        y: CARD_TOP + 384,
        size: yearsFigureSize,
        bold: true,
        color: palette.goldBright,
        align: 'right',
      }),
    );
  }

  const datesY = CARD_TOP + 560;
  const column = left + inner / 2;
  texts.push(
    text({ text: '入党日期', x: left, y: datesY, size: 26, color: palette.card, alpha: 0.75 }),
    text({
      text: formatDate(card.joinedAt) || '待补充',
      x: left,
      y: datesY + 52,
      size: 32,
      bold: true,
      color: palette.card,
    }),
    text({ text: '转正日期', x: column, y: datesY, size: 26, color: palette.card, alpha: 0.75 }),
    text({
      text: card.fullAt ? formatDate(card.fullAt) : '预备期中',
      x: column,
      y: datesY + 52,
      size: 32,
      bold: true,
      color: palette.card,
    }),
  );
  if (badge)
    texts.push(
      text({
        text: badge,
        x: right - badgeWidth / 2,
        y: CARD_TOP + 92,
        size: 26,
        bold: true,
        color: PRIMARY_DARK,
        align: 'center',
      }),
    );

  const pledgeY = CARD_TOP + CARD_HEIGHT + 116;
  const pledge = card.pledge || '我是共产党员';
  const pledgeHalf = textWidth(pledge, 40) / 2;
  texts.push(
    text({ text: pledge, x: width / 2, y: pledgeY, size: 40, bold: true, color: palette.primary, align: 'center' }),
    text({ text: '支部通', x: width / 2, y: pledgeY + 100, size: 24, color: palette.textMuted, align: 'center' }),
  );

  return {
    width,
    height: pledgeY + 150,
    background: palette.page,
    card: {
      x: MARGIN,
      y: CARD_TOP,
      width: cardWidth,
      height: CARD_HEIGHT,
      radius: 32,
      from: palette.primary,
      to: PRIMARY_DARK,
    },
    emblems: [
      {
        x: left,
        y: CARD_TOP + 64 - 16,
        size: emblemSize,
        color: palette.goldBright,
        cut: palette.primary,
        alpha: 1,
        inCard: false,
      },
      {
        x: MARGIN + cardWidth - 316,
        y: CARD_TOP + CARD_HEIGHT - 308,
        size: 380,
        color: palette.goldBright,
        cut: PRIMARY_DARK,
        alpha: 0.08,
        inCard: true,
      },
    ],
    lines: [
      { x1: left, y1: CARD_TOP + 200, x2: right, y2: CARD_TOP + 200, width: 2, color: palette.gold },
      {
        x1: MARGIN + 60,
        y1: pledgeY - 14,
        x2: width / 2 - pledgeHalf - 24,
        y2: pledgeY - 14,
        width: 2,
        color: palette.gold,
      },
      {
        x1: width / 2 + pledgeHalf + 24,
        y1: pledgeY - 14,
        x2: width - MARGIN - 60,
        y2: pledgeY - 14,
        width: 2,
        color: palette.gold,
      },
    ],
    pills: badge
      ? [{ x: right - badgeWidth, y: CARD_TOP + 58, width: badgeWidth, height: 46, color: palette.gold }]
      : [],
    texts,
    fileName: `身份卡-${card.name}.png`,
  };
}

/** The part of CanvasRenderingContext2D that painting uses; WeChat's 2D context has all of it. */
export interface Canvas2D {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  globalAlpha: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  save(): void;
  restore(): void;
  scale(x: number, y: number): void;
  translate(x: number, y: number): void;
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number, anticlockwise?: boolean): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  fill(): void;
  clip(): void;
  stroke(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  createLinearGradient(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
  ): {
    addColorStop(offset: number, color: string): void;
  };
}

function roundRect(ctx: Canvas2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function strokeLine(ctx: Canvas2D, x1: number, y1: number, x2: number, y2: number, width: number, color: string) {
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.lineWidth = width;
  ctx.strokeStyle = color;
  ctx.stroke();
}

/**
 * The emblem of PartyEmblem/emblem.ts (a 120-unit box) in canvas strokes, since WeChat's canvas cannot
 * be relied on to load an SVG image: the SVG's two arcs as centre, radius and angles.
 */
function paintEmblem(ctx: Canvas2D, e: CardImageLayout['emblems'][number]): void {
  ctx.save();
  ctx.globalAlpha = e.alpha;
  ctx.translate(e.x, e.y);
  ctx.scale(e.size / 120, e.size / 120);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.fillStyle = e.color;
  ctx.beginPath();
  ctx.moveTo(30.5, 84.5);
  ctx.arc(60.331, 56.373, 41, 2.3856, 0.3388, false);
  ctx.arc(69.764, 54.695, 33, 0.4823, 2.5167, true);
  ctx.closePath();
  ctx.fill();
  strokeLine(ctx, 35, 82, 22, 98, 11, e.color);
  strokeLine(ctx, 92, 100, 47, 53, 15, e.cut);
  ctx.beginPath();
  ctx.moveTo(50.5, 32);
  ctx.lineTo(62, 44);
  ctx.lineTo(39.5, 65.5);
  ctx.lineTo(28, 53.5);
  ctx.closePath();
  ctx.fill();
  ctx.lineWidth = 4;
  ctx.strokeStyle = e.cut;
  ctx.stroke();
  strokeLine(ctx, 92, 100, 47, 53, 10, e.color);
  ctx.restore();
}

/** Paints `layout` at `scale` device pixels per unit onto a canvas of layout.width × layout.height × scale. */
export function paintCardImage(ctx: Canvas2D, layout: CardImageLayout, scale: number): void {
  ctx.save();
  ctx.scale(scale, scale);
  ctx.fillStyle = layout.background;
  ctx.fillRect(0, 0, layout.width, layout.height);

  const c = layout.card;
  const gradient = ctx.createLinearGradient(c.x, c.y, c.x + c.width, c.y + c.height);
  gradient.addColorStop(0, c.from);
  gradient.addColorStop(1, c.to);
  roundRect(ctx, c.x, c.y, c.width, c.height, c.radius);
  ctx.fillStyle = gradient;
  ctx.fill();

  for (const e of layout.emblems) {
    ctx.save();
    if (e.inCard) {
      roundRect(ctx, c.x, c.y, c.width, c.height, c.radius);
      ctx.clip();
    }
    paintEmblem(ctx, e);
    ctx.restore();
  }
  for (const l of layout.lines) strokeLine(ctx, l.x1, l.y1, l.x2, l.y2, l.width, l.color);
  for (const p of layout.pills) {
    roundRect(ctx, p.x, p.y, p.width, p.height, p.height / 2);
    ctx.fillStyle = p.color;
    ctx.fill();
  }
  ctx.textBaseline = 'alphabetic';
  for (const t of layout.texts) {
    ctx.globalAlpha = t.alpha;
    ctx.fillStyle = t.color;
    ctx.textAlign = t.align;
    ctx.font = `${t.bold ? 'bold ' : ''}${t.size}px sans-serif`;
    ctx.fillText(t.text, t.x, t.y);
  }
  ctx.globalAlpha = 1;
  ctx.restore();
}
