/** The notices' public face: other features write 消息 through these. */
export { notify, notifyAll, secretariesOf, type NoticeInput } from './notify';
