'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert">
      <h1>Data temporarily unavailable</h1>
      <p>We could not load this page’s figures just now. Please try again in a moment.</p>
      {error.digest ? <p>Error id: <code>{error.digest}</code></p> : null}
      <button type="button" onClick={reset}>Try again</button>
    </div>
  );
}
