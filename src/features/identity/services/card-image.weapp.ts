/**
 * 身份卡 as a picture in WeChat: painted on the page's hidden `<Canvas type="2d">`, exported with
 * canvasToTempFilePath and saved with saveImageToPhotosAlbum. A member who refused the album
 * (scope.writePhotosAlbum) is told why and offered WeChat's settings page.
 */
import Taro from '@tarojs/taro';
import { palette } from '@/styles/palette';
import { paintCardImage, type Canvas2D, type CardImageLayout } from '../model/card-image';
import { CARD_CANVAS_ID, type SaveCardResult } from './card-image-types';

/** Device pixels per layout unit (1500 px wide). */
const SCALE = 2;

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): Canvas2D;
}

function canvasNode(): Promise<CanvasNode> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${CARD_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: unknown[]) => {
        const node = (res?.[0] as { node?: CanvasNode } | null)?.node;
        if (node) resolve(node);
        else reject(new Error('身份卡画布未就绪，请稍后重试'));
      });
  });
}

const errMsg = (e: unknown): string =>
  typeof e === 'object' && e !== null ? String((e as { errMsg?: unknown }).errMsg ?? '') : '';

export async function saveCardImage(layout: CardImageLayout): Promise<SaveCardResult> {
  const canvas = await canvasNode();
  canvas.width = layout.width * SCALE;
  canvas.height = layout.height * SCALE;
  paintCardImage(canvas.getContext('2d'), layout, SCALE);
  // Taro types `canvas` as a component's props; WeChat takes the node the query returned.
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as never);
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
    return 'saved';
  } catch (e) {
    const msg = errMsg(e);
    if (msg.includes('cancel')) return 'cancelled';
    if (/auth|deny|denied/i.test(msg)) {
      const res = await Taro.showModal({
        title: '需要相册权限',
        content: '保存身份卡需要“添加到相册”的权限。请在设置中允许后，再点“保存图片”。',
        confirmText: '去设置',
        cancelText: '取消',
        confirmColor: palette.primary,
      });
      if (res.confirm) await Taro.openSetting();
      return 'denied';
    }
    throw e;
  }
}
