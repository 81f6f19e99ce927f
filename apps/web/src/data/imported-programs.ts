// The program versions an export file carries (the prefs entry `programs`,
// see store/programs.ts), checked before a device keeps them: an entry
// whose document the program schema refuses, or whose key is not its ref,
// is left out, so its sessions stay as they are rather than fold with a
// protocol nobody checked. Loaded with the "Your data" screen only.
import { programKey, type JsonValue } from '@glutewake/core';
import { validateProgram } from '@glutewake/core/validation';
import type { KeptProgram } from '../store/programs.js';

export function programsInFile(value: JsonValue | undefined): KeptProgram[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const kept: KeptProgram[] = [];
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
    const { ref, program, createdAt } = entry;
    if (typeof ref !== 'object' || ref === null || Array.isArray(ref)) continue;
    const { id, version } = ref;
    if (typeof id !== 'string' || typeof version !== 'number' || typeof createdAt !== 'number') {
      continue;
    }
    const checked = validateProgram(program);
    if (checked.ok && programKey({ id, version }) === key) {
      kept.push({ ref: { id, version }, program: checked.value, createdAt });
    }
  }
  return kept;
}
