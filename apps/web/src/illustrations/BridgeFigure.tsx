// BridgeFigure: a flat SVG side view of a glute bridge at the top of the lift
// (lying on the back, head and shoulders on the floor, knees bent, feet flat,
// hips raised so knees, hips and shoulders make one line), with the glutes
// marked in the accent colour. Same drawing language and colours as
// ProneFigure (see body-map.css), so the two sit well together.
import { useId } from 'preact/hooks';
import './body-map.css';

export interface BridgeFigureProps {
  /** The accessible name of the picture: describe the pose in words. */
  title: string;
  class?: string;
}

export function BridgeFigure({ title, class: className }: BridgeFigureProps) {
  const titleId = useId();
  return (
    <svg
      class={className ? `gw-fig ${className}` : 'gw-fig'}
      viewBox="0 70 400 140"
      role="img"
      aria-labelledby={titleId}
      focusable="false"
    >
      <title id={titleId}>{title}</title>
      <line class="gw-fig__floor" x1={6} y1={201} x2={394} y2={201} />

      {/* Arms resting along the floor, palms down. */}
      <path class="gw-fig__limb gw-fig__limb--arm" d="M92,190 L200,193" />
      {/* Head on the floor, neck to the shoulders. */}
      <path class="gw-fig__limb gw-fig__limb--neck" d="M58,180 L86,184" />
      <circle class="gw-fig__body" cx={44} cy={178} r={21} />
      <path class="gw-fig__hair" d="M23,180 A21,21 0 0 1 44,157 C36,162 30,170 23,180 Z" />

      {/* Torso from the shoulders on the floor up to the lifted hips. */}
      <path class="gw-fig__limb gw-fig__limb--torso" d="M96,182 L214,136" />
      {/* The glutes, under the hips, doing the lifting. */}
      <ellipse class="gw-fig__accent-fill" cx={214} cy={150} rx={22} ry={17} />
      {/* Thigh from the hips to the bent knee, in line with the torso. */}
      <path class="gw-fig__limb gw-fig__limb--thigh" d="M214,136 L296,106" />
      {/* Shin down to the foot, flat on the floor. */}
      <path class="gw-fig__limb gw-fig__limb--shin" d="M298,106 L288,186" />
      <path
        class="gw-fig__body"
        d="M272,186 C272,178 300,178 306,184 L322,192 C326,196 324,200 318,200 L276,200 C272,200 272,194 272,186 Z"
      />

      {/* Up arrow beside the hips: the lift. */}
      <path class="gw-fig__arrow" d="M176,118 L176,84 M168,94 L176,84 L184,94" />
    </svg>
  );
}
