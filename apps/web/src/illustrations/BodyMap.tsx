// BodyMap: a large back view of the lower body (low back, both glutes, the
// hamstrings, the inner thighs) where each region is a toggle. The drawing is
// decoration (aria-hidden, but clickable with a pointer); the accessible
// controls are real <button aria-pressed> elements laid over each region,
// which also carry the visible labels. Seen from behind, so the person's LEFT
// is on the viewer's LEFT.
import type { Region } from '@glutewake/core';
import { useId, useState } from 'preact/hooks';
import './body-map.css';

/** The regions the map draws: every Region except 'none' (the caller offers that). */
export type MapRegion = Exclude<Region, 'none'>;

export interface BodyMapProps {
  selected: readonly Region[];
  onToggle(region: Region): void;
  labels: Record<Region, string>;
  /** Optional key shown before each label (e.g. "1"); also exposed as aria-keyshortcuts. */
  digitFor?: Partial<Record<Region, string>>;
  /** Accessible name for the group of toggles, e.g. "Where do you feel it?". */
  groupLabel?: string;
  class?: string;
}

export interface RegionArt {
  /** Shapes in the 300 x 400 drawing, drawn on the person's left (viewer's left). */
  shapes: readonly string[];
  /** Which side(s) to draw: as drawn, mirrored onto the right, or both. */
  sides: 'as-drawn' | 'mirrored' | 'both';
}

const BACK =
  'M74,8 L226,8 C229,36 238,62 252,88 C230,76 190,72 150,96 C110,72 70,76 48,88 ' +
  'C62,62 71,36 74,8 Z';
const GLUTE = 'M146,102 C122,82 78,80 46,96 C33,124 32,160 42,188 C66,202 118,204 146,194 Z';
const INNER_THIGH =
  'M146,203 C128,207 110,208 94,207 C108,244 122,284 138,326 C144,290 146,250 146,203 Z';
const HAMSTRING =
  'M90,207 C72,205 56,201 42,195 C48,252 58,310 68,364 C92,372 116,372 138,366 ' +
  'C138,354 138,344 138,334 C121,290 104,248 90,207 Z';
export const SILHOUETTE =
  'M70,2 L230,2 C234,40 248,74 262,104 C272,136 268,172 258,196 C250,252 240,310 234,366 ' +
  'C236,378 236,390 234,400 L162,400 C161,390 160,378 161,368 C158,310 155,254 153,204 ' +
  'L147,204 C145,254 142,310 139,368 C140,378 139,390 138,400 L66,400 C64,390 64,378 66,366 ' +
  'C60,310 50,252 42,196 C32,172 28,136 38,104 C52,74 66,40 70,2 Z';

/** The drawing of each region, shared with the portal's aggregate map. */
export const ART: Record<MapRegion, RegionArt> = {
  back: { shapes: [BACK], sides: 'as-drawn' },
  left: { shapes: [GLUTE], sides: 'as-drawn' },
  right: { shapes: [GLUTE], sides: 'mirrored' },
  thighs: { shapes: [INNER_THIGH], sides: 'both' },
  hamstrings: { shapes: [HAMSTRING], sides: 'both' },
};

export const MIRROR = 'translate(300 0) scale(-1 1)';

/** Top-to-bottom reading order, used when no digits are given. */
const SPATIAL_ORDER: readonly MapRegion[] = ['back', 'left', 'right', 'thighs', 'hamstrings'];

function digitRank(digit: string | undefined): number {
  if (digit === undefined) return Number.POSITIVE_INFINITY;
  const n = Number(digit);
  return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
}

function Shapes({
  region,
  on,
  hot,
  hatchId,
  onPick,
}: {
  region: MapRegion;
  on: boolean;
  hot: boolean;
  hatchId: string;
  onPick(region: MapRegion): void;
}) {
  const { shapes, sides } = ART[region];
  const cls = `gw-map__region${on ? ' is-on' : ''}${hot ? ' is-hot' : ''}`;
  const click = () => onPick(region);
  const draw = (transform: string | undefined, prefix: string) =>
    shapes.map((d, i) => (
      <g key={`${prefix}${i}`} transform={transform}>
        <path class={cls} d={d} onClick={click} />
        {on ? <path class="gw-map__hatch" d={d} fill={`url(#${hatchId})`} /> : null}
      </g>
    ));
  return (
    <g>
      {sides !== 'mirrored' ? draw(undefined, 'l') : null}
      {sides !== 'as-drawn' ? draw(MIRROR, 'r') : null}
    </g>
  );
}

/** The check badge on a pressed toggle: a shape cue that does not rely on colour. */
function Check() {
  return (
    <svg class="gw-map__check" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx={12} cy={12} r={11} />
      <path d="M6.5,12.5 L10.5,16.5 L17.5,7.5" />
    </svg>
  );
}

export function BodyMap({
  selected,
  onToggle,
  labels,
  digitFor,
  groupLabel,
  class: className,
}: BodyMapProps) {
  const hatchId = `gw-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [hot, setHot] = useState<MapRegion | null>(null);

  const order = digitFor
    ? [...SPATIAL_ORDER].sort((a, b) => digitRank(digitFor[a]) - digitRank(digitFor[b]))
    : SPATIAL_ORDER;
  const isOn = (region: MapRegion) => selected.includes(region);
  const cool = (region: MapRegion) => setHot((h) => (h === region ? null : h));

  return (
    <div class={className ? `gw-map ${className}` : 'gw-map'} role="group" aria-label={groupLabel}>
      <svg class="gw-map__svg" viewBox="0 0 300 400" aria-hidden="true" focusable="false">
        <defs>
          <pattern
            id={hatchId}
            width={10}
            height={10}
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line class="gw-map__hatch-line" x1={0} y1={0} x2={0} y2={10} />
          </pattern>
        </defs>

        {/* Silhouette: waist to just below the knees, seen from behind. */}
        <path class="gw-map__silhouette" d={SILHOUETTE} />
        {/* Creases behind the knees and the line of the spine: cues for a back view. */}
        <path class="gw-map__detail" d="M80,384 C96,391 116,391 132,384" />
        <path class="gw-map__detail" d="M168,384 C184,391 204,391 220,384" />
        <path class="gw-map__detail gw-map__spine" d="M150,14 L150,62" />

        {SPATIAL_ORDER.map((region) => (
          <Shapes
            key={region}
            region={region}
            on={isOn(region)}
            hot={hot === region}
            hatchId={hatchId}
            onPick={onToggle}
          />
        ))}
      </svg>

      {order.map((region) => {
        const on = isOn(region);
        const digit = digitFor?.[region];
        return (
          <button
            key={region}
            type="button"
            class={`gw-map__toggle gw-map__toggle--${region}`}
            aria-pressed={on}
            aria-keyshortcuts={digit}
            onClick={() => onToggle(region)}
            onFocus={() => setHot(region)}
            onBlur={() => cool(region)}
            onMouseEnter={() => setHot(region)}
            onMouseLeave={() => cool(region)}
          >
            {digit !== undefined ? (
              <span class="gw-map__digit" aria-hidden="true">
                {digit}
              </span>
            ) : null}
            <span>{labels[region]}</span>
            {on ? <Check /> : null}
          </button>
        );
      })}
    </div>
  );
}
