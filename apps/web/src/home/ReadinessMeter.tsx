// How far a locked exercise is from opening: practice days and strong
// sessions in a row, each as a labelled progress bar. Home and the
// exercises screen show the same meter with their own words.
import type { ReadinessReport } from '@glutewake/core';

export interface ReadinessMeterProps {
  readiness: ReadinessReport;
  practiceDaysLabel(have: number, need: number, withinDays: number): string;
  strongSessionsLabel(have: number, need: number): string;
}

export function ReadinessMeter({
  readiness,
  practiceDaysLabel,
  strongSessionsLabel,
}: ReadinessMeterProps) {
  const { practiceDays, recentMeeting } = readiness;
  return (
    <div class="meter">
      <label>
        {practiceDaysLabel(practiceDays.have, practiceDays.need, practiceDays.withinDays)}
        <progress max={practiceDays.need} value={Math.min(practiceDays.have, practiceDays.need)} />
      </label>
      <label>
        {strongSessionsLabel(recentMeeting.have, recentMeeting.need)}
        <progress max={recentMeeting.need} value={recentMeeting.have} />
      </label>
    </div>
  );
}
