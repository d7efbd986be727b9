/** WeChat's answer to wx.requestSubscribeMessage: each accepted template allows one message. Pure: no Taro. */
export function acceptedTemplates(answer: Record<string, unknown>, asked: readonly string[]): string[] {
  return asked.filter((id) => answer[id] === 'accept');
}
