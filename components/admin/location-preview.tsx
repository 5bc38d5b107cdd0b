import { EuropeMap } from '@/components/map/europe-map';

/** The typed coordinates on the Europe map, zoomed to the point. */
export function LocationPreview({ lat, lon, valid = true }: { lat: number; lon: number; valid?: boolean }) {
  const inRange = valid && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  if (!inRange) return <p className="muted">Enter latitude and longitude (decimal degrees) to see the point on the map.</p>;
  return (
    <EuropeMap
      title="Location preview"
      description={`${lat.toFixed(4)}° N, ${lon.toFixed(4)}° E.`}
      year={new Date().getUTCFullYear()}
      countries={[]}
      plants={[{ slug: 'preview', name: 'This plant', operator: '', city: `${lat.toFixed(3)}, ${lon.toFixed(3)}`, lat, lon, status: 'announced', gwh: 10 }]}
      focus="plants"
    />
  );
}
