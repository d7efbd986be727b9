/** Files on both platforms: pick an Excel file, upload it, open a produced file (the features build their flows on these). */
export type { PickedFile } from './file-types';
export { openFileLink, pickExcel, uploadFile } from './file-platform';
