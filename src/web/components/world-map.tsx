import { useId } from "react";
import { useHref } from "../i18n.tsx";
import { mapFrame, mapHeight, project } from "./map-projection.ts";

export type MapMarker = { slug: string; name: string; latitude: number; longitude: number };

/**
 * The land is one cached static image drawn with the same projection as the markers, so the map
 * costs no script and no tile server. Maps are not text: the frame stays left-to-right in Arabic
 * (SVG elements take no `dir`; the wrapping element carries it).
 */
export function WorldMap({ markers, label, highlight }: { markers: MapMarker[]; label: string; highlight?: string }) {
  const href = useHref();
  const titleId = useId();
  return (
    <figure className="world-map" dir="ltr" aria-labelledby={titleId}>
      <svg viewBox={`0 0 ${mapFrame.width} ${mapHeight}`}>
        <title id={titleId}>{label}</title>
        <image href="/world-land.svg" width={mapFrame.width} height={mapHeight} />
        {markers.map((marker) => {
          const [x, y] = project(marker.longitude, marker.latitude);
          return (
            <a key={marker.slug} href={href(`/centres/${marker.slug}`)} className={marker.slug === highlight ? "marker current" : "marker"}>
              <title>{marker.name}</title>
              <circle cx={x.toFixed(1)} cy={y.toFixed(1)} r="7" />
            </a>
          );
        })}
      </svg>
    </figure>
  );
}
