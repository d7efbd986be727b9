/** What saving the 身份卡 picture came to (the page words its feedback from it). */
export type SaveCardResult = 'saved' | 'downloaded' | 'cancelled' | 'denied';

/** The id of the page's hidden `<Canvas type="2d">` WeChat paints on (H5 makes its own canvas). */
export const CARD_CANVAS_ID = 'zb-card-canvas';
