// One trend chart drawn by uPlot, with the same numbers as a table for
// people who do not use the picture. The canvas is described by an image
// label; the table is the accessible alternative, one row per session. The
// chart redraws itself when its container changes width.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
  color: string;
  /** Canvas dash pattern, so lines differ by more than colour. */
  dash?: number[];
}

export interface ChartProps {
  id: string;
  title: string;
  /** A sentence saying what the chart shows, for screen readers and the figure caption. */
  summary: string;
  /** Epoch ms of each point (each session's start). */
  times: readonly number[];
  series: readonly ChartSeries[];
  y: { min: number; max: number; ticks?: Record<number, string>; bars?: boolean };
  table: { caption: string; columns: readonly string[]; rows: readonly (readonly string[])[] };
  showTableLabel: string;
}

const AXIS = {
  stroke: '#b8c4cf',
  grid: 'rgba(255,255,255,0.12)',
  font: '14px system-ui, sans-serif',
};

export function Chart(props: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const plot = new uPlot(options(props, element.clientWidth), data(props), element);
    const observer = new ResizeObserver(() => plot.setSize(size(element.clientWidth)));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [props]);

  return (
    <figure class="chart card" aria-labelledby={`${props.id}-title`}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      <ul class="chart-key" aria-hidden="true">
        {props.series.map((series) => (
          <li key={series.label}>
            <span
              class={`swatch${series.dash ? ' dashed' : ''}`}
              style={{ borderColor: series.color }}
            />
            {series.label}
          </li>
        ))}
      </ul>
      <div ref={container} class="chart-canvas" role="img" aria-label={props.summary} />
      <figcaption class="hint">{props.summary}</figcaption>
      <details class="chart-table">
        <summary>{props.showTableLabel}</summary>
        <table>
          <caption>{props.table.caption}</caption>
          <thead>
            <tr>
              {props.table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.table.rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) =>
                  column === 0 ? (
                    <th key={column} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={column}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function size(width: number): { width: number; height: number } {
  return { width: Math.max(240, width), height: 220 };
}

function data(props: ChartProps): uPlot.AlignedData {
  return [
    props.times.map((ms) => ms / 1000),
    ...props.series.map((series) => series.values.map((value) => value ?? null)),
  ] as uPlot.AlignedData;
}

function options(props: ChartProps, width: number): uPlot.Options {
  const { ticks, bars } = props.y;
  return {
    ...size(width),
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: [props.y.min, props.y.max] } },
    axes: [
      {
        stroke: AXIS.stroke,
        font: AXIS.font,
        grid: { stroke: AXIS.grid },
        ticks: { stroke: AXIS.grid },
      },
      {
        stroke: AXIS.stroke,
        font: AXIS.font,
        grid: { stroke: AXIS.grid },
        ticks: { stroke: AXIS.grid },
        size: ticks ? 120 : 50,
        ...(ticks
          ? {
              splits: () => Object.keys(ticks).map(Number),
              values: (_: uPlot, splits: number[]) => splits.map((split) => ticks[split] ?? ''),
            }
          : {}),
      },
    ],
    series: [
      {},
      ...props.series.map((series) => ({
        label: series.label,
        stroke: series.color,
        width: 3,
        ...(series.dash ? { dash: series.dash } : {}),
        ...(bars
          ? { fill: `${series.color}cc`, paths: uPlot.paths.bars?.({ size: [0.6, 40] }) }
          : { points: { show: true, size: 9, fill: series.color } }),
        spanGaps: false,
      })),
    ],
  };
}
