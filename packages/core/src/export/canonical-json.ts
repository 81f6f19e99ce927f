// Canonical JSON: one exact text for one value, so that an export read back
// and written again is the same file, byte for byte. Invariants: keys come in
// a fixed order (the keys a KeyOrder names first, in its order, then every
// other key by UTF-16 code units), whatever order the object was built in,
// integer-like keys included; arrays keep their order; indentation is two
// spaces (or none); `undefined` members and functions are left out, and other
// non-JSON values become what JSON.stringify would make of them.

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Which keys an object at this place writes first, and the order of what it holds. */
export interface KeyOrder {
  first?: readonly string[];
  /** For the members named here. */
  members?: Readonly<Record<string, KeyOrder>>;
  /** For each item, when this place holds an array. */
  items?: KeyOrder;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value's canonical text; `indent` 2 for files, 0 for comparing values. */
export function canonicalJson(value: unknown, indent: 0 | 2 = 0, order: KeyOrder = {}): string {
  return write(toJsonValue(value) ?? null, indent, '', order);
}

function write(value: JsonValue, indent: number, margin: string, order: KeyOrder): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  const inner = indent === 0 ? '' : margin + ' '.repeat(indent);
  const open = indent === 0 ? '' : `\n${inner}`;
  const close = indent === 0 ? '' : `\n${margin}`;
  const separator = indent === 0 ? ',' : `,\n${inner}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => write(item, indent, inner, order.items ?? {}));
    return `[${open}${items.join(separator)}${close}]`;
  }
  const first = (order.first ?? []).filter((key) => Object.hasOwn(value, key));
  const rest = Object.keys(value)
    .filter((key) => !first.includes(key))
    .sort(compareCodeUnits);
  const keys = [...first, ...rest];
  if (keys.length === 0) return '{}';
  const colon = indent === 0 ? ':' : ': ';
  const members = keys.map(
    (key) =>
      `${JSON.stringify(key)}${colon}${write(value[key] as JsonValue, indent, inner, order.members?.[key] ?? {})}`,
  );
  return `{${open}${members.join(separator)}${close}}`;
}

/**
 * What JSON would keep of a value: the same as JSON.parse(JSON.stringify(v)),
 * without the text in between. undefined for what JSON cannot hold at all.
 */
export function toJsonValue(value: unknown): JsonValue | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object') return undefined;
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') {
    return toJsonValue((withToJson.toJSON as () => unknown).call(value));
  }
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item) ?? null);
  const object: JsonObject = {};
  for (const [key, member] of Object.entries(value)) {
    const converted = toJsonValue(member);
    if (converted !== undefined) object[key] = converted;
  }
  return object;
}
