// Finds the protocol a command names: a built-in id, or a JSON file that must
// pass the same validation as built-ins. Problems come back as plain lines.
import { findBuiltinProtocol, type Protocol } from '@glutewake/core';
import { validateProtocolText } from '@glutewake/core/validation';
import type { CliIo } from './io.js';

export type Loaded = { ok: true; protocol: Protocol } | { ok: false; problems: string[] };

export function loadProtocol(io: CliIo, idOrFile: string): Loaded {
  const builtin = looksLikeFile(idOrFile) ? null : findBuiltinProtocol(idOrFile);
  if (builtin) return { ok: true, protocol: builtin };
  if (!looksLikeFile(idOrFile)) {
    return {
      ok: false,
      problems: [
        `"${idOrFile}" is neither a built-in protocol (see \`glutewake protocols\`) nor a .json file`,
      ],
    };
  }
  return loadProtocolFile(io, idOrFile);
}

export function loadProtocolFile(io: CliIo, path: string): Loaded {
  let text: string;
  try {
    text = io.readText(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : 'it cannot be read';
    return { ok: false, problems: [`cannot read ${path}: ${reason}`] };
  }
  const result = validateProtocolText(text);
  return result.ok
    ? { ok: true, protocol: result.value }
    : { ok: false, problems: result.problems };
}

function looksLikeFile(arg: string): boolean {
  return arg.endsWith('.json') || arg.includes('/') || arg.includes('\\');
}
