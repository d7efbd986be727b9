/** A file the user picked: a temp path (weapp) or the browser's File (h5). */
export type PickedFile = { name: string; path: string } | { name: string; file: File };
