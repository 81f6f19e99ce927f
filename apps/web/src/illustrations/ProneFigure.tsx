// ProneFigure: a flat SVG side view of the prone ankle squeeze setup (lying face
// down, forehead on stacked hands, knees bent to 90 degrees with the shins up,
// a pillow between the feet), with an optional inset of the feet seen from above
// that shows both inner heels pressing the pillow. Colours come from CSS custom
// properties (see body-map.css), so it works on any background.
import { useId } from 'preact/hooks';
import './body-map.css';

export type FigureHighlight = 'inner-heel' | 'glutes' | 'none';

export interface ProneFigureProps {
  /** What to mark with the accent colour. Defaults to 'inner-heel'. */
  highlight?: FigureHighlight;
  /** The accessible name of the picture: describe the pose in words. */
  title: string;
  class?: string;
  /**
   * The short callout drawn beside the highlight. Defaults to "inner heel" or
   * "glutes"; pass null to draw no text (for example when the caller labels it).
   */
  calloutLabel?: string | null;
  /** Draw the inset of the feet seen from above. Defaults to true. */
  inset?: boolean;
  /** Caption of the inset. Defaults to "from above"; null draws none. */
  insetLabel?: string | null;
}

const DEFAULT_CALLOUT: Record<FigureHighlight, string | null> = {
  'inner-heel': 'inner heel',
  glutes: 'glutes',
  none: null,
};

/** The sole of a right foot seen from behind/above: toes up, heel down, medial edge at x=0. */
const SOLE =
  'M13,74 C5,74 1,67 2,59 C3,51 8,46 8,38 C8,31 1,27 1,20 C1,13 7,10 15,10 ' +
  'C23,10 30,13 30,22 C30,33 26,41 25,51 C24,60 22,74 13,74 Z';

/** The five toes of that right foot, big toe on the medial (left) side. */
const TOES: readonly (readonly [number, number, number])[] = [
  [7, 2, 6],
  [16, 0, 3.6],
  [22.5, 2, 3.2],
  [27.5, 5.5, 2.8],
  [31, 10, 2.4],
];

function Foot({ mirrored, highlight }: { mirrored: boolean; highlight: boolean }) {
  // Right foot sits to the right of the pillow; the left foot is its mirror image.
  const transform = mirrored ? 'translate(75 30) scale(-1 1)' : 'translate(101 30)';
  return (
    <g transform={transform}>
      <path class="gw-fig__body" d={SOLE} />
      {TOES.map(([x, y, r]) => (
        <circle key={`${x}`} class="gw-fig__body" cx={x} cy={y + 6} r={r} />
      ))}
      {highlight ? (
        <g>
          <circle class="gw-fig__glow" cx={3} cy={60} r={11} />
          <circle class="gw-fig__ring" cx={3} cy={60} r={7} />
        </g>
      ) : null}
      {/* Squeeze arrow on the outer side, pointing in toward the pillow. */}
      <path class="gw-fig__arrow" d="M50,60 L38,60 M43,54 L37,60 L43,66" />
    </g>
  );
}

export function ProneFigure({
  highlight = 'inner-heel',
  title,
  class: className,
  calloutLabel,
  inset = true,
  insetLabel,
}: ProneFigureProps) {
  const titleId = useId();
  const callout = calloutLabel === undefined ? DEFAULT_CALLOUT[highlight] : calloutLabel;
  const caption = insetLabel === undefined ? 'from above' : insetLabel;
  const heel = highlight === 'inner-heel';
  const glutes = highlight === 'glutes';

  return (
    <svg
      class={className ? `gw-fig ${className}` : 'gw-fig'}
      viewBox="0 0 400 220"
      role="img"
      aria-labelledby={titleId}
      focusable="false"
    >
      <title id={titleId}>{title}</title>

      {/* Floor */}
      <line class="gw-fig__floor" x1={6} y1={201} x2={394} y2={201} />

      {/* Pillow between the feet: drawn first, the near leg covers part of it. */}
      <path
        class="gw-fig__pillow"
        d="M262,72 C284,64 320,64 342,72 C350,88 350,106 342,122 C320,130 284,130 262,122 C254,106 254,88 262,72 Z"
      />

      {/* Stacked hands, fingers interlaced, on the floor under the forehead. */}
      <rect class="gw-fig__body" x={20} y={189} width={64} height={11} rx={5.5} />
      <rect class="gw-fig__body" x={26} y={178} width={58} height={12} rx={6} />
      <path class="gw-fig__crease" d="M30,189.5 L80,189.5" />

      {/* Head resting forehead-down on the hands, neck to the shoulders. */}
      <path class="gw-fig__limb gw-fig__limb--neck" d="M72,165 L106,172" />
      <circle class="gw-fig__body" cx={60} cy={157} r={21} />
      {/* Hair on the back and crown of the head: the face is down, on the hands. */}
      <path
        class="gw-fig__hair"
        d="M39.5,162 A21,21 0 0 1 79.5,150 C72,146 62,146 54,150 C47,153 42,157 39.5,162 Z"
      />

      {/* Torso lying flat on the floor, with the small dip of the low back. */}
      <path
        class="gw-fig__body"
        d="M98,201 C90,201 86,192 88,182 C91,168 102,160 118,158 C146,156 168,161 184,163 C194,164 200,157 212,153 C226,148 242,157 244,171 L244,201 Z"
      />

      {/* Glutes: the rounded top of the hips. */}
      <path
        class={glutes ? 'gw-fig__accent-fill' : 'gw-fig__body'}
        d="M190,163 C198,158 205,153 214,151 C229,148 243,158 243,172 C230,174 206,171 190,163 Z"
      />

      {/* Near arm: elbow out on the floor, forearm running to the hands. */}
      <path class="gw-fig__limb gw-fig__limb--arm" d="M112,168 L92,191 L70,192" />

      {/* Thigh on the floor, knee bent to 90 degrees, shin straight up. */}
      <path class="gw-fig__limb gw-fig__limb--thigh" d="M226,186 L300,187" />
      <path class="gw-fig__limb gw-fig__limb--shin" d="M304,186 L304,106" />
      {/* Calf bulge on the back of the shin (facing the head). */}
      <ellipse class="gw-fig__body" cx={297} cy={150} rx={10} ry={24} />

      {/* Foot with the sole to the ceiling: heel toward the head, toes away. */}
      <path
        class="gw-fig__body"
        d="M292,110 C281,107 280,88 293,85 C310,84 332,86 346,88 C353,89 353,98 346,99 C332,101 320,105 314,112 Z"
      />

      {heel ? (
        <g>
          <circle class="gw-fig__glow" cx={291} cy={97} r={17} />
          <circle class="gw-fig__ring" cx={291} cy={97} r={10} />
          <circle class="gw-fig__accent-fill" cx={291} cy={97} r={3.5} />
        </g>
      ) : null}

      {callout && highlight !== 'none' ? (
        <g>
          <path
            class="gw-fig__leader"
            d={heel ? 'M226,50 C254,54 276,66 285,84' : 'M219,110 L219,138'}
          />
          <text
            class="gw-fig__callout"
            x={heel ? 166 : 219}
            y={heel ? 42 : 102}
            text-anchor={heel ? 'start' : 'middle'}
          >
            {callout}
          </text>
        </g>
      ) : null}

      {inset ? (
        <g>
          <rect class="gw-fig__inset" x={8} y={8} width={140} height={124} rx={14} />
          <g transform="translate(-10 8)">
            {/* Pillow between the two inner heels and arches. */}
            <rect class="gw-fig__pillow" x={74} y={52} width={28} height={54} rx={11} />
            <Foot mirrored highlight={heel} />
            <Foot mirrored={false} highlight={heel} />
          </g>
          {caption ? (
            <text class="gw-fig__caption" x={78} y={27} text-anchor="middle">
              {caption}
            </text>
          ) : null}
        </g>
      ) : null}
    </svg>
  );
}
