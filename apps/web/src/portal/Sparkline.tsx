// A sparkline of the rep at which each glute fired over a client's recent
// sessions: left solid, right dashed (so the lines differ by more than
// colour), lower is better. The drawing is an image whose label says the
// same numbers in words; a missing point (the glute did not fire) breaks
// the line instead of pretending it was zero.
import type { FiredPoint } from './types.js';
import { portalMessages as t } from './messages.js';

const WIDTH = 120;
const HEIGHT = 36;
const PAD = 4;

function pathOf(values: readonly (number | null)[], max: number): string {
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  let d = '';
  let drawing = false;
  values.forEach((value, i) => {
    if (value === null) {
      drawing = false;
      return;
    }
    const x = PAD + i * step;
    const y = PAD + (value / max) * (HEIGHT - 2 * PAD);
    d += `${drawing ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)} `;
    drawing = true;
  });
  return d.trim();
}

function dots(values: readonly (number | null)[], max: number) {
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  return values.map((value, i) =>
    value === null ? null : { x: PAD + i * step, y: PAD + (value / max) * (HEIGHT - 2 * PAD) },
  );
}

export function describeFiring(points: readonly FiredPoint[]): string {
  if (points.length === 0) return t.sparkline.none;
  const side = (pick: (p: FiredPoint) => number | null) => {
    const values = points.map(pick);
    const known = values.filter((v): v is number => v !== null);
    return t.sparkline.trend(known[0] ?? null, values.at(-1) ?? null);
  };
  return t.sparkline.describe(
    points.length,
    side((p) => p.left),
    side((p) => p.right),
  );
}

export function Sparkline({ points }: { points: readonly FiredPoint[] }) {
  const label = describeFiring(points);
  if (points.length === 0) return <span class="hint">{label}</span>;
  // Rep 1 at the top: an earlier firing is a higher point, like "better".
  const max = Math.max(10, ...points.flatMap((p) => [p.left ?? 0, p.right ?? 0]));
  const left = points.map((p) => p.left);
  const right = points.map((p) => p.right);
  const lastLeft = dots(left, max).at(-1);
  const lastRight = dots(right, max).at(-1);
  return (
    <svg
      class="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      <path class="spark-left" d={pathOf(left, max)} />
      <path class="spark-right" d={pathOf(right, max)} />
      {lastLeft && <circle class="spark-left-dot" cx={lastLeft.x} cy={lastLeft.y} r={3} />}
      {lastRight && (
        <rect
          class="spark-right-dot"
          x={lastRight.x - 3}
          y={lastRight.y - 3}
          width={6}
          height={6}
        />
      )}
    </svg>
  );
}
