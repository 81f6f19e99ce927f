// Picks what the coach says after a report: a pure function of the protocol's
// cue rules, the session so far and the new report. Rules are tried in the
// protocol's order; every matching rule adds its cues (no repeats within one
// response); favoured cues move to the front; the protocol caps how many.
import type { CueCondition, CueRule } from '../protocol/schema.js';
import {
  isGlute,
  otherGlute,
  type Balance,
  type Glute,
  type PhaseKind,
  type Region,
} from '../vocabulary.js';
import type { SessionPlan } from './plan.js';
import { loneFiredGlute, type GivenCue, type SessionState } from './state.js';

export interface NewReport {
  phase: PhaseKind;
  rep: number;
  regions: readonly Region[];
  balance: Balance | null;
  source: 'check-in' | 'spontaneous';
}

/**
 * `state` must already include the effects of the report on which glutes have
 * fired and on the run of check-ins without a glute, but not the report itself.
 */
export function chooseCues(plan: SessionPlan, state: SessionState, report: NewReport): GivenCue[] {
  const { protocol } = plan;
  const cueText = new Map(protocol.cues.map((cue) => [cue.id, cue.text]));
  const chosen: GivenCue[] = [];
  for (const rule of protocol.cueRules) {
    if (!ruleMatches(rule, state, report)) continue;
    for (const cueId of rule.say) {
      const template = cueText.get(cueId);
      if (template === undefined || chosen.some((c) => c.cueId === cueId)) continue;
      const text = fillPlaceholders(template, state, report);
      if (text !== null) chosen.push({ cueId, ruleId: rule.id, text });
    }
  }
  const favoured = new Set(plan.favouredCues);
  const ordered = [
    ...chosen.filter((c) => favoured.has(c.cueId)),
    ...chosen.filter((c) => !favoured.has(c.cueId)),
  ];
  return ordered.slice(0, plan.maxCuesPerResponse);
}

function ruleMatches(rule: CueRule, state: SessionState, report: NewReport): boolean {
  const when: CueCondition = rule.when;
  if (when.phase !== undefined && when.phase !== report.phase) return false;
  if (when.reportedAny !== undefined) {
    const wanted = when.reportedAny;
    const names = (regions: readonly Region[]) => regions.some((r) => wanted.includes(r));
    if (!names(report.regions)) return false;
    if (when.reportedTimesAtLeast !== undefined) {
      const earlier = state.reports.filter((r) => names(r.regions)).length;
      if (earlier + 1 < when.reportedTimesAtLeast) return false;
    }
  }
  if (when.oneGluteOnly === true && loneFiredGlute(state) === null) return false;
  if (
    when.noGluteForCheckIns !== undefined &&
    state.checkInsWithoutGlute < when.noGluteForCheckIns
  ) {
    return false;
  }
  if (when.balanceUneven === true && (report.balance === null || report.balance === 'even')) {
    return false;
  }
  if (when.repAtMost !== undefined && report.rep > when.repAtMost) return false;
  if (rule.once === true && state.reports.some((r) => r.cues.some((c) => c.ruleId === rule.id))) {
    return false;
  }
  return true;
}

function fillPlaceholders(template: string, state: SessionState, report: NewReport): string | null {
  const fired = loneFiredGlute(state);
  const weaker = weakerGlute(report.balance);
  const values: Record<string, Glute | null> = {
    firedSide: fired,
    sleepySide: fired === null ? null : otherGlute(fired),
    weakerSide: weaker,
  };
  let missing = false;
  const text = template.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === null || value === undefined) {
      missing = true;
      return '';
    }
    return value;
  });
  return missing ? null : text;
}

function weakerGlute(balance: Balance | null): Glute | null {
  if (balance === 'left-stronger') return 'right';
  if (balance === 'right-stronger') return 'left';
  return null;
}

/** Regions as the engine records them: "nothing yet" only when nothing else was named. */
export function normaliseRegions(regions: readonly Region[]): Region[] {
  const named = [...new Set(regions)].filter((r) => r !== 'none');
  return named.length > 0 ? named : ['none'];
}

export function gluteNamed(regions: readonly Region[]): boolean {
  return regions.some(isGlute);
}
