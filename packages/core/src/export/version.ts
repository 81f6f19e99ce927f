// The export file's name for itself and its format version, apart from the
// rest so that the file's reader (with zod) and its writer share only these.
export const EXPORT_FORMAT = 'glutewake-export';
export const EXPORT_VERSION = 1;
