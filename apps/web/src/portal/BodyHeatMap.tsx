// Where a client has felt the squeezes over the last two weeks: the app's
// back-view body drawing with each region shaded by the share of answered
// check-ins that named it (darker is more often), its percentage written on
// it, and the same counts as a table for people who do not use the picture.
// Seen from behind, so the client's left is on the viewer's left.
import { ART, MIRROR, SILHOUETTE, type RegionArt } from '../illustrations/BodyMap.js';
import { REGION_LABELS } from './session-words.js';
import type { TimelineSession } from './types.js';

const DAY_MS = 86_400_000;
const MAP_REGIONS = ['back', 'left', 'right', 'thighs', 'hamstrings'] as const;
type MapRegion = (typeof MAP_REGIONS)[number];
/** Where each region's percentage sits in the 300 x 400 drawing. */
const LABEL_AT: Record<MapRegion, { x: number; y: number }> = {
  back: { x: 150, y: 50 },
  left: { x: 92, y: 150 },
  right: { x: 208, y: 150 },
  thighs: { x: 150, y: 262 },
  hamstrings: { x: 150, y: 350 },
};

export interface FeltCounts {
  answered: number;
  counts: Record<string, number>;
}

export function feltCounts(sessions: readonly TimelineSession[], now: number): FeltCounts {
  const counts: Record<string, number> = {};
  let answered = 0;
  for (const session of sessions) {
    if (session.startedAt === null || session.startedAt < now - 14 * DAY_MS) continue;
    for (const checkIn of session.checkIns) {
      if (checkIn.felt === null) continue;
      answered++;
      for (const region of checkIn.felt) counts[region] = (counts[region] ?? 0) + 1;
    }
  }
  return { answered, counts };
}

function share(felt: FeltCounts, region: string): number {
  return felt.answered === 0 ? 0 : (felt.counts[region] ?? 0) / felt.answered;
}

function Region({ art, opacity }: { art: RegionArt; opacity: number }) {
  const draw = (transform: string | undefined, key: string) =>
    art.shapes.map((d, i) => (
      <path
        key={`${key}${i}`}
        d={d}
        transform={transform}
        class="heat-region"
        style={{ fillOpacity: opacity }}
      />
    ));
  return (
    <g>
      {art.sides !== 'mirrored' && draw(undefined, 'l')}
      {art.sides !== 'as-drawn' && draw(MIRROR, 'r')}
    </g>
  );
}

export function BodyHeatMap({ felt, id }: { felt: FeltCounts; id: string }) {
  const percent = (region: string) => Math.round(share(felt, region) * 100);
  const summary =
    felt.answered === 0
      ? 'No answered check-ins in the last 14 days.'
      : `Where it was felt in ${felt.answered} answered check-ins over the last 14 days. ` +
        MAP_REGIONS.map((r) => `${REGION_LABELS[r]} ${percent(r)}%`).join(', ') +
        '.';
  return (
    <figure class="heat-map" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Where it was felt, last 14 days</h3>
      <svg viewBox="0 0 300 400" class="heat-svg" role="img" aria-label={summary}>
        <path d={SILHOUETTE} class="heat-silhouette" />
        {MAP_REGIONS.map((region) => (
          <Region key={region} art={ART[region]} opacity={0.08 + 0.9 * share(felt, region)} />
        ))}
        {MAP_REGIONS.map((region) => (
          <text
            key={region}
            x={LABEL_AT[region].x}
            y={LABEL_AT[region].y}
            class="heat-label"
            text-anchor="middle"
          >
            {percent(region)}%
          </text>
        ))}
      </svg>
      <figcaption class="hint">
        {felt.answered === 0 ? summary : 'Seen from behind. Darker means felt more often.'}
      </figcaption>
      <table class="plain-table heat-table">
        <caption class="visually-hidden">Where it was felt, last 14 days, as a table</caption>
        <thead>
          <tr>
            <th scope="col">Region</th>
            <th scope="col">Check-ins</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {[...MAP_REGIONS, 'none'].map((region) => (
            <tr key={region}>
              <th scope="row">{REGION_LABELS[region]}</th>
              <td>{felt.counts[region] ?? 0}</td>
              <td>{percent(region)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
