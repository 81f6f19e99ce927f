// A person's data, theirs to take: the lossless JSON export, the merge plan
// for importing one, and the CSV tables for spreadsheets. Reading a file
// back (parseExport) needs zod and lives behind `@glutewake/core/validation`.
export {
  canonicalJson,
  toJsonValue,
  type KeyOrder,
  type JsonValue,
  type JsonObject,
} from './canonical-json.js';
export {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  EXPORT_KEY_ORDER,
  buildExport,
  serializeExport,
  sessionStartedAt,
  compareSessions,
  sameEvent,
  type ExportDocument,
  type ExportedSession,
} from './document.js';
export {
  planImport,
  applyImportPlan,
  compareLogs,
  planPreferences,
  type ExistingSession,
  type ImportPlan,
  type SessionImportStep,
  type SessionImportKind,
  type LogComparison,
  type PreferencesPlan,
} from './merge.js';
export { csvField, csvRow, csvTable, guardFormula, BYTE_ORDER_MARK, type CsvCell } from './csv.js';
export {
  csvTables,
  csvRows,
  localIso,
  SESSION_COLUMNS,
  CHECKIN_COLUMNS,
  SYMPTOM_ROW_COLUMNS,
  SYMPTOM_COLUMNS,
  type CsvOptions,
  type CsvTables,
  type CsvRows,
} from './tables.js';
