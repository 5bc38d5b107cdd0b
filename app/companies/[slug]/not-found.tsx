import Link from 'next/link';

export default function CompanyNotFound() {
  return (
    <>
      <h1>Company not found</h1>
      <p>No company in the tracker has this address. <Link href="/companies">Browse all companies</Link> or <Link href="/">back to the overview</Link>.</p>
    </>
  );
}
