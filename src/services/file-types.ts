/** A file the user picked: a temp path (weapp) or the browser's File (h5). */
export type PickedFile = { name: string; path: string } | { name: string; file: File };

/** Cloud storage folders: `uploads/` (imports, private) and `media/` (lecture videos and covers, read by members). */
export type UploadFolder = 'uploads' | 'media';
