import { direction } from "../../i18n/locales.ts";
import { useFormat, useLocale } from "../i18n.tsx";

export type BarSeries = { label: string; colour: string };
export type BarRow = { key: string; label: string; values: number[] };

const WIDTH = 240;
const BAR = 10;
const GAP = 3;

/**
 * A bar chart drawn on the server as SVG, one row per group with a bar per series: the numbers
 * stay in the table cells for screen readers, the bars only show them. Bars grow from the start
 * side, so Arabic pages draw them from the right.
 */
export function BarChart({ caption, series, rows }: { caption: string; series: BarSeries[]; rows: BarRow[] }) {
  const format = useFormat();
  const rtl = direction(useLocale()) === "rtl";
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const height = series.length * (BAR + GAP);
  return (
    <table className="cohort-chart">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <td />
          {series.map((s) => (
            <th key={s.label} scope="col">
              <svg aria-hidden="true" width="10" height="10" viewBox="0 0 10 10">
                <rect width="10" height="10" fill={s.colour} />
              </svg>{" "}
              {s.label}
            </th>
          ))}
          <td />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {row.values.map((value, i) => (
              <td key={series[i]?.label}>{format.number(value)}</td>
            ))}
            <td>
              <svg aria-hidden="true" width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`}>
                {row.values.map((value, i) => {
                  const width = Math.round((value / max) * WIDTH);
                  return (
                    <rect
                      key={series[i]?.label}
                      x={rtl ? WIDTH - width : 0}
                      y={i * (BAR + GAP)}
                      width={width}
                      height={BAR}
                      fill={series[i]?.colour}
                    />
                  );
                })}
              </svg>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
