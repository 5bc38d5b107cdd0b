import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'About' };
// Static: no data, built once. It is also the benchmark's reference for the framework's
// ceiling on a machine (scripts/bench/run.ts).
export const dynamic = 'force-static';

export default function AboutPage() {
  return (
    <article className="prose">
      <h1>About Voltrack</h1>
      <p className="lede">
        A free, sourced and always-current tracker of Europe’s battery-cell manufacturing capacity: every gigafactory,
        who owns it, how many GWh a year it makes now, what it has announced for 2030, and who has contracted its output.
      </p>
      <h2>Why</h2>
      <p>
        Europe is trying to build its own battery industry. The people who follow it — analysts, journalists, policy
        staff, investors and the curious public — have had to piece the picture together from paywalled databases, static
        maps and press releases. Voltrack puts every figure in one place, with its source and date, and keeps the history
        of every announcement so that anyone can see how the 2030 pipeline has changed.
      </p>
      <h2>How to use it</h2>
      <ul>
        <li>The <Link href="/">dashboard</Link> charts capacity toward 2030 by region, company, origin or chemistry, under three scenarios, as known on any date.</li>
        <li><Link href="/regions">Regions</Link> have their own pages, down to sub-national regions such as Hauts-de-France.</li>
        <li>The <Link href="/methodology">methodology</Link> explains how capacity is counted and how the scenarios weigh plans.</li>
      </ul>
      <h2>Licence</h2>
      <p>The data is published under CC BY 4.0: reuse it freely, citing “Voltrack” and the original source of each figure.</p>
    </article>
  );
}
