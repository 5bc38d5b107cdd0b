export default function Loading() {
  return <p aria-live="polite">Loading figures…</p>;
}
