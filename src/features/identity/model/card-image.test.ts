import type { IdentityCard } from '@contracts';
import { palette } from '@/styles/palette';
import {
  CARD_IMAGE_WIDTH,
  cardImageLayout,
  fitText,
  paintCardImage,
  textWidth,
  type Canvas2D,
  type CardImageLayout,
} from './card-image';

const CARD: IdentityCard = {
  memberId: 'm1',
  name: '刘洋',
  orgName: '第一党支部',
  partyStatus: 'full',
  joinedAt: '2010-06-18',
  fullAt: '2011-06-18',
  partyYears: 15,
  committeeName: '示范街道党工委',
  pledge: '我是共产党员',
  badge: '正式党员',
};

const texts = (layout: CardImageLayout) => layout.texts.map((t) => t.text);
const find = (layout: CardImageLayout, text: string) => {
  const found = layout.texts.find((t) => t.text === text);
  if (!found) throw new Error(`no text ${text} in ${texts(layout).join(' | ')}`);
  return found;
};

describe('the 身份卡 picture’s layout', () => {
  it('carries what the card shows: committee, name, branch, 党龄, dates, pledge', () => {
    const layout = cardImageLayout(CARD);
    expect(texts(layout)).toEqual(
      expect.arrayContaining([
        '示范街道党工委',
        '党员身份卡',
        '刘洋',
        '第一党支部',
        '党龄',
        '15',
        '年',
        '入党日期',
        '2010年6月18日',
        '转正日期',
        '2011年6月18日',
        '正式党员',
        '我是共产党员',
      ]),
    );
    expect(layout.fileName).toBe('身份卡-刘洋.png');
    expect(layout.width).toBe(CARD_IMAGE_WIDTH);
  });

  it('puts the name large and the 党龄 figure largest, in gold, on the right', () => {
    const layout = cardImageLayout(CARD);
    const name = find(layout, '刘洋');
    const years = find(layout, '15');
    expect(name.size).toBeGreaterThanOrEqual(64);
    expect(years.size).toBeGreaterThan(name.size);
    expect(years.color).toBe(palette.goldBright);
    expect(years.align).toBe('right');
    expect(years.x).toBeGreaterThan(CARD_IMAGE_WIDTH / 2);
  });

  it('keeps every text inside the picture, and the card’s texts inside the card', () => {
    const layout = cardImageLayout({ ...CARD, orgName: '示范街道机关第二党总支第十一党支部（退休党员）' });
    const { card } = layout;
    for (const t of layout.texts) {
      const w = textWidth(t.text, t.size);
      const left = t.align === 'left' ? t.x : t.align === 'right' ? t.x - w : t.x - w / 2;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + w).toBeLessThanOrEqual(layout.width);
      expect(t.y).toBeLessThanOrEqual(layout.height);
      if (t.y < card.y + card.height) {
        expect(left).toBeGreaterThanOrEqual(card.x);
        expect(left + w).toBeLessThanOrEqual(card.x + card.width);
      }
    }
    // The long branch name is cut with an ellipsis, not run under the 党龄 figure.
    const branch = layout.texts.find((t) => t.text.startsWith('示范街道机关'));
    expect(branch?.text.endsWith('…')).toBe(true);
  });

  it('shows a 预备党员 as 预备期 without a unit, and 待补充 for a missing 入党日期', () => {
    const layout = cardImageLayout({
      ...CARD,
      partyStatus: 'probationary',
      partyYears: null,
      fullAt: null,
      joinedAt: null,
      badge: '预备党员',
    });
    expect(texts(layout)).toEqual(expect.arrayContaining(['预备期', '预备期中', '待补充', '预备党员']));
    expect(texts(layout)).not.toContain('年');
  });

  it('names 正式/预备 under the branch only when no badge says it', () => {
    expect(texts(cardImageLayout({ ...CARD, badge: '' }))).toContain('正式党员');
    expect(cardImageLayout(CARD).pills).toHaveLength(1);
    expect(cardImageLayout({ ...CARD, badge: '' }).pills).toHaveLength(0);
    expect(texts(cardImageLayout(CARD)).filter((t) => t === '正式党员')).toHaveLength(1);
  });
});

describe('fitText', () => {
  it('leaves a short text alone and cuts a long one to the width with an ellipsis', () => {
    expect(fitText('刘洋', 72, 400)).toBe('刘洋');
    const cut = fitText('一二三四五六七八九十', 30, 150);
    expect(cut).toBe('一二三四…');
    expect(textWidth(cut, 30)).toBeLessThanOrEqual(150);
  });

  it('counts Latin letters and digits narrower than Chinese', () => {
    expect(textWidth('15', 100)).toBeCloseTo(120);
    expect(textWidth('党龄', 100)).toBe(200);
  });
});

describe('paintCardImage', () => {
  /** A 2D context that records what was painted. */
  function recorder() {
    const calls: string[] = [];
    const filled: { text: string; font: string; fillStyle: unknown; textAlign: string }[] = [];
    const ctx: Canvas2D = {
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 1,
      lineCap: 'butt',
      lineJoin: 'miter',
      globalAlpha: 1,
      font: '',
      textAlign: 'start',
      textBaseline: 'alphabetic',
      save: () => calls.push('save'),
      restore: () => calls.push('restore'),
      scale: (x, y) => calls.push(`scale ${x} ${y}`),
      translate: () => calls.push('translate'),
      beginPath: () => calls.push('beginPath'),
      closePath: () => calls.push('closePath'),
      moveTo: () => undefined,
      lineTo: () => undefined,
      arc: () => calls.push('arc'),
      arcTo: () => undefined,
      fill: () => calls.push('fill'),
      clip: () => calls.push('clip'),
      stroke: () => calls.push('stroke'),
      fillRect: (x, y, w, h) => calls.push(`fillRect ${x} ${y} ${w} ${h}`),
      fillText(text) {
        filled.push({ text, font: this.font, fillStyle: this.fillStyle, textAlign: this.textAlign });
      },
      createLinearGradient: () => ({ addColorStop: () => undefined }),
    };
    return { ctx, calls, filled };
  }

  it('paints the background, the card, both emblems and every text, scaled for the device', () => {
    const { ctx, calls, filled } = recorder();
    const l = cardImageLayout(CARD);
    paintCardImage(ctx, l, 2);
    expect(calls[1]).toBe('scale 2 2');
    expect(calls).toContain(`fillRect 0 0 ${l.width} ${l.height}`);
    expect(calls.filter((c) => c === 'arc')).toHaveLength(4); // two emblems, two arcs each
    expect(calls.filter((c) => c === 'clip')).toHaveLength(1); // the watermark, inside the card
    expect(filled.map((f) => f.text)).toEqual(l.texts.map((t) => t.text));
    expect(filled.find((f) => f.text === '刘洋')?.font).toBe('bold 72px sans-serif');
    expect(calls.filter((c) => c === 'save')).toHaveLength(calls.filter((c) => c === 'restore').length);
  });
});
